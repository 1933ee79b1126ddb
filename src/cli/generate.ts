import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { profiles, type ProfileName } from '../generate/profiles.js';
import { writeSyntheticDataset } from '../generate/synthetic-dataset.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';

export interface GenerateCommandOptions {
  profile?: ProfileName;
  incidents?: number;
  actors?: number;
  seed: number;
  out?: string;
}

/** `cig generate`: a synthetic dataset in the native format, to a file or stdout, streamed. */
export async function generateCommand(options: GenerateCommandOptions): Promise<number> {
  const profile = profiles[options.profile ?? 'small'];
  const sizes = {
    incidents: options.incidents ?? profile.incidents,
    actors: options.actors ?? profile.actors,
    seed: options.seed,
  };
  const out = options.out ? createWriteStream(options.out) : process.stdout;
  const written = await writeSyntheticDataset(sizes, loadTaxonomy(), out, (n) => {
    if (options.out) process.stderr.write(`\r${n} / ${sizes.incidents} incidents`);
  });
  if (options.out) {
    out.end();
    await finished(out);
    process.stderr.write('\n');
  }
  process.stderr.write(
    `Generated ${written.incidents} incidents, ${written.actors} actors, ${written.campaigns} campaigns, ${written.organizations} organizations and ${written.sources} sources (seed ${written.seed})${options.out ? ` to ${options.out}` : ''}.\n`,
  );
  return 0;
}

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
  // On a terminal one line counts up; in a log (a file or a pipe) a line per tenth stays readable.
  const interactive = process.stderr.isTTY;
  let nextLine = sizes.incidents / 10;
  const written = await writeSyntheticDataset(sizes, loadTaxonomy(), out, (n) => {
    if (!options.out) return;
    if (interactive) process.stderr.write(`\r${n} / ${sizes.incidents} incidents`);
    else if (n >= nextLine) {
      process.stderr.write(`${n} / ${sizes.incidents} incidents\n`);
      nextLine = n + sizes.incidents / 10;
    }
  });
  if (options.out) {
    out.end();
    await finished(out);
    if (interactive) process.stderr.write('\n');
  }
  process.stderr.write(
    `Generated ${written.incidents} incidents, ${written.actors} actors, ${written.campaigns} campaigns, ${written.organizations} organizations and ${written.sources} sources (seed ${written.seed})${options.out ? ` to ${options.out}` : ''}.\n`,
  );
  return 0;
}

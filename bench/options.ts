import { Command, InvalidArgumentError, Option } from 'commander';
import { profileNames, type ProfileName } from '../src/generate/profiles.js';

export interface BenchOptions {
  profile: ProfileName;
  seed: number;
  duration?: number;
  warmup?: number;
  importIncidents: number;
  skipImport: boolean;
  importOnly: boolean;
  reload: boolean;
  cpuProf: boolean;
}

const wholeNumber = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
  return n;
};
const seconds = (value: string) => {
  const n = Number(value);
  if (!(n > 0))
    throw new InvalidArgumentError(`expected a number of seconds above 0, got "${value}"`);
  return n;
};

/** The command line of `npm run bench -- …`; commander prints the help and refuses bad values. */
export function parseOptions(): BenchOptions {
  return new Command()
    .name('npm run bench --')
    .description(
      'Measure the API against the hand-written Cypher floor and @neo4j/graphql, and the import',
    )
    .addOption(
      new Option('--profile <name>', 'dataset size (see cig generate)')
        .choices(profileNames)
        .default('small'),
    )
    .option('--seed <n>', 'generator seed', wholeNumber(0), 1)
    .option(
      '--duration <seconds>',
      'measured time per cell (default: 5 for small, else 10)',
      seconds,
    )
    .option(
      '--warmup <seconds>',
      'unmeasured time before each cell (default: 1 for small, else 2)',
      seconds,
    )
    .option('--import-incidents <n>', 'incidents in the import slice', wholeNumber(1), 10_000)
    .option('--skip-import', 'skip the import measurement', false)
    .option('--import-only', 'measure the import slice alone, without the query database', false)
    .option(
      '--reload',
      'wipe and load the query database again even if the cache is current',
      false,
    )
    .option(
      '--cpu-prof',
      'also profile our API process per operation with node --cpu-prof and report where its time goes',
      false,
    )
    .parse()
    .opts<BenchOptions>();
}

/**
 * `npm run bench:views -- --profile large`: how long each analyst view takes to show its first
 * answer on a benchmark dataset. The dataset is the query benchmark's own (`npm run bench`, the
 * same cache in .data/bench-<profile>), served by `cig serve` with the product's default settings
 * (its 10 s transaction timeout included), in headless Chromium. For each view: from navigation
 * start to the first animation frame in which its answer is on screen, over cold page loads (a new
 * browser context each, so nothing is cached in the browser). The view's first load after the
 * database started also meets the database's cold caches and plans its statements: it is shown
 * apart, and the median is of the loads after it, which is what an analyst opening the view meets.
 * It prints a table, writes it to bench/results/views-<profile>-<time>.json and asserts nothing.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { databaseSettings } from '../src/db/open-database.js';
import { profileNames, type ProfileName } from '../src/generate/profiles.js';
import { createLogger } from '../src/logger.js';
import { launchChromium } from '../test/support/browser.js';
import { startApiProcess } from './api-servers.js';
import { openQueryDatabase } from './dataset-cache.js';
import { firstRender } from './first-render.js';
import { writeResultFile } from './results.js';
import { benchPorts, cigEntry } from './settings.js';
import { median } from './stats.js';
import { pickSubjects } from './subjects.js';
import { renderText, type Table } from './tables.js';
import { viewCases, type ViewCase } from './view-cases.js';

/** Loads of each view after its first (which is reported apart). */
const warmLoads = 5;

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

function parseProfile(): ProfileName {
  const options = new Command()
    .name('npm run bench:views --')
    .description('Time to the first answer of each analyst view on a benchmark dataset')
    .addOption(
      new Option('--profile <name>', 'dataset size (see cig generate)')
        .choices(profileNames)
        .default('large'),
    )
    .parse()
    .opts<{ profile: ProfileName }>();
  return options.profile;
}

interface ViewTiming {
  view: string;
  address: string;
  /** The first load's time, then the others'. */
  loadsMs: number[];
  /** The median of the loads after the first. */
  medianMs: number;
}

async function timeViews(browser: Browser, base: string, cases: ViewCase[]): Promise<ViewTiming[]> {
  const timings: ViewTiming[] = [];
  for (const { name, address, answered } of cases) {
    const loadsMs: number[] = [];
    for (let i = 0; i <= warmLoads; i += 1)
      loadsMs.push(await firstRender(browser, base + address, answered));
    say(`  ${name}: ${loadsMs.map((t) => t.toFixed(0)).join(', ')} ms`);
    timings.push({ view: name, address, loadsMs, medianMs: median(loadsMs.slice(1)) });
  }
  return timings;
}

function timingTable(timings: ViewTiming[]): Table {
  return {
    headers: ['view', 'first load', `median of the next ${warmLoads}`, 'their range'],
    align: ['left', 'right', 'right', 'right'],
    rows: timings.map(({ view, loadsMs, medianMs }) => {
      const [first = Number.NaN, ...after] = loadsMs;
      return [
        view,
        `${first.toFixed(0)} ms`,
        `${medianMs.toFixed(0)} ms`,
        `${Math.min(...after).toFixed(0)}–${Math.max(...after).toFixed(0)} ms`,
      ];
    }),
  };
}

async function main(): Promise<void> {
  const profile = parseProfile();
  // The views run under the product's default transaction timeout, as a user would meet them: the
  // API process inherits this environment.
  delete process.env.NEO4J_TX_TIMEOUT_MS;
  const env = { ...process.env };
  delete env.NEO4J_URI;
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const log = createLogger('warn', process.stderr);
  const settingsFor = (uri: string) => databaseSettings(config, uri);
  const query = await openQueryDatabase({ profile, seed: 1, reload: false, settingsFor, log, say });
  let browser: Browser | undefined;
  try {
    const driver = createDriver(settingsFor(query.neo4j.uri), log);
    const subjects = await pickSubjects(driver, config.NEO4J_DATABASE).finally(() =>
      driver.close(),
    );
    const api = await startApiProcess({
      name: 'cig serve',
      entry: cigEntry,
      args: ['serve'],
      port: benchPorts.explorerApi,
      env: { NEO4J_URI: query.neo4j.uri, LOG_LEVEL: 'warn' },
    });
    try {
      browser = await launchChromium();
      say(`First answer of each view (${warmLoads + 1} cold page loads each)…`);
      const timings = await timeViews(browser, new URL(api.url).origin, viewCases(subjects));
      const table = timingTable(timings);
      const ranAt = new Date().toISOString();
      process.stdout.write(
        `\n${renderText(table)}\n\n${profile}: ${query.dataset.incidents} incidents; headless Chromium ${browser.version()}, ${ranAt}.\n`,
      );
      const file = await writeResultFile(`views-${profile}`, ranAt, {
        profile,
        dataset: query.dataset,
        ranAt,
        timings,
      });
      say(`Written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await browser?.close();
      await api.stop();
    }
  } finally {
    await query.neo4j.stop();
  }
}

main().catch((error: unknown) => {
  say(`bench:views: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

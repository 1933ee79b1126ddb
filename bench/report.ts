import { cpuOwners } from './cpu-profile-summary.js';
import type { ImportMeasurement } from './import-bench.js';
import type { CellResult } from './load-harness.js';
import type { BenchResults, OperationResult } from './results.js';
import { ratio } from './stats.js';
import { renderMarkdown, renderText, type Table } from './tables.js';

const ms = (x: number): string => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const perSecond = (x: number): string => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const times = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(x < 10 ? 2 : 1)}×`);

const latencies = (cell: CellResult | null): string =>
  cell
    ? `${ms(cell.latencyMs.p50)} / ${ms(cell.latencyMs.p95)} / ${ms(cell.latencyMs.p99)}`
    : 'n/a';
const throughput = (cell: CellResult | null): string =>
  cell ? perSecond(cell.requestsPerSecond) : 'n/a';

function queryTable(operations: OperationResult[]): Table {
  const rows = operations.flatMap((op) =>
    op.cells.map((cell, index) => [
      index === 0 ? op.name : '',
      String(cell.concurrency),
      latencies(cell.ours),
      throughput(cell.ours),
      latencies(cell.floor),
      throughput(cell.floor),
      latencies(cell.peer),
      throughput(cell.peer),
      times(ratio(cell.ours.latencyMs.p50, cell.floor.latencyMs.p50)),
      times(ratio(cell.ours.latencyMs.p50, cell.peer?.latencyMs.p50)),
      index === 0
        ? `${op.roundTrips.ours} / ${op.roundTrips.floor} / ${op.roundTrips.peer ?? 'n/a'}`
        : '',
      `${cell.ours.errors} / ${cell.floor.errors} / ${cell.peer ? cell.peer.errors : 'n/a'}`,
    ]),
  );
  return {
    headers: [
      'operation',
      'c',
      'ours p50/p95/p99 ms',
      'req/s',
      'floor p50/p95/p99 ms',
      'req/s',
      'peer p50/p95/p99 ms',
      'req/s',
      'ours÷floor',
      'ours÷peer',
      'round trips o/f/p',
      'errors o/f/p',
    ],
    rows,
    align: [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ],
  };
}

function cpuTable(operations: OperationResult[]): Table {
  const cpu = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? 'n/a' : ms(x));
  return {
    headers: [
      'CPU ms per request',
      'c',
      'ours: API',
      'ours: Neo4j',
      'floor: Neo4j',
      'peer: API',
      'peer: Neo4j',
    ],
    rows: operations.flatMap((op) =>
      op.cells.map((cell, index) => [
        index === 0 ? op.name : '',
        String(cell.concurrency),
        cpu(cell.ours.cpuMsPerRequest.api),
        cpu(cell.ours.cpuMsPerRequest.neo4j),
        cpu(cell.floor.cpuMsPerRequest.neo4j),
        cpu(cell.peer?.cpuMsPerRequest.api),
        cpu(cell.peer?.cpuMsPerRequest.neo4j),
      ]),
    ),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  };
}

function answersTable(operations: OperationResult[]): Table {
  return {
    headers: ['operation', 'floor gives ours’ answer', 'peer gives ours’ answer'],
    rows: operations.map((op) => [op.name, op.equivalence.floor, op.equivalence.peer]),
    align: ['left', 'left', 'left'],
  };
}

function importTable(m: ImportMeasurement | null): Table | null {
  if (!m) return null;
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  return {
    headers: ['import', 'records', 'seconds', 'records/s', 'peak RSS', 'nodes', 'relationships'],
    rows: [
      [
        'cig import (whole CLI run)',
        String(m.slice.records),
        m.cig.wallSeconds.toFixed(1),
        perSecond(m.cig.recordsPerSecond),
        mb(m.cig.peakRssMb),
        String(m.cig.nodes),
        String(m.cig.relationships),
      ],
      [
        `raw UNWIND … CREATE (${m.raw.batchSize}/tx)`,
        String(m.slice.records),
        m.raw.seconds.toFixed(1),
        perSecond(m.raw.recordsPerSecond),
        '–',
        String(m.raw.nodes),
        String(m.raw.relationships),
      ],
      ['cig ÷ raw', '', '', times(m.ratio), '', '', ''],
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  };
}

function memoryTable(results: BenchResults): Table {
  const row = (name: string, m: BenchResults['memory']['ours']) => [
    name,
    m.idleMb.toFixed(0),
    m.underLoadMedianMb.toFixed(0),
    m.underLoadMaxMb.toFixed(0),
    m.highWaterMb.toFixed(0),
  ];
  return {
    headers: ['API process RSS (MB)', 'idle', 'c=16 median', 'c=16 max', 'high-water'],
    rows: [
      row('ours (cig serve)', results.memory.ours),
      row('peer (@neo4j/graphql)', results.memory.peer),
    ],
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

/** With `--cpu-prof`: the API's sampled CPU per request, by who owns the code it ran. */
function cpuProfileTable(results: BenchResults): Table | null {
  const profiles = results.cpuProfiles;
  if (!profiles || profiles.length === 0) return null;
  return {
    headers: ['API CPU ms per request (--cpu-prof, c=1)', 'total', ...cpuOwners],
    rows: profiles.map(({ name, perRequest }) => [
      name,
      ms(perRequest.totalMs),
      ...cpuOwners.map((owner) => ms(perRequest.byOwner[owner])),
    ]),
    align: ['left', 'right', ...cpuOwners.map(() => 'right' as const)],
  };
}

/** Each operation's three functions with the most time on top of the stack. */
function hotspotLines(results: BenchResults): string[] {
  return (results.cpuProfiles ?? []).map(
    ({ name, perRequest }) =>
      `- ${name}: ${perRequest.hotspots
        .slice(0, 3)
        .map((spot) => `${spot.function} (${spot.where}) ${ms(spot.ms)} ms`)
        .join('; ')}`,
  );
}

function heading(results: BenchResults): string[] {
  const { machine, dataset, subjects, settings } = results;
  return [
    `Profile ${results.profile} (${dataset.incidents} incidents, seed ${results.seed}), ${results.startedAt}, commit ${machine.gitCommit}`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}; Node ${machine.node}; ${machine.neo4j}; ${machine.java}; load average at start ${machine.loadAverageAtStart}`,
    `Each cell: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured, workers sending back to back; latencies in ms; ratios compare p50 latencies (above 1: ours is slower); transaction timeout ${settings.txTimeoutSeconds} s for every column.`,
    'CPU ms per request: CPU time a process used in the measured window ÷ requests answered (other work on the machine does not inflate it).',
    `Subjects: actor ${subjects.actorId}, sector ${subjects.sectorId}, country ${subjects.countryCode}, incident ${subjects.incidentId}, search "${subjects.searchText}"`,
  ];
}

function gaps(results: BenchResults): string[] {
  return results.operations
    .filter((op) => op.peerGap !== null)
    .map((op) => `- ${op.name}: the peer cannot express it: ${op.peerGap ?? ''}.`);
}

function errorSamples(results: BenchResults): string[] {
  return results.operations.flatMap((op) =>
    op.cells.flatMap((cell) =>
      (['ours', 'floor', 'peer'] as const).flatMap((column) => {
        const c = cell[column];
        return c && c.errors > 0
          ? [
              `- ${op.name}, c=${cell.concurrency}, ${column}: ${c.errors} errors, e.g. ${c.errorSamples.join('; ')}`,
            ]
          : [];
      }),
    ),
  );
}

/** The whole report as aligned plain text, for the terminal. */
export function textReport(results: BenchResults): string {
  const imported = importTable(results.import);
  const profiled = cpuProfileTable(results);
  return [
    ...heading(results),
    '',
    renderText(queryTable(results.operations)),
    '',
    renderText(cpuTable(results.operations)),
    '',
    renderText(answersTable(results.operations)),
    '',
    ...(imported ? [renderText(imported), ''] : []),
    renderText(memoryTable(results)),
    '',
    ...(profiled ? [renderText(profiled), '', ...hotspotLines(results), ''] : []),
    ...gaps(results),
    ...errorSamples(results),
  ].join('\n');
}

/**
 * The same tables in Markdown, ready to paste into BENCHMARKS.md (which explains the peer's gaps in
 * a section of its own, so they are left out here).
 */
export function markdownReport(results: BenchResults): string {
  const imported = importTable(results.import);
  const profiled = cpuProfileTable(results);
  return [
    ...heading(results).map((line) => `${line}  `),
    '',
    renderMarkdown(queryTable(results.operations)),
    '',
    renderMarkdown(cpuTable(results.operations)),
    '',
    renderMarkdown(answersTable(results.operations)),
    '',
    ...(imported ? [renderMarkdown(imported), ''] : []),
    renderMarkdown(memoryTable(results)),
    '',
    ...(profiled ? [renderMarkdown(profiled), '', ...hotspotLines(results), ''] : []),
    ...errorSamples(results),
  ].join('\n');
}

/** The import slice alone (`--import-only`), as plain text and as Markdown. */
export function importReport(m: ImportMeasurement): string {
  const table = importTable(m);
  return table ? `${renderText(table)}\n\n${renderMarkdown(table)}` : '';
}

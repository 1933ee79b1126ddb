import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { IncidentFilter } from '../__generated__/resolvers-types.js';
import type { Config } from '../config.js';
import type { Executor } from '../db/database.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { openDatabase } from '../db/open-database.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { csvContext, csvTableNames, writeCsvTable } from '../export/csv-export.js';
import { exporters, type ExportFormat } from '../export/formats.js';
import { incidentConditions } from '../graphql/filters.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';

export interface ExportCommandOptions {
  format: ExportFormat;
  out?: string;
  from?: string;
  to?: string;
  sector?: string[];
  country?: string[];
  actor?: string[];
  attackType?: string[];
}

/** The command line's filter flags as the API's IncidentFilter: one filter, one meaning. */
export function filterOf(options: ExportCommandOptions): IncidentFilter {
  return {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.sector ? { sectorIds: options.sector } : {}),
    ...(options.country ? { countryCodes: options.country } : {}),
    ...(options.actor ? { actorIds: options.actor } : {}),
    ...(options.attackType ? { attackTypes: options.attackType } : {}),
  };
}

/** `cig export`: the graph, or the filtered part of it, to a file or stdout, streamed. */
export async function exportCommand(
  options: ExportCommandOptions,
  config: Config,
  log: Logger,
): Promise<number> {
  const taxonomy = loadTaxonomy();
  const filter = incidentConditions(filterOf(options), taxonomy, 'filter');
  if (options.format === 'csv' && !options.out)
    throw new Error('--format csv writes one file per table: give the folder with --out <dir>');
  const opened = await openDatabase(config, log, { migrate: false });
  if (options.format === 'csv') {
    try {
      return await exportCsv(
        opened.database.executor('export'),
        filter,
        taxonomy,
        options.out ?? '',
      );
    } finally {
      await opened.close();
    }
  }
  try {
    const out = options.out ? await openOutput(options.out) : process.stdout;
    const counts = await exporters[options.format].write(
      opened.database.executor('export'),
      filter,
      taxonomy,
      out,
    );
    if (options.out) {
      out.end();
      await finished(out);
    }
    process.stderr.write(
      `Exported ${Object.entries(counts)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')}${options.out ? ` to ${options.out}` : ''}.\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}

/** The file to export to, opened before anything is read, so a path it cannot write fails first. */
async function openOutput(file: string): Promise<WriteStream> {
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new Error(
      `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return stream;
}

/** CSV: every table to its own file in the folder. */
async function exportCsv(
  executor: Executor,
  filter: IncidentConditions,
  taxonomy: Taxonomy,
  folder: string,
): Promise<number> {
  await mkdir(folder, { recursive: true });
  const context = await csvContext(executor, filter, taxonomy);
  for (const table of csvTableNames) {
    const file = path.join(folder, `${table}.csv`);
    const out = createWriteStream(file);
    const rows = await writeCsvTable(context, table, out);
    out.end();
    await finished(out);
    process.stderr.write(`${rows} rows to ${file}\n`);
  }
  return 0;
}

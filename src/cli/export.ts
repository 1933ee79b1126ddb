import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { csvContext, csvTableNames, writeCsvTable } from '../export/csv-export.js';
import {
  exportFilterFields,
  isExportFilterField,
  parseExportFilter,
  type ExportFilterField,
  type FilterValues,
} from '../export/export-filter.js';
import { ExportReader } from '../export/export-reader.js';
import { ExportReport } from '../export/export-report.js';
import { exporters, type ExportFormat } from '../export/formats.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';
import { staged, stagedFile, toFile } from './staged-files.js';

/** The filter options, each collected as every value given (see main.ts). */
type FilterOption =
  | 'from'
  | 'to'
  | 'sector'
  | 'country'
  | 'originCountry'
  | 'actor'
  | 'attackType'
  | 'minConfidence'
  | 'status'
  | 'crossBorder'
  | 'dataset'
  | 'region'
  | 'attributed'
  | 'impactCategory';

export type ExportCommandOptions = { format: ExportFormat; out?: string } & Partial<
  Record<FilterOption, string[]>
>;

/** The option that sets each filter field. */
const optionFor: Record<ExportFilterField, FilterOption> = {
  from: 'from',
  to: 'to',
  sectorIds: 'sector',
  countryCodes: 'country',
  originCountryCodes: 'originCountry',
  actorIds: 'actor',
  attackTypes: 'attackType',
  minConfidence: 'minConfidence',
  attributionStatuses: 'status',
  crossBorder: 'crossBorder',
  datasetIds: 'dataset',
  regions: 'region',
  attributed: 'attributed',
  impactCategories: 'impactCategory',
};

/** `originCountry` as typed: `--origin-country`. */
const flag = (option: FilterOption): string =>
  `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The command line's filter options as the export filter's values: one filter, one meaning. */
export function filterValuesOf(options: ExportCommandOptions): FilterValues {
  return Object.fromEntries(
    exportFilterFields.flatMap((field) => {
      const values = options[optionFor[field]];
      return values ? [[field, values]] : [];
    }),
  );
}

/**
 * `cig export`: the graph, or the filtered part of it, to a file or stdout, streamed. A refused
 * filter value is one line naming the option and exit code 1, before anything is opened. A file
 * is written under a temporary name and renamed only once complete, so a failed export leaves
 * nothing behind; what the export left out of an inconsistent graph is listed at the end.
 */
export async function exportCommand(
  options: ExportCommandOptions,
  config: Config,
  log: Logger,
): Promise<number> {
  const taxonomy = loadTaxonomy();
  const parsed = parseExportFilter(filterValuesOf(options), taxonomy);
  if (parsed.problems) {
    for (const p of parsed.problems) {
      const option = isExportFilterField(p.field) ? flag(optionFor[p.field]) : p.field;
      process.stderr.write(`cig export: ${option} ${p.value}: ${p.reason}\n`);
    }
    return 1;
  }
  if (options.format === 'csv' && !options.out)
    throw new Error('--format csv writes one file per table: give the folder with --out <dir>');
  const opened = await openDatabase(config, log, { migrate: false });
  const reader = new ExportReader(
    opened.database.executor('export'),
    taxonomy,
    new ExportReport(log),
  );
  try {
    if (options.format === 'csv') await exportCsv(reader, parsed.conditions, options.out ?? '');
    else await exportStream(reader, parsed.conditions, options.format, options.out);
  } finally {
    await opened.close();
  }
  reader.report.finish();
  if (reader.report.count > 0) process.stderr.write(`${reader.report.summary}\n`);
  return 0;
}

async function exportStream(
  reader: ExportReader,
  filter: IncidentConditions,
  format: Exclude<ExportFormat, 'csv'>,
  out: string | undefined,
): Promise<void> {
  const write = (stream: Writable) => exporters[format].write(reader, filter, stream);
  const file = out ? stagedFile(out) : undefined;
  const counts = file
    ? await staged([file], () => toFile(file.temporary, write))
    : await write(process.stdout);
  process.stderr.write(
    `Exported ${Object.entries(counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}${out ? ` to ${out}` : ''}.\n`,
  );
}

/** CSV: every table to its own file in the folder; all of them, or none. */
async function exportCsv(reader: ExportReader, filter: IncidentConditions, folder: string) {
  const created = await mkdir(folder, { recursive: true });
  const files = csvTableNames.map((table) => ({
    table,
    ...stagedFile(path.join(folder, `${table}.csv`)),
  }));
  try {
    const context = await csvContext(reader, filter);
    const written = await staged(files, async () => {
      const tables: { target: string; rows: number }[] = [];
      for (const file of files) {
        const rows = await toFile(file.temporary, (out) => writeCsvTable(context, file.table, out));
        tables.push({ target: file.target, rows });
      }
      return tables;
    });
    for (const { target, rows } of written) process.stderr.write(`${rows} rows to ${target}\n`);
  } catch (error) {
    // The folder, when this export made it, goes too.
    if (created) await rm(created, { recursive: true, force: true });
    throw error;
  }
}

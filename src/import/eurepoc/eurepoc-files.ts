import { parse } from 'csv-parse/sync';
import type { ImportIssue } from '../records.js';

/** The three files of the EuRepoC release, told apart by their header. */
export type EurepocFileKind = 'incidents' | 'attributions' | 'receivers';

/** The columns each file must have (the incident file's `political_impact_*` are optional). */
export const requiredColumns: Record<EurepocFileKind, readonly string[]> = {
  incidents: [
    'ID',
    'name',
    'description',
    'start_date',
    'end_date',
    'incident_type',
    'receiver_name',
    'receiver_country',
    'receiver_category',
    'receiver_category_subcode',
    'initiator_name',
    'initiator_country',
    'initiator_category',
    'initiator_category_subcode',
    'sources_url',
  ],
  attributions: [
    'incident_ID',
    'attribution_ID',
    'attribution_date',
    'attribution_type',
    'attribution_basis',
    'attributing_actor',
    'attribution_it_company',
    'attributing_country',
    'attributed_initiator',
    'attributed_initiator_country',
    'attributed_initiator_category',
  ],
  receivers: [
    'ID',
    'receiver_country',
    'receiver_name',
    'receiver_category',
    'receiver_category_subcode',
  ],
};

/** What marks each file: the incident file has incident columns, the attribution file claims. */
const markers: Record<EurepocFileKind, string> = {
  incidents: 'incident_type',
  attributions: 'attribution_ID',
  receivers: 'receiver_country',
};

/** One data row: its cells by column name, and its line in the file. */
export interface EurepocRow {
  line: number;
  cell(column: string): string;
  /** Every column whose name starts with `prefix`, with its cell. */
  cellsStartingWith(prefix: string): [column: string, cell: string][];
}

export interface EurepocFile {
  file: string;
  kind: EurepocFileKind;
  rows: EurepocRow[];
}

/**
 * Parses one CSV of the release and tells which file it is. A file that is not CSV, is none of
 * the three, or lacks a column is a problem with the whole file; a row with the wrong number of
 * cells is a problem with that row.
 */
export function readEurepocFile(
  file: string,
  text: string,
): { file: EurepocFile; rowIssues: ImportIssue[] } | { issue: ImportIssue } {
  let records: { record: string[]; line: number }[];
  try {
    // With `info: true` csv-parse returns { record, info } per row; its typings do not say so.
    records = (
      parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    return {
      issue: {
        file,
        location: line ? `line ${line}` : 'file',
        reason: `malformed CSV: ${message}`,
      },
    };
  }
  const [header, ...body] = records;
  if (!header)
    return { issue: { file, location: 'file', reason: 'empty CSV: expected a header row' } };
  const names = header.record.map((name) => name.trim());
  const kind = kindOf(names);
  if (!kind)
    return {
      issue: {
        file,
        location: 'line 1',
        reason: `not an EuRepoC incident, attribution or receiver file: its header has none of ${Object.values(
          markers,
        )
          .map((m) => `"${m}"`)
          .join(', ')}`,
      },
    };
  const missing = requiredColumns[kind].filter((column) => !names.includes(column));
  if (missing.length > 0)
    return {
      issue: {
        file,
        location: 'line 1',
        reason: `the EuRepoC ${kind} file lacks the columns ${missing.map((m) => `"${m}"`).join(', ')}`,
      },
    };
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const rows: EurepocRow[] = [];
  const rowIssues: ImportIssue[] = [];
  for (const { record, line } of body) {
    if (record.length !== names.length) {
      rowIssues.push({
        file,
        kind: 'incidents',
        location: `line ${line}`,
        reason: `expected ${names.length} cells, found ${record.length}`,
      });
      continue;
    }
    rows.push({
      line,
      cell: (column) => (record[indexOf.get(column) ?? -1] ?? '').trim(),
      cellsStartingWith: (prefix) =>
        names.flatMap((name, i) =>
          name.startsWith(prefix) ? [[name, (record[i] ?? '').trim()] as [string, string]] : [],
        ),
    });
  }
  return { file: { file, kind, rows }, rowIssues };
}

function kindOf(names: readonly string[]): EurepocFileKind | undefined {
  if (names.includes(markers.attributions)) return 'attributions';
  if (names.includes(markers.incidents)) return 'incidents';
  if (names.includes(markers.receivers)) return 'receivers';
  return undefined;
}

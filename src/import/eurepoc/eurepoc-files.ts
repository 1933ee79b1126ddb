import { parseCsvTable } from '../csv-table.js';
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
  const table = parseCsvTable(text, ',');
  if ('error' in table)
    return {
      issue: { file, location: table.line ? `line ${table.line}` : 'file', reason: table.error },
    };
  const kind = kindOf(table.header);
  if (!kind) return { issue: { file, location: 'line 1', reason: notEurepoc() } };
  const missing = missingColumns(kind, table.header);
  if (missing) return { issue: { file, location: 'line 1', reason: missing } };
  const rowOf = rowReader(table.header);
  const rows: EurepocRow[] = [];
  const rowIssues: ImportIssue[] = [];
  for (const { cells, line } of table.rows) {
    if (cells.length === table.header.length) rows.push(rowOf(cells, line));
    else
      rowIssues.push({
        file,
        kind: 'incidents',
        location: `line ${line}`,
        reason: `expected ${table.header.length} cells, found ${cells.length}`,
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

function notEurepoc(): string {
  const names = Object.values(markers).map((m) => `"${m}"`);
  return `not an EuRepoC incident, attribution or receiver file: its header has none of ${names.join(', ')}`;
}

/** The columns the file lacks, as a problem; undefined when it has them all. */
function missingColumns(kind: EurepocFileKind, names: readonly string[]): string | undefined {
  const missing = requiredColumns[kind].filter((column) => !names.includes(column));
  if (missing.length === 0) return undefined;
  return `the EuRepoC ${kind} file lacks the columns ${missing.map((m) => `"${m}"`).join(', ')}`;
}

/** Reads the rows of a file with these columns. */
function rowReader(
  names: readonly string[],
): (cells: readonly string[], line: number) => EurepocRow {
  const indexOf = new Map(names.map((name, i) => [name, i]));
  return (cells, line) => ({
    line,
    cell: (column) => (cells[indexOf.get(column) ?? -1] ?? '').trim(),
    cellsStartingWith: (prefix) =>
      names.flatMap((name, i) =>
        name.startsWith(prefix) ? [[name, (cells[i] ?? '').trim()] as [string, string]] : [],
      ),
  });
}

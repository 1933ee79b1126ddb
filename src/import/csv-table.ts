import { parse } from 'csv-parse/sync';

/** A CSV file split into its header and data rows, each row with its line in the file. */
export interface CsvTable {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/** Parses the whole file; a malformed one (an unclosed quote) is an error naming its line. */
export function parseCsvTable(
  text: string,
  delimiter: string,
): CsvTable | { error: string; line?: string } {
  let rows: { cells: string[]; line: number }[];
  try {
    rows =
      // With `info: true` csv-parse returns { record, info } per row; its typings do not say so.
      (
        parse(text, {
          delimiter,
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
          info: true,
        }) as unknown as { record: string[]; info: { lines: number } }[]
      ).map((r) => ({ cells: r.record, line: r.info.lines }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    return { error: `malformed CSV: ${message}`, ...(line ? { line } : {}) };
  }
  const [header, ...body] = rows;
  if (!header) return { error: 'empty CSV: expected a header row' };
  return { header: header.cells.map((h) => h.trim()), rows: body };
}

import { stringify } from 'csv-stringify/browser/esm/sync';
import { print, type DocumentNode } from 'graphql';

/** The numbers behind a chart, as its table view shows them and its CSV holds them. */
export interface ChartTable {
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

/** The request that produced a chart: pasted into GraphiQL or a script, it gives the same data. */
export interface ChartQuery {
  document: DocumentNode;
  variables: Record<string, unknown>;
}

/** The table as CSV (RFC 4180, a header row first); an empty cell is an empty field. */
export function csvOf(table: ChartTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => cell ?? ''))]);
}

/**
 * The query with its variables below it as comments: the whole text stays a valid GraphQL
 * document (it pastes into GraphiQL as is), and the variables are there to paste into its pane.
 */
export function queryTextOf(query: ChartQuery): string {
  const variables = JSON.stringify(query.variables, null, 2)
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
  return `${print(query.document)}\n\n# Variables:\n${variables}\n`;
}

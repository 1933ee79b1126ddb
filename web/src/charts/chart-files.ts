import { stringify } from 'csv-stringify/browser/esm/sync';
import { print, type DocumentNode } from 'graphql';
import { echarts, type ChartInstance, type ChartOption } from './echarts.js';

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

/** The chart as on screen, on white, at twice its pixels so it stays sharp in a report. */
export function pngOf(chart: ChartInstance): Blob {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  const base64 = url.slice(url.indexOf(',') + 1);
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * The chart redrawn as vectors by ECharts' SVG renderer, off screen, at the size it has on screen.
 * Animation is off so the SVG holds the finished picture, not its first frame.
 */
export function svgOf(option: ChartOption, width: number, height: number): string {
  const offscreen = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    offscreen.setOption({ ...option, animation: false });
    return offscreen.renderToSVGString();
  } finally {
    offscreen.dispose();
  }
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

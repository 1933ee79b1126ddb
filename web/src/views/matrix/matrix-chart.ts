// With their extensions: the unit tests type-check this module under the server's NodeNext resolution.
import type { ChartTable } from '../../charts/chart-files.js';
import type { ChartOption } from '../../charts/echarts.js';
import type { SortOrder } from './matrix-settings.js';

/** The `actorSectorMatrix` answer the view asks for. */
export interface MatrixAnswer {
  actors: readonly { key: string; name: string }[];
  sectors: readonly { key: string; name: string }[];
  /** counts[row][column]; the last row and the last column are `others`. */
  counts: readonly (readonly number[])[];
  crossBorderShares: readonly (readonly (number | null)[])[];
  reported: readonly (readonly boolean[])[];
  rowTotals: readonly number[];
  columnTotals: readonly number[];
  total: number;
}

/** A row or a column: an actor or sector by key, or null for `others`. */
export interface MatrixLine {
  key: string | null;
  name: string;
  /** Its index in the answer's `counts`. */
  index: number;
}

export const OTHERS = 'Others';
/** Marks a cell whose actor's reported victimology names the sector. */
export const REPORTED_MARK = '◆';

/**
 * The chart's frame in pixels: fixed, so that long names are cut (not the grid moved) and a cell
 * is where the browser test computes it to be.
 */
export const matrixGrid = { left: 170, right: 24, top: 90, bottom: 64 } as const;

/**
 * The rows (or columns) in the chosen order: by total is the API's order (busiest first, ties by
 * key), by name is alphabetical; `others` is always last, as it is none of them.
 */
export function orderedLines(
  named: readonly { key: string; name: string }[],
  sort: SortOrder,
): MatrixLine[] {
  const lines = named.map((entry, index) => ({ key: entry.key, name: entry.name, index }));
  if (sort === 'name')
    lines.sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  return [...lines, { key: null, name: OTHERS, index: named.length }];
}

/** One cell of the picture, with where it sits and what it is made of. */
export interface MatrixCell {
  row: MatrixLine;
  column: MatrixLine;
  count: number;
  crossBorderShare: number | null;
  reported: boolean;
}

export interface MatrixView {
  rows: MatrixLine[];
  columns: MatrixLine[];
  /** The cells drawn (with incidents or reported victimology), row by row. */
  cells: MatrixCell[];
}

export function matrixView(answer: MatrixAnswer, sort: SortOrder): MatrixView {
  const rows = orderedLines(answer.actors, sort);
  const columns = orderedLines(answer.sectors, sort);
  const cells: MatrixCell[] = [];
  for (const row of rows)
    for (const column of columns) {
      const count = answer.counts[row.index]?.[column.index] ?? 0;
      const reported = answer.reported[row.index]?.[column.index] ?? false;
      if (count === 0 && !reported) continue;
      const crossBorderShare = answer.crossBorderShares[row.index]?.[column.index] ?? null;
      cells.push({ row, column, count, crossBorderShare, reported });
    }
  return { rows, columns, cells };
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** What a cell reads: its incidents, the ◆ when reported, and the cross-border share below. */
export function cellLabel(cell: MatrixCell): string {
  const count = `${cell.count}${cell.reported ? ` ${REPORTED_MARK}` : ''}`;
  return cell.crossBorderShare === null ? count : `${count}\n${percent(cell.crossBorderShare)}`;
}

export const matrixLegend =
  `Each cell: incidents (the shade), below it the share of them that hit a country other than ` +
  `the actor's origin, and ${REPORTED_MARK} where the actor's reported victimology names the ` +
  `sector. "${OTHERS}" (grey, dashed, off the scale) sums every actor and sector not shown.`;

const othersStyle = { color: '#6b7280', fontStyle: 'italic' } as const;

/** A category of an axis: its name, greyed for `others` so it reads as no actor or sector. */
const categoryOf = (line: MatrixLine) =>
  line.key === null ? { value: line.name, textStyle: othersStyle } : { value: line.name };

/** Text for the tooltip, which ECharts sets as HTML: a name from an imported source stays text. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** What hovering a cell tells: its actor and sector, incidents, share across a border, ◆. */
export function cellTooltip(cell: MatrixCell): string {
  const names = `${escapeHtml(cell.row.name)} × ${escapeHtml(cell.column.name)}`;
  const parts = [`${names}: ${cell.count} incidents`];
  if (cell.crossBorderShare !== null)
    parts.push(`${percent(cell.crossBorderShare)} across a border`);
  if (cell.reported) parts.push(`${REPORTED_MARK} named by reported victimology`);
  return parts.join('<br>');
}

/** Whether a cell belongs to the `others` row or column. */
export const isOthersCell = (cell: MatrixCell): boolean =>
  cell.row.key === null || cell.column.key === null;

/**
 * The two series of the heatmap, by their index: the cells of shown actors and sectors (shaded by
 * the scale), then the `others` cells, drawn grey with dashed borders so they read as no actor or
 * sector, and kept off the scale, which their sums would otherwise swamp.
 */
export function matrixSeries(view: MatrixView): [MatrixCell[], MatrixCell[]] {
  return [view.cells.filter((c) => !isOthersCell(c)), view.cells.filter(isOthersCell)];
}

/** The cell a click on the heatmap hit, from its series and index. */
export function clickedCell(
  view: MatrixView,
  seriesIndex: number | undefined,
  dataIndex: number,
): MatrixCell | undefined {
  return seriesIndex === undefined ? undefined : matrixSeries(view)[seriesIndex]?.[dataIndex];
}

const cellLabelStyle = {
  show: true,
  fontSize: 10,
  lineHeight: 13,
  color: '#111827',
  textBorderColor: '#ffffff',
  textBorderWidth: 2,
} as const;

/** The heatmap: actors down, sectors across, shade by incidents, each cell labelled. */
export function matrixOption(view: MatrixView): ChartOption {
  const [named, others] = matrixSeries(view);
  const max = Math.max(1, ...named.map((cell) => cell.count));
  const axisLabel = { interval: 0, width: 150, overflow: 'truncate' } as const;
  const dataOf = (cells: MatrixCell[]) =>
    cells.map((cell) => ({
      value: [view.columns.indexOf(cell.column), view.rows.indexOf(cell.row), cell.count],
      label: { formatter: cellLabel(cell) },
    }));
  return {
    grid: { ...matrixGrid },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const cell = Array.isArray(params)
          ? undefined
          : clickedCell(view, params.seriesIndex, params.dataIndex);
        return cell ? cellTooltip(cell) : '';
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: view.columns.map(categoryOf),
      axisLabel: { ...axisLabel, rotate: 30, width: 110 },
      triggerEvent: true,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: view.rows.map(categoryOf),
      axisLabel,
      triggerEvent: true,
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 240,
      text: ['incidents', ''],
      inRange: { color: ['#eef4fb', '#4a7fc1', '#0b2e59'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Incidents',
        data: dataOf(named),
        label: cellLabelStyle,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 2 } },
      },
      {
        type: 'heatmap',
        name: OTHERS,
        data: dataOf(others),
        label: { ...cellLabelStyle, fontStyle: 'italic' },
        itemStyle: {
          color: '#e5e7eb',
          borderColor: '#6b7280',
          borderWidth: 1,
          borderType: 'dashed',
        },
        emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 2 } },
      },
    ],
  };
}

/** The numbers as a table: one row per actor (then Others), a column per sector (then Others), a Total. */
export function matrixTable(answer: MatrixAnswer, view: MatrixView): ChartTable {
  return {
    columns: ['Actor', ...view.columns.map((column) => column.name), 'Total'],
    rows: view.rows.map((row) => [
      row.name,
      ...view.columns.map((column) => answer.counts[row.index]?.[column.index] ?? 0),
      answer.rowTotals[row.index] ?? 0,
    ]),
  };
}

/** Where a click leads: an actor's page (with a sector for the filter), a sector's page, nowhere. */
export type MatrixTarget =
  { kind: 'actor'; key: string; sectorKey: string | null } | { kind: 'sector'; key: string } | null;

/** A cell leads to its actor's page filtered to its sector; an `others` row to the sector's page. */
export function cellTarget(cell: MatrixCell): MatrixTarget {
  if (cell.row.key !== null)
    return { kind: 'actor', key: cell.row.key, sectorKey: cell.column.key };
  if (cell.column.key !== null) return { kind: 'sector', key: cell.column.key };
  return null;
}

/** A row label leads to its actor, a column label to its sector; `others` to nothing. */
export function labelTarget(view: MatrixView, axis: 'x' | 'y', name: string): MatrixTarget {
  const line = (axis === 'x' ? view.columns : view.rows).find((l) => l.name === name);
  if (line?.key == null) return null;
  return axis === 'x'
    ? { kind: 'sector', key: line.key }
    : { kind: 'actor', key: line.key, sectorKey: null };
}

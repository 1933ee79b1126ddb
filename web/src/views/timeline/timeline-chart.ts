// With their extensions: the unit tests type-check this module under the server's NodeNext resolution.
import type { ChartTable } from '../../charts/chart-files.js';
import type { ChartOption } from '../../charts/echarts.js';
import type { IncidentFilter, TimelineBucket, TimelineGroup } from '../../gql/graphql.js';

/** The `timeline` answer the view asks for. */
export interface TimelineAnswer {
  bucket: TimelineBucket;
  groupBy: TimelineGroup;
  /** The first day of each bucket (YYYY-MM-DD). */
  buckets: readonly string[];
  series: readonly {
    key: string | null;
    label: string | null;
    counts: readonly number[];
    total: number;
  }[];
  tooCoarse: number;
}

/** How many groups get a series of their own; the rest are summed into one, so the legend stays readable. */
export const SHOWN_GROUPS = 12;

/** A series as drawn: a group (key null for incidents with none), or the rest summed. */
export interface TimelineSeries {
  kind: 'group' | 'rest';
  key: string | null;
  label: string;
  counts: number[];
  total: number;
}

/** What the series of incidents without the grouped thing is called. */
const noneLabels: Record<TimelineGroup, string> = {
  NONE: 'Incidents',
  SECTOR: 'No sector recorded',
  ACTOR: 'Unattributed (no claim passing the filter)',
  COUNTRY: 'No affected country recorded',
  ATTACK_TYPE: 'No attack type recorded',
};

export const seriesLabel = (
  group: TimelineGroup,
  series: { key: string | null; label: string | null },
): string =>
  group === 'NONE'
    ? 'Incidents'
    : series.key === null
      ? noneLabels[group]
      : (series.label ?? series.key);

/**
 * The series to draw: the busiest groups (the API's order) and the group of incidents with none
 * (always its own series, never hidden in the rest), then one series summing the others.
 */
export function timelineSeries(answer: TimelineAnswer): TimelineSeries[] {
  const named = answer.series.filter((s) => s.key !== null);
  const none = answer.series.filter((s) => s.key === null);
  const drawn = (s: TimelineAnswer['series'][number]): TimelineSeries => ({
    kind: 'group',
    key: s.key,
    label: seriesLabel(answer.groupBy, s),
    counts: [...s.counts],
    total: s.total,
  });
  const shown = [...named.slice(0, SHOWN_GROUPS), ...none].map(drawn);
  const rest = named.slice(SHOWN_GROUPS);
  if (rest.length === 0) return shown;
  const counts = answer.buckets.map((_, b) => rest.reduce((sum, s) => sum + (s.counts[b] ?? 0), 0));
  return [
    ...shown,
    {
      kind: 'rest',
      key: null,
      label: `${rest.length} other groups`,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    },
  ];
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The last day of the bucket that starts on `start` (YYYY-MM-DD), in UTC as the API counts. */
export function bucketEnd(start: string, bucket: TimelineBucket): string {
  const date = new Date(`${start}T00:00:00Z`);
  switch (bucket) {
    case 'DAY':
      return start;
    case 'WEEK':
      date.setUTCDate(date.getUTCDate() + 6);
      return day(date);
    case 'MONTH':
      return day(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
    case 'QUARTER':
      return day(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 0)));
    case 'YEAR':
      return `${start.slice(0, 4)}-12-31`;
  }
}

/** How a bucket is named on the axis and in the table: 2022, 2022 Q1, 2022-03, or its first day. */
export function bucketLabel(start: string, bucket: TimelineBucket): string {
  switch (bucket) {
    case 'YEAR':
      return start.slice(0, 4);
    case 'QUARTER':
      return `${start.slice(0, 4)} Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`;
    case 'MONTH':
      return start.slice(0, 7);
    case 'WEEK':
      return `week of ${start}`;
    case 'DAY':
      return start;
  }
}

const bucketNoun: Record<TimelineBucket, string> = {
  DAY: 'day',
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
  YEAR: 'year',
};

/** The sentence about incidents whose date is too coarse for the bucket; null when there are none. */
export function tooCoarseNote(tooCoarse: number, bucket: TimelineBucket): string | null {
  if (tooCoarse === 0) return null;
  const [incidents, verb] =
    tooCoarse === 1 ? ['1 incident', 'is'] : [`${tooCoarse} incidents`, 'are'];
  return `${incidents} ${verb} known only to a coarser date than a ${bucketNoun[bucket]} and ${verb} not in the bars.`;
}

/**
 * The chart's frame and its range tool in pixels: fixed, so that a bucket and the tool are where
 * the browser test computes them to be. The tool's icons (select a range, clear it) sit at the
 * top right, `toolSize` wide, `toolGap` apart.
 */
export const timelineGrid = { left: 56, right: 24, top: 48, bottom: 110 } as const;
export const timelineTools = { right: 16, top: 4, toolSize: 18, toolGap: 12 } as const;

/**
 * One colour per shown group ({@link SHOWN_GROUPS}), none of them grey: grey is kept for the
 * incidents without a group and the summed rest. ECharts' own palette has nine, so it would
 * repeat a colour within one bar.
 */
const groupColours = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#1f3a93',
  '#8cd17d',
  '#d37295',
];

/** The stacked bars: one bar per bucket, one colour per group, brushable along the time axis. */
export function timelineOption(answer: TimelineAnswer, series: TimelineSeries[]): ChartOption {
  return {
    grid: { ...timelineGrid },
    color: groupColours,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0 },
    toolbox: {
      right: timelineTools.right,
      top: timelineTools.top,
      itemSize: timelineTools.toolSize,
      itemGap: timelineTools.toolGap,
      padding: 0,
      feature: {
        brush: {
          type: ['lineX', 'clear'],
          title: { lineX: 'Select a period', clear: 'Clear the selection' },
        },
      },
    },
    brush: { xAxisIndex: 0, brushMode: 'single', throttleType: 'debounce' },
    xAxis: {
      type: 'category',
      data: answer.buckets.map((start) => bucketLabel(start, answer.bucket)),
    },
    yAxis: { type: 'value', name: 'Incidents', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.label,
      stack: 'incidents',
      data: s.counts,
      emphasis: { focus: 'series' },
      // The rest (dark) and the incidents without a group (light) are grey: they are no actor,
      // sector or country. No border: a border would draw a line along every empty bucket.
      ...(s.kind === 'rest' ? { itemStyle: { color: '#6b7280' } } : {}),
      ...(s.kind === 'group' && s.key === null && answer.groupBy !== 'NONE'
        ? { itemStyle: { color: '#cbd5e1' } }
        : {}),
    })),
  };
}

/** The numbers as a table: a row per bucket, a column per series, and the bucket's total. */
export function timelineTable(answer: TimelineAnswer, series: TimelineSeries[]): ChartTable {
  return {
    columns: ['Period', 'From', 'To', ...series.map((s) => s.label), 'Total'],
    rows: answer.buckets.map((start, b) => [
      bucketLabel(start, answer.bucket),
      start,
      bucketEnd(start, answer.bucket),
      ...series.map((s) => s.counts[b] ?? 0),
      series.reduce((sum, s) => sum + (s.counts[b] ?? 0), 0),
    ]),
  };
}

/** The filter's dates for the brushed buckets [first, last]: the first one's day to the last one's end. */
export function brushedDates(
  answer: TimelineAnswer,
  range: readonly [number, number],
): { from: string; to: string } | null {
  const last = answer.buckets.length - 1;
  const clamp = (n: number) => Math.min(Math.max(Math.round(n), 0), last);
  const first = answer.buckets[clamp(Math.min(...range))];
  const end = answer.buckets[clamp(Math.max(...range))];
  if (first === undefined || end === undefined) return null;
  return { from: first, to: bucketEnd(end, answer.bucket) };
}

/** Where a bar segment leads: a page (actor, sector, country) or the overview, with the filter to carry. */
export interface TimelineTarget {
  page: 'actor' | 'sector' | 'country' | 'overview';
  key: string | null;
  filter: IncidentFilter;
}

/**
 * A segment leads to its group's page for the bucket's period; a segment with no page of its own
 * (no grouping, an attack type, incidents with none of the grouped thing) leads to the overview of
 * that period, which lists its incidents and who is behind them. An attack type narrows the filter
 * to it; unattributed incidents narrow it to unattributed ones. The summed rest leads nowhere.
 */
export function segmentTarget(
  answer: TimelineAnswer,
  series: TimelineSeries,
  bucketIndex: number,
  filter: IncidentFilter,
): TimelineTarget | null {
  const start = answer.buckets[bucketIndex];
  if (start === undefined || series.kind === 'rest') return null;
  const dated: IncidentFilter = { ...filter, from: start, to: bucketEnd(start, answer.bucket) };
  const { key } = series;
  switch (answer.groupBy) {
    case 'ACTOR':
      return key === null
        ? { page: 'overview', key, filter: { ...dated, attributed: false } }
        : { page: 'actor', key, filter: dated };
    case 'SECTOR':
      return { page: key === null ? 'overview' : 'sector', key, filter: dated };
    case 'COUNTRY':
      return { page: key === null ? 'overview' : 'country', key, filter: dated };
    case 'ATTACK_TYPE':
      return {
        page: 'overview',
        key,
        filter: key === null ? dated : { ...dated, attackTypes: [key] },
      };
    case 'NONE':
      return { page: 'overview', key: null, filter: dated };
  }
}

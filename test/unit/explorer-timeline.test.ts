import { describe, expect, it } from 'vitest';
import {
  brushedDates,
  bucketEnd,
  bucketLabel,
  SHOWN_GROUPS,
  segmentTarget,
  timelineOption,
  timelineSeries,
  timelineTable,
  tooCoarseNote,
  type TimelineAnswer,
  type TimelineSeries,
} from '../../web/src/views/timeline/timeline-chart.js';
import { timelineSettingsOf } from '../../web/src/views/timeline/timeline-settings.js';

const answer = (groupBy: TimelineAnswer['groupBy'], series: TimelineAnswer['series']) => ({
  bucket: 'MONTH' as const,
  groupBy,
  buckets: ['2022-01-01', '2022-02-01', '2022-03-01'],
  series,
  tooCoarse: 2,
});

const byActor = answer('ACTOR', [
  { key: 'sandworm', label: 'Sandworm', counts: [1, 0, 2], total: 3 },
  { key: null, label: null, counts: [0, 1, 1], total: 2 },
]);

/** The series drawn, which must be `count`: a tuple, so each can be named without a check. */
function drawnSeries<N extends 1 | 2>(
  timeline: TimelineAnswer,
  count: N,
): N extends 1 ? [TimelineSeries] : [TimelineSeries, TimelineSeries] {
  const series = timelineSeries(timeline);
  expect(series).toHaveLength(count);
  // The length is checked above, so the tuple holds.
  return series as N extends 1 ? [TimelineSeries] : [TimelineSeries, TimelineSeries];
}

describe('a bucket’s last day', () => {
  it.each([
    ['DAY', '2024-02-29', '2024-02-29'],
    ['WEEK', '2024-12-30', '2025-01-05'],
    ['MONTH', '2024-02-01', '2024-02-29'],
    ['MONTH', '2023-02-01', '2023-02-28'],
    ['MONTH', '2023-12-01', '2023-12-31'],
    ['QUARTER', '2023-10-01', '2023-12-31'],
    ['QUARTER', '2024-01-01', '2024-03-31'],
    ['YEAR', '2023-01-01', '2023-12-31'],
  ] as const)('%s from %s ends %s', (bucket, start, end) => {
    expect(bucketEnd(start, bucket)).toBe(end);
  });

  it('names buckets as an analyst reads them', () => {
    expect(bucketLabel('2023-10-01', 'QUARTER')).toBe('2023 Q4');
    expect(bucketLabel('2023-01-01', 'QUARTER')).toBe('2023 Q1');
    expect(bucketLabel('2023-10-01', 'MONTH')).toBe('2023-10');
    expect(bucketLabel('2023-01-01', 'YEAR')).toBe('2023');
  });
});

describe('the timeline’s series', () => {
  it('labels the group of incidents without one clearly', () => {
    expect(timelineSeries(byActor).map((s) => s.label)).toEqual([
      'Sandworm',
      'Unattributed (no claim passing the filter)',
    ]);
    const bySector = answer('SECTOR', [{ key: null, label: null, counts: [1, 0, 0], total: 1 }]);
    expect(timelineSeries(bySector)[0]?.label).toBe('No sector recorded');
  });

  it('sums the groups beyond the busiest into one series, never hiding the group of none', () => {
    const many = Array.from({ length: SHOWN_GROUPS + 2 }, (_, k) => ({
      key: `actor-${k}`,
      label: `Actor ${k}`,
      counts: [1, 1, 0],
      total: 2,
    }));
    const drawn = timelineSeries(
      answer('ACTOR', [...many, { key: null, label: null, counts: [0, 0, 1], total: 1 }]),
    );
    expect(drawn).toHaveLength(SHOWN_GROUPS + 2);
    expect(drawn.at(-2)?.key).toBeNull();
    expect(drawn.at(-1)).toMatchObject({
      kind: 'rest',
      label: '2 other groups',
      counts: [2, 2, 0],
    });
  });

  it('stacks one bar series per group and tables a row per bucket with its dates and total', () => {
    const series = timelineSeries(byActor);
    const option = timelineOption(byActor, series);
    const bars = Array.isArray(option.series) ? option.series : [];
    expect(bars.map((s) => [s.type, s.type === 'bar' ? s.stack : undefined, s.data])).toEqual([
      ['bar', 'incidents', [1, 0, 2]],
      ['bar', 'incidents', [0, 1, 1]],
    ]);
    expect(timelineTable(byActor, series)).toEqual({
      columns: [
        'Period',
        'From',
        'To',
        'Sandworm',
        'Unattributed (no claim passing the filter)',
        'Total',
      ],
      rows: [
        ['2022-01', '2022-01-01', '2022-01-31', 1, 0, 1],
        ['2022-02', '2022-02-01', '2022-02-28', 0, 1, 1],
        ['2022-03', '2022-03-01', '2022-03-31', 2, 1, 3],
      ],
    });
  });

  it('says how many incidents are too coarse for the bucket', () => {
    expect(tooCoarseNote(0, 'WEEK')).toBeNull();
    expect(tooCoarseNote(1, 'WEEK')).toBe(
      '1 incident is known only to a coarser date than a week and is not in the bars.',
    );
    expect(tooCoarseNote(17, 'MONTH')).toBe(
      '17 incidents are known only to a coarser date than a month and are not in the bars.',
    );
  });
});

describe('what brushing and clicking do', () => {
  it('turns brushed buckets into the filter’s dates, either way round, within the buckets', () => {
    expect(brushedDates(byActor, [0, 1])).toEqual({ from: '2022-01-01', to: '2022-02-28' });
    expect(brushedDates(byActor, [2, 1])).toEqual({ from: '2022-02-01', to: '2022-03-31' });
    expect(brushedDates(byActor, [-3, 9])).toEqual({ from: '2022-01-01', to: '2022-03-31' });
  });

  it('leads a segment to its group’s page for its period, or to the overview', () => {
    const [sandworm, none] = drawnSeries(byActor, 2);
    const filter = { sectorIds: ['energy'] };
    expect(segmentTarget(byActor, sandworm, 1, filter)).toEqual({
      page: 'actor',
      key: 'sandworm',
      filter: { sectorIds: ['energy'], from: '2022-02-01', to: '2022-02-28' },
    });
    expect(segmentTarget(byActor, none, 2, {})).toEqual({
      page: 'overview',
      key: null,
      filter: { from: '2022-03-01', to: '2022-03-31', attributed: false },
    });
    const byType = answer('ATTACK_TYPE', [
      { key: 'WIPER', label: 'Wiper', counts: [1, 0, 0], total: 1 },
    ]);
    expect(segmentTarget(byType, drawnSeries(byType, 1)[0], 0, {})).toEqual({
      page: 'overview',
      key: 'WIPER',
      filter: { from: '2022-01-01', to: '2022-01-31', attackTypes: ['WIPER'] },
    });
  });
});

describe('the timeline’s settings in the address', () => {
  it('reads the bucket and grouping, and names what it cannot use', () => {
    expect(timelineSettingsOf(new URLSearchParams('bucket=WEEK&group=COUNTRY'))).toEqual({
      settings: { bucket: 'WEEK', groupBy: 'COUNTRY' },
      problems: [],
    });
    const bad = timelineSettingsOf(new URLSearchParams('bucket=HOUR'));
    expect(bad.settings.bucket).toBe('MONTH');
    expect(bad.problems[0]).toContain('"HOUR"');
  });
});

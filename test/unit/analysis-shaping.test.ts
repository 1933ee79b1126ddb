import { describe, expect, it } from 'vitest';
import { shapeMatrix } from '../../src/analysis/matrix.js';
import { bucketStarts, shapeTimeline } from '../../src/analysis/timeline.js';

describe('bucketStarts', () => {
  it('steps by the bucket, from the first to the last bucket', () => {
    expect(bucketStarts('2022-01-01', '2022-04-01', 'MONTH')).toEqual([
      '2022-01-01',
      '2022-02-01',
      '2022-03-01',
      '2022-04-01',
    ]);
    expect(bucketStarts('2021-10-01', '2022-04-01', 'QUARTER')).toEqual([
      '2021-10-01',
      '2022-01-01',
      '2022-04-01',
    ]);
    expect(bucketStarts('2022-02-21', '2022-03-07', 'WEEK')).toEqual([
      '2022-02-21',
      '2022-02-28',
      '2022-03-07',
    ]);
  });
});

describe('shapeTimeline', () => {
  it('aligns every series with the buckets and fills the gaps with zeros', () => {
    const t = shapeTimeline(
      [
        { bucketStart: '2022-01-01', key: 'a', count: 2 },
        { bucketStart: '2022-03-01', key: 'a', count: 1 },
        { bucketStart: '2022-03-01', key: 'b', count: 5 },
      ],
      4,
      'MONTH',
    );
    expect(t).toEqual({
      buckets: ['2022-01-01', '2022-02-01', '2022-03-01'],
      series: [
        { key: 'b', counts: [0, 0, 5], total: 5 },
        { key: 'a', counts: [2, 0, 1], total: 3 },
      ],
      tooCoarse: 4,
    });
  });
});

describe('shapeMatrix', () => {
  it('keeps the top rows and columns and folds the rest into others, sums intact', () => {
    const m = shapeMatrix(
      [
        {
          actorId: 'x',
          sectorId: 'health',
          incidentCount: 5,
          crossBorderCount: 5,
          reported: false,
        },
        {
          actorId: 'x',
          sectorId: 'energy',
          incidentCount: 1,
          crossBorderCount: 0,
          reported: false,
        },
        {
          actorId: 'y',
          sectorId: 'health',
          incidentCount: 2,
          crossBorderCount: 1,
          reported: false,
        },
        { actorId: 'z', sectorId: 'water', incidentCount: 1, crossBorderCount: 0, reported: true },
      ],
      1,
      1,
    );
    expect(m.actorIds).toEqual(['x']);
    expect(m.sectorIds).toEqual(['health']);
    expect(m.counts).toEqual([
      [5, 1],
      [2, 1],
    ]);
    expect(m.crossBorderShares).toEqual([
      [1, 0],
      [0.5, 0],
    ]);
    expect(m.reported).toEqual([
      [false, false],
      [false, true],
    ]);
    expect(m.rowTotals).toEqual([6, 3]);
    expect(m.columnTotals).toEqual([7, 2]);
    expect(m.total).toBe(9);
  });

  it('orders a victimology-only matrix by reported cells, then by id', () => {
    const cell = (actorId: string, sectorId: string) => ({
      actorId,
      sectorId,
      incidentCount: 0,
      crossBorderCount: 0,
      reported: true,
    });
    const m = shapeMatrix(
      [cell('b', 'energy'), cell('b', 'health'), cell('a', 'energy'), cell('c', 'water')],
      2,
      1,
    );
    expect(m.actorIds).toEqual(['b', 'a']);
    expect(m.sectorIds).toEqual(['energy']);
    expect(m.counts.flat().every((n) => n === 0)).toBe(true);
    expect(m.crossBorderShares.flat().every((share) => share === null)).toBe(true);
    expect(m.reported).toEqual([
      [true, true],
      [true, false],
      [false, true],
    ]);
  });
});

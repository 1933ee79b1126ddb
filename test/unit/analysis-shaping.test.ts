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
      'ACTOR',
    );
    expect(t).toEqual({
      buckets: ['2022-01-01', '2022-02-01', '2022-03-01'],
      series: [
        { group: 'ACTOR', key: 'b', counts: [0, 0, 5], total: 5 },
        { group: 'ACTOR', key: 'a', counts: [2, 0, 1], total: 3 },
      ],
      tooCoarse: 4,
    });
  });
});

describe('shapeMatrix', () => {
  const actor = (id: string, incidentCount: number, reportedCells: number) => ({
    row: { id, name: id },
    incidentCount,
    reportedCells,
  });
  const sector = (id: string, incidentCount: number, reportedCells: number) => ({
    row: { id, name: id, stixIndustry: id },
    incidentCount,
    reportedCells,
  });
  const cell = (
    actorId: string | null,
    sectorId: string | null,
    incidentCount: number,
    crossBorderCount: number,
    reported: boolean,
  ) => ({ actorId, sectorId, incidentCount, crossBorderCount, reported });

  it('lays the folded cells out as the top rows and columns plus others, sums intact', () => {
    const m = shapeMatrix(
      {
        actors: [actor('x', 6, 0)],
        sectors: [sector('health', 7, 0)],
        cells: [
          cell('x', 'health', 5, 5, false),
          cell('x', null, 1, 0, false),
          cell(null, 'health', 2, 1, false),
          cell(null, null, 1, 0, true),
        ],
      },
      1,
      1,
    );
    expect(m.actors.map((a) => a.id)).toEqual(['x']);
    expect(m.sectors.map((s) => s.id)).toEqual(['health']);
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

  it('orders a victimology-only matrix by reported cells, then by id, folding tied candidates', () => {
    // c ties with a for the second row; the key decides, and c goes to others.
    const m = shapeMatrix(
      {
        actors: [actor('c', 0, 1), actor('b', 0, 2), actor('a', 0, 1)],
        sectors: [sector('energy', 0, 2)],
        cells: [
          cell('b', 'energy', 0, 0, true),
          cell('b', null, 0, 0, true),
          cell('a', 'energy', 0, 0, true),
          cell('c', null, 0, 0, true),
        ],
      },
      2,
      1,
    );
    expect(m.actors.map((a) => a.id)).toEqual(['b', 'a']);
    expect(m.sectors.map((s) => s.id)).toEqual(['energy']);
    expect(m.counts.flat().every((n) => n === 0)).toBe(true);
    expect(m.crossBorderShares.flat().every((share) => share === null)).toBe(true);
    expect(m.reported).toEqual([
      [true, true],
      [true, false],
      [false, true],
    ]);
  });

  it('breaks ties by key in locale order, not in the order Cypher sorts strings', () => {
    // By code point "a1" sorts before "a_b"; in locale order "_" comes before the digits.
    const m = shapeMatrix(
      {
        actors: [actor('a1', 3, 0), actor('a_b', 3, 0)],
        sectors: [sector('energy', 6, 0)],
        cells: [cell('a1', 'energy', 3, 0, false), cell('a_b', 'energy', 3, 0, false)],
      },
      1,
      1,
    );
    expect(m.actors.map((a) => a.id)).toEqual(['a_b']);
    expect(m.counts).toEqual([
      [3, 0],
      [3, 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  decodeRows,
  encodeRows,
  replaceRows,
  totalsOfRows,
  type ProfileRow,
} from '../../src/repositories/target-profile-rows.js';
import { profileRow } from '../support/profile-rows.js';

const row = profileRow;

const rows: ProfileRow[] = [
  row('inc-b', {
    confidence: 85,
    end: '2022-03-01',
    sectorIds: ['health', 'energy'],
    countryCodes: ['UA'],
    attackTypes: ['WIPER'],
    campaignIds: ['c-1'],
  }),
  row('inc-a', { start: '2021-06-01', end: '2021-06-02', countryCodes: ['UA', 'PL'] }),
  row('inc-c', { confidence: 0, start: '2023-01-01', sectorIds: ['energy'] }),
];

describe('target profile rows', () => {
  it('are stored in incident order with their keys sorted, and read back whole', () => {
    const stored = encodeRows(rows);
    expect(JSON.parse(stored)).toEqual([
      ['inc-a', 50, '2021-06-01', '2021-06-02', [], ['PL', 'UA'], [], []],
      ['inc-b', 85, '2022-02-24', '2022-03-01', ['energy', 'health'], ['UA'], ['WIPER'], ['c-1']],
      ['inc-c', 0, '2023-01-01', null, ['energy'], [], [], []],
    ]);
    const back = decodeRows(stored, 'a');
    expect(back.map((r) => r.incidentId)).toEqual(['inc-a', 'inc-b', 'inc-c']);
    expect(back[1]).toEqual({ ...rows[0], sectorIds: ['energy', 'health'] });
    expect(back[2]).toEqual(rows[2]);
    expect(encodeRows(back)).toBe(stored);
  });

  it('store keys holding any character, and no rows', () => {
    const odd = [row('y', { campaignIds: ['a|b "S"', ''] })];
    expect(decodeRows(encodeRows(odd), 'a')).toEqual([row('y', { campaignIds: ['', 'a|b "S"'] })]);
    expect(decodeRows(encodeRows([]), 'a')).toEqual([]);
  });

  it('refuse a stored text that is not rows, naming the actor', () => {
    for (const text of ['{}', '[["x", "50", "2022-01-01", null, [], [], [], []]]', '[[1]]'])
      expect(() => decodeRows(text, 'apt28')).toThrow(/actor "apt28" holds malformed rows/);
  });

  it('total each feature once per incident, with the single ones and the firmest tier apart', () => {
    const totals = totalsOfRows([...rows, row('inc-d', { countryCodes: ['UA', 'UA'] })]);
    expect(totals).toEqual({
      incidents: 4,
      firstStart: '2021-06-01',
      firstEnd: null,
      lastEnd: null,
      featureKeys: ['CPL', 'CUA', 'Kc-1', 'Senergy', 'Shealth', 'TWIPER'],
      singleKeys: ['CPL', 'Kc-1', 'Shealth', 'TWIPER'],
      firmKeys: ['CUA', 'Kc-1', 'Senergy', 'Shealth', 'TWIPER'],
      maxConfidence: 85,
      nextConfidence: 50,
    });
  });

  it('have no confidence tiers without features, and no second tier when all are as firm', () => {
    expect(totalsOfRows([row('a')])).toMatchObject({ maxConfidence: null, nextConfidence: null });
    expect(totalsOfRows([row('a', { countryCodes: ['UA'] })])).toMatchObject({
      firmKeys: ['CUA'],
      maxConfidence: 50,
      nextConfidence: null,
    });
  });

  it('bound the end dates only when every incident has one', () => {
    const ended = rows.slice(0, 2);
    expect(totalsOfRows(ended)).toMatchObject({ firstEnd: '2021-06-02', lastEnd: '2022-03-01' });
    expect(totalsOfRows([])).toMatchObject({ incidents: 0, firstStart: null, lastEnd: null });
  });

  it('replace the rows of the changed incidents only', () => {
    const replaced = replaceRows(rows, new Set(['inc-b', 'inc-z']), [row('inc-z')]);
    expect(replaced.map((r) => r.incidentId)).toEqual(['inc-a', 'inc-c', 'inc-z']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  alignToInitiators,
  CellError,
  cellValue,
  cellValues,
  isPlaceholder,
  perReceiver,
} from '../../src/import/eurepoc/cells.js';
import { parseEurepocDate } from '../../src/import/eurepoc/eurepoc-dates.js';
import { parseInitiatorName } from '../../src/import/eurepoc/initiators.js';

describe('EuRepoC cells', () => {
  it('reads list literals, plain text and placeholders alike', () => {
    expect(cellValues("['Armenia', 'Georgia']")).toEqual(['Armenia', 'Georgia']);
    expect(cellValues('Armenia')).toEqual(['Armenia']);
    expect(cellValues("['Not available']")).toEqual([]);
    expect(cellValues('Not available')).toEqual([]);
    expect(cellValues('[None, "It\'s"]')).toEqual(["It's"]);
    expect(cellValue("[['Media', 'Other']]")).toBe('Media');
    expect(isPlaceholder(' not available ')).toBe(true);
    expect(isPlaceholder('Unknown')).toBe(true);
  });

  it('refuses a cell that looks like a list but is none, naming where it breaks', () => {
    expect(() => cellValues("['Armenia', 'Georgia]")).toThrow(CellError);
    expect(() => cellValues("['Armenia' 'Georgia']")).toThrow(/not a readable list: .*character/);
  });

  it('keeps one list per receiver, a receiver with nothing keeping its place', () => {
    expect(
      perReceiver("[['Media', 'Other'], ['Not available'], ['Critical infrastructure']]"),
    ).toEqual([['Media', 'Other'], [], ['Critical infrastructure']]);
    expect(perReceiver("['Ukraine', 'Latvia']")).toEqual([['Ukraine'], ['Latvia']]);
    expect(perReceiver('Not available')).toEqual([]);
  });

  it('gives values to initiators only where it can tell whose they are', () => {
    expect(alignToInitiators(2, ['RU', 'BY'])).toEqual({ aligned: ['RU', 'BY'], unplaced: [] });
    expect(alignToInitiators(1, ['RU', 'BY'])).toEqual({ aligned: ['RU'], unplaced: ['BY'] });
    expect(alignToInitiators(2, ['RU'])).toEqual({
      aligned: [undefined, undefined],
      unplaced: ['RU'],
    });
    expect(alignToInitiators(1, [])).toEqual({ aligned: [undefined], unplaced: [] });
  });
});

describe('EuRepoC dates', () => {
  it('reads ISO and dotted dates at the precision written', () => {
    expect(parseEurepocDate('2022-02-24')).toEqual({
      first: '2022-02-24',
      last: '2022-02-24',
      precision: 'DAY',
    });
    expect(parseEurepocDate('2022-02-24 00:00:00')).toMatchObject({ first: '2022-02-24' });
    expect(parseEurepocDate('2022-02-24T10:00:00Z')).toMatchObject({ first: '2022-02-24' });
    expect(parseEurepocDate('24.02.2022')).toMatchObject({ first: '2022-02-24', precision: 'DAY' });
    expect(parseEurepocDate('2.3.2022')).toMatchObject({ first: '2022-03-02' });
    expect(parseEurepocDate('02.2022')).toEqual({
      first: '2022-02-01',
      last: '2022-02-28',
      precision: 'MONTH',
    });
    expect(parseEurepocDate('2017')).toMatchObject({ precision: 'YEAR', last: '2017-12-31' });
  });

  it('names what is wrong with a date it cannot read', () => {
    expect(parseEurepocDate('02/24/2022')).toEqual({
      error: 'expected a date as YYYY-MM-DD or DD.MM.YYYY, got "02/24/2022"',
    });
    expect(parseEurepocDate('31.02.2022')).toMatchObject({
      error: expect.stringMatching(/not a real date/) as string,
    });
  });
});

describe('EuRepoC initiator names', () => {
  it('splits aliases and the ATT&CK id joined with "/"', () => {
    expect(
      parseInitiatorName('Lazarus Group/Labyrinth Chollima/Hidden Cobra/G0032 (Lazarus Group)'),
    ).toEqual({
      name: 'Lazarus Group',
      aliases: ['Labyrinth Chollima', 'Hidden Cobra'],
      externalIds: ['G0032'],
    });
  });

  it('keeps a single name, drops repeated aliases, and names nobody for a placeholder', () => {
    expect(parseInitiatorName('Killnet')).toEqual({
      name: 'Killnet',
      aliases: [],
      externalIds: [],
    });
    expect(parseInitiatorName('APT 28/apt28/Fancy Bear')).toEqual({
      name: 'APT 28',
      aliases: ['Fancy Bear'],
      externalIds: [],
    });
    expect(parseInitiatorName('Not available')).toBeUndefined();
    expect(parseInitiatorName('G0007 (APT28)')).toBeUndefined();
  });
});

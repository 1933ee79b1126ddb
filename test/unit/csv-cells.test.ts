import { describe, expect, it } from 'vitest';
import { flattenItems, readCell, type CellForm } from '../../src/import/csv/cells.js';

const form = (extra: Partial<CellForm> = {}): CellForm => ({
  empty: new Set(['not available', 'n/a']),
  ...extra,
});

describe('reading a cell', () => {
  it('is one value, trimmed, unless the field splits or reads lists', () => {
    expect(readCell('  Ukraine ', form())).toEqual(['Ukraine']);
    expect(readCell('Ukraine; Poland ;', form({ split: ';' }))).toEqual(['Ukraine', 'Poland']);
  });

  it('reads placeholders as empty, without regard to case, whole cells and items alike', () => {
    expect(readCell('NOT AVAILABLE', form())).toEqual([]);
    expect(readCell('Ukraine;N/A', form({ split: ';' }))).toEqual(['Ukraine']);
    expect(readCell("['Not available']", form({ list: 'python' }))).toEqual([[]]);
  });

  it('reads Python list literals, nested, keeping one item per receiver', () => {
    expect(
      readCell("[['State institutions'], ['Media', 'Other']]", form({ list: 'python' })),
    ).toEqual([['State institutions'], ['Media', 'Other']]);
    expect(readCell("['Ukraine', None, 'Poland']", form({ list: 'python' }))).toEqual([
      'Ukraine',
      [],
      'Poland',
    ]);
  });

  it('reads JSON arrays, numbers as text', () => {
    expect(readCell('["a", 2, ["b"]]', form({ list: 'json' }))).toEqual(['a', '2', ['b']]);
  });

  it('reads a cell that is not a list as one value even where the field reads lists', () => {
    expect(readCell('Ukraine', form({ list: 'python' }))).toEqual(['Ukraine']);
  });

  it('names the position of what is wrong in a malformed list', () => {
    expect(readCell("['Ukraine', 'Poland'", form({ list: 'python' }))).toEqual({
      error: expect.stringMatching(/^malformed list literal: /) as string,
    });
    expect(readCell("['Ukraine' 'Poland']", form({ list: 'python' }))).toEqual({
      error: expect.stringMatching(/expected "," or "]" at character 12/) as string,
    });
    expect(readCell('["a", {"b": 1}]', form({ list: 'json' }))).toEqual({
      error: expect.stringMatching(/^malformed JSON array/) as string,
    });
  });

  it('flattens nested items in order', () => {
    expect(flattenItems(['a', ['b', ['c']], [], 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  isListLiteral,
  ListLiteralError,
  parseListLiteral,
} from '../../src/import/list-literal.js';

describe('parseListLiteral', () => {
  it('reads Python list literals as pandas writes them', () => {
    expect(parseListLiteral("['Armenia']")).toEqual(['Armenia']);
    expect(parseListLiteral("['Armenia', 'Azerbaijan']")).toEqual(['Armenia', 'Azerbaijan']);
    expect(parseListLiteral('[]')).toEqual([]);
    expect(
      parseListLiteral("[['Media', 'Other'], ['State institutions / political system']]"),
    ).toEqual([['Media', 'Other'], ['State institutions / political system']]);
  });

  it('keeps quotes, escapes, None, booleans and numbers', () => {
    expect(parseListLiteral(`["It's", 'say \\'hi\\'', 'a\\\\b', '\\xe9t\\u00e9']`)).toEqual([
      "It's",
      "say 'hi'",
      'a\\b',
      'été',
    ]);
    expect(parseListLiteral('[None, True, False, 3, -2.5, 1e3]')).toEqual([
      null,
      true,
      false,
      3,
      -2.5,
      1000,
    ]);
    expect(parseListLiteral("[ 'a' ,\n 'b', ]")).toEqual(['a', 'b']);
  });

  it('reads JSON arrays too', () => {
    expect(parseListLiteral('["a", null, ["b\\"c"]]')).toEqual(['a', null, ['b"c']]);
  });

  it('names where a malformed literal goes wrong', () => {
    expect(() => parseListLiteral("['Armenia'")).toThrow(ListLiteralError);
    expect(() => parseListLiteral("['Armenia'")).toThrow(/expected "," or "\]" at character 11/);
    expect(() => parseListLiteral("['a' 'b']")).toThrow(/character 6/);
    expect(() => parseListLiteral("['a'] tail")).toThrow(/unexpected text after the list/);
    expect(() => parseListLiteral("['open")).toThrow(/unterminated string/);
    expect(() => parseListLiteral('[Armenia]')).toThrow(/expected a quoted string/);
  });

  it('tells list literals from plain cells', () => {
    expect(isListLiteral(" ['a'] ")).toBe(true);
    expect(isListLiteral('Armenia')).toBe(false);
    expect(isListLiteral('[draft] report')).toBe(false);
  });
});

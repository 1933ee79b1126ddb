import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { decodeCursor, encodeCursor } from '../../src/graphql/cursor.js';
import type { Keyset } from '../../src/repositories/keyset.js';

const byDay: Keyset = { list: 'test:day', parts: ['day', 'text'] };
const byCount: Keyset = { list: 'test:count', parts: ['count', 'text'] };
const byInstant: Keyset = { list: 'test:instant', parts: ['instant', 'text'] };
const byDayOrNone: Keyset = { list: 'test:dayOrNone', parts: ['dayOrNone', 'text'] };

/** A cursor of any content, as a client could forge it. */
const forged = (content: unknown): string =>
  Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');

function refusal(cursor: string, keyset: Keyset): AppError {
  try {
    decodeCursor(cursor, keyset);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('keyset cursors', () => {
  it('decode to the values they were made of', () => {
    const cases: [Keyset, (string | number)[]][] = [
      [byDay, ['2022-02-28', 'incident-1']],
      [byCount, [0, 'sandworm']],
      [byCount, [Number.MAX_SAFE_INTEGER, '']],
      [byInstant, ['2026-12-02T12:51:24.123456789Z', 'c-1']],
      [byInstant, ['2024-02-29T00:00Z', 'c-1']],
      [byInstant, ['2024-02-29T23:59:59+05:30', 'c-1']],
      [byDayOrNone, ['', 'a|b|UA']],
      [byDayOrNone, ['2020-01-01', 'a|b|UA']],
    ];
    for (const [keyset, values] of cases) {
      expect(decodeCursor(encodeCursor(keyset, values), keyset)).toEqual(values);
    }
  });

  it.each([
    ['base64 of garbage', 'bm90IGpzb24gYXQgYWxs', byDay, 'does not decode to a cursor'],
    ['not base64 at all', '%%%***', byDay, 'does not decode to a cursor'],
    ['padding only (decodes to nothing)', '==', byDay, 'does not decode to a cursor'],
    ['valid JSON, an object', forged({ list: 'test:day' }), byDay, 'does not decode'],
    ['valid JSON, a string', forged('test:day'), byDay, 'does not decode'],
    ['valid JSON, a number', forged(12), byDay, 'does not decode'],
    ['valid JSON, an empty array', forged([]), byDay, 'another list'],
    ['an untagged cursor', forged(['2022-01-01', 'x']), byDay, 'another list'],
    ['a cursor of another list', encodeCursor(byCount, [3, 'x']), byDay, 'another list'],
    ['too few values', forged(['test:day', '2022-01-01']), byDay, 'holds 1 values'],
    ['too many values', forged(['test:day', '2022-01-01', 'x', 'y']), byDay, 'holds 3 values'],
    ['a number for a date', forged(['test:day', 20220101, 'x']), byDay, 'value 1 must be a date'],
    ['a non-date string', forged(['test:day', 'yesterday', 'x']), byDay, '"yesterday"'],
    ['a date that does not exist', forged(['test:day', '2022-02-30', 'x']), byDay, 'a date'],
    ['a month for a day', forged(['test:day', '2022-02', 'x']), byDay, 'a date'],
    ['a date-time for a day', forged(['test:day', '2022-02-01T00:00Z', 'x']), byDay, 'a date'],
    ['a number for a key', forged(['test:day', '2022-01-01', 7]), byDay, 'value 2 must be'],
    ['null for a key', forged(['test:day', '2022-01-01', null]), byDay, 'value 2'],
    ['an object for a key', forged(['test:day', '2022-01-01', { $gt: '' }]), byDay, 'value 2'],
    ['a string for a count', forged(['test:count', '12', 'x']), byCount, 'a whole number'],
    ['a fraction for a count', forged(['test:count', 1.5, 'x']), byCount, 'a whole number'],
    ['a negative count', forged(['test:count', -1, 'x']), byCount, 'a whole number'],
    ['a count beyond 2^53', forged(['test:count', 2 ** 60, 'x']), byCount, 'a whole number'],
    [
      'an infinite count',
      Buffer.from('["test:count",1e400,"x"]').toString('base64url'),
      byCount,
      '1',
    ],
    ['a boolean count', forged(['test:count', true, 'x']), byCount, 'a whole number'],
    ['a date for an instant', forged(['test:instant', '2022-01-01', 'x']), byInstant, 'date-time'],
    ['an hour 24', forged(['test:instant', '2022-01-01T24:00Z', 'x']), byInstant, 'date-time'],
    ['no offset', forged(['test:instant', '2022-01-01T10:00:00', 'x']), byInstant, 'date-time'],
    ['Cypher in an instant', forged(['test:instant', "') RETURN 1 //", 'x']), byInstant, 'date'],
    ['a number for a day or none', forged(['test:dayOrNone', 0, 'x']), byDayOrNone, 'or ""'],
  ])('refuses %s, naming `after`', (_name, cursor, keyset, reason) => {
    const error = refusal(cursor, keyset);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ argument: 'after' });
    expect(error.message).toMatch(/^Argument "after" is not a cursor this list gave out: /);
    expect(error.message).toContain(reason);
  });

  it('quotes a long forged value short', () => {
    const error = refusal(forged(['test:day', 'x'.repeat(100_000), 'y']), byDay);
    expect(error.message.length).toBeLessThan(200);
  });
});

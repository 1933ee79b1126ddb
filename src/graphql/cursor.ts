import { parsePartialDate } from '../domain/partial-date.js';
import { appError, ErrorCode } from '../errors.js';
import type { CursorPart, CursorValue, Keyset } from '../repositories/keyset.js';

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|1[0-8]):[0-5]\d)$/;

const isDay = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const date = parsePartialDate(value);
  return !('error' in date) && date.precision === 'DAY';
};

const accepts: Record<CursorPart, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  count: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  day: isDay,
  dayOrNone: (value) => value === '' || isDay(value),
  instant: (value) => {
    const match = typeof value === 'string' ? INSTANT.exec(value) : null;
    return match !== null && isDay(match[1]);
  },
};

const described: Record<CursorPart, string> = {
  text: 'a string',
  count: 'a whole number of at least 0',
  day: 'a date YYYY-MM-DD',
  dayOrNone: 'a date YYYY-MM-DD or ""',
  instant: 'an ISO date-time',
};

/**
 * Keyset cursors: the list's keyset name, then the sort value and the key of the last row,
 * base64url-encoded so clients treat them as opaque. Stable under inserts, unlike offsets.
 * Decoding checks every value against what its keyset expects, so that a tampered cursor is a
 * client error naming `after` and never a wrong-typed Cypher parameter.
 */
export function encodeCursor(keyset: Keyset, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([keyset.list, ...values]), 'utf8').toString('base64url');
}

const refused = (reason: string) =>
  appError(
    ErrorCode.BAD_USER_INPUT,
    `Argument "after" is not a cursor this list gave out: ${reason}.`,
    { argument: 'after' },
  );

/** What the client sent, quoted short enough for an error message. */
const quoted = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

function decodedJson(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function decodeCursor(cursor: string, keyset: Keyset): CursorValue[] {
  const decoded = decodedJson(cursor);
  if (!Array.isArray(decoded)) throw refused('it does not decode to a cursor');
  const [list, ...values] = decoded as unknown[];
  if (list !== keyset.list) throw refused(`it belongs to another list or ordering`);
  if (values.length !== keyset.parts.length) {
    throw refused(`it holds ${values.length} values where this list's hold ${keyset.parts.length}`);
  }
  keyset.parts.forEach((part, index) => {
    if (!accepts[part](values[index])) {
      throw refused(`value ${index + 1} must be ${described[part]}, got ${quoted(values[index])}`);
    }
  });
  return values as CursorValue[];
}

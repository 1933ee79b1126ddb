import { appError, ErrorCode } from '../errors.js';

/**
 * Keyset cursors: the sort value and the id of the last row, base64url-encoded so clients treat
 * them as opaque. Stable under inserts, unlike offsets.
 */
export type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== expectedLength ||
    !values.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "after" is not a cursor this list gave out: "${cursor}".`,
      {
        argument: 'after',
      },
    );
  }
  return values;
}

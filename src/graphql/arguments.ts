import { appError, ErrorCode } from '../errors.js';
import type { Keyset, KeysetPage } from '../repositories/keyset.js';
import { decodeCursor } from './cursor.js';

/** Connection arguments as a list's arguments carry them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Connection arguments as the data layer takes them: `after` decoded with the list's keyset, so
 * that a cursor of another list is refused naming `after`. `first` is capped by the query-limits
 * plugin.
 */
export function pageOf(args: PageArgs, keyset: Keyset): KeysetPage {
  return {
    first: args.first ?? 20,
    after: args.after ? decodeCursor(args.after, keyset) : null,
  };
}

/** The order asked for, the schema's default direction filling in (GraphQL applies it; types say optional). */
export function orderOf<Field extends string>(
  order: { field: Field; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  fallback: { field: Field; direction: 'ASC' | 'DESC' },
): { field: Field; direction: 'ASC' | 'DESC' } {
  return order
    ? { field: order.field, direction: order.direction ?? fallback.direction }
    : fallback;
}

/** An integer argument within its documented bounds, or a BAD_USER_INPUT that names it. */
export function inRange(argument: string, value: number, min: number, max: number): number {
  if (value < min || value > max)
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}" must be between ${min} and ${max}, got ${value}.`,
      { argument },
    );
  return value;
}

import { appError, ErrorCode } from '../errors.js';
import type { PageRequest } from '../repositories/pagination.js';

/** Connection arguments as the repositories take them; `first` is capped by the query-limits plugin. */
export function pageOf(args: { first?: number | null; after?: string | null }): PageRequest {
  return { first: args.first ?? 20, after: args.after ?? null };
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

import type { z } from 'zod';
import type { FoundReferences, ReferenceKind } from '../repositories/reference-repository.js';
import { appError, ErrorCode } from '../errors.js';

export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * Validates a mutation's input with its zod schema. A bad input is one BAD_USER_INPUT listing every
 * offending field (`input.name`, `input.aliases.2`) with its reason, in the message and in
 * `extensions.fields`, before anything is written.
 */
export function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  argument: string,
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldProblem[] = result.error.issues.map((issue) => ({
    field: [argument, ...issue.path.map(String)].join('.'),
    reason: issue.message,
  }));
  throw invalid(fields);
}

export function invalid(fields: FieldProblem[]) {
  return appError(
    ErrorCode.BAD_USER_INPUT,
    `Invalid input: ${fields.map((f) => `${f.field}: ${f.reason}`).join('; ')}.`,
    { fields },
  );
}

const labels: Record<ReferenceKind, string> = {
  incidents: 'Incident',
  actors: 'Actor',
  organizations: 'Organization',
  campaigns: 'Campaign',
  sources: 'Source',
};

/** A problem for each key that points at nothing, at the field `fieldOf` names. */
export function missingReferences(
  found: FoundReferences,
  kind: ReferenceKind,
  keys: readonly string[],
  fieldOf: (index: number) => string,
): FieldProblem[] {
  return keys.flatMap((key, i) =>
    found.has(kind, key)
      ? []
      : [{ field: fieldOf(i), reason: `no ${labels[kind]} has the id "${key}"` }],
  );
}

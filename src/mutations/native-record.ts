import { DATASET_FORMAT } from '../import/native/format.js';
import { readNativeDataset } from '../import/native/read-native.js';
import type { GraphRecords } from '../import/records.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { invalid, type FieldProblem } from './validation.js';

type Collection = 'actors' | 'campaigns' | 'organizations' | 'sources' | 'incidents';

/**
 * Validates one record exactly as `cig import` validates a native dataset (schema, taxonomy ids,
 * country codes, dates and their order) and converts it the same way: one set of rules for data
 * however it arrives. Every problem becomes a field of one BAD_USER_INPUT, named as the client
 * named it (`argument.field`, renamed through `fieldNames`).
 */
export function nativeRecord<C extends Collection>(
  collection: C,
  value: Record<string, unknown>,
  taxonomy: Taxonomy,
  argument: string,
  fieldNames: Record<string, string> = {},
  /** Problems found before (e.g. references to nothing), reported together with these. */
  earlier: FieldProblem[] = [],
): GraphRecords[C][number] {
  const text = JSON.stringify({ format: DATASET_FORMAT, [collection]: [value] });
  const { records, issues } = readNativeDataset(text, argument, taxonomy);
  const record = records[collection][0];
  const problems = [
    ...earlier,
    ...issues.map((issue) => {
      const [head = '', ...rest] = (issue.field ?? '').split('.');
      const field = [fieldNames[head] ?? head, ...rest].filter((p) => p !== '').join('.');
      return { field: field ? `${argument}.${field}` : argument, reason: issue.reason };
    }),
  ];
  if (problems.length > 0 || !record) throw invalid(problems);
  return record;
}

import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { tooCostly, tooDeep, tooManyAliases } from './limit-errors.js';
import { measureOperation, type OperationMeasurement } from './measure-operation.js';
import type { QueryLimits } from './query-limits.js';

/** The first limit the measurement breaks, depth before aliases before cost. */
export function findLimitViolation(
  measured: OperationMeasurement,
  limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>,
): GraphQLError | undefined {
  if (measured.depth > limits.maxDepth) return tooDeep(limits.maxDepth, measured.depth);
  if (measured.aliases > limits.maxAliases)
    return tooManyAliases(limits.maxAliases, measured.aliases);
  if (measured.cost > limits.maxCost) return tooCostly(limits.maxCost, measured.cost);
  return undefined;
}

/** Why the operation must not run (a bad `first` or a broken limit), or `undefined` if it may. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  limits: QueryLimits,
): GraphQLError | undefined {
  let measured: OperationMeasurement;
  try {
    measured = measureOperation(schema, document, operationName, variables, limits);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  return findLimitViolation(measured, limits);
}

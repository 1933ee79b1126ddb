import type { GraphQLError } from 'graphql';
import { appError, ErrorCode } from '../../errors.js';
import { toGraphQLError } from '../error-handling.js';
import type { QueryLimits } from './query-limits.js';

/**
 * Apollo answers an error thrown before execution with HTTP 500 unless the error names a status;
 * these are the client's fault, so they say 400.
 */
const BAD_REQUEST = 400;

type CheckedLimit = keyof Omit<QueryLimits, 'defaultListSize' | 'maxFirst'>;

function limitExceeded(
  limit: CheckedLimit,
  maximum: number,
  actual: number | string,
  message: string,
): GraphQLError {
  return toGraphQLError(
    appError(ErrorCode.QUERY_TOO_COMPLEX, message, { limit, maximum, actual }),
    BAD_REQUEST,
  );
}

export function tooManyTokens(maximum: number): GraphQLError {
  return limitExceeded(
    'maxTokens',
    maximum,
    `>${maximum}`,
    `Query has more than ${maximum} tokens (the limit); shorten it.`,
  );
}

export function tooDeep(maximum: number, actual: number): GraphQLError {
  return limitExceeded(
    'maxDepth',
    maximum,
    actual,
    `Query depth ${actual} exceeds the maximum of ${maximum} by ${actual - maximum}.`,
  );
}

export function tooManyAliases(maximum: number, actual: number): GraphQLError {
  return limitExceeded(
    'maxAliases',
    maximum,
    actual,
    `Query uses ${actual} aliases; the maximum is ${maximum}.`,
  );
}

export function tooCostly(maximum: number, actual: number): GraphQLError {
  return limitExceeded(
    'maxCost',
    maximum,
    actual,
    `Query cost ${actual} exceeds the maximum of ${maximum} by ${actual - maximum}; ` +
      'ask for fewer items (smaller first) or fewer nested lists.',
  );
}

/** `field` is the schema coordinate (`Query.actors`), `fieldName` what the query wrote. */
export function firstTooLarge(
  fieldName: string,
  field: string,
  maximum: number,
  actual: number,
): GraphQLError {
  return toGraphQLError(
    appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "first" on field "${fieldName}" is ${actual}; the maximum is ${maximum}.`,
      { argument: 'first', field, maximum, actual },
    ),
    BAD_REQUEST,
  );
}

export function firstNegative(fieldName: string, field: string, actual: number): GraphQLError {
  return toGraphQLError(
    appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "first" on field "${fieldName}" is ${actual}; it must be 0 or more.`,
      { argument: 'first', field, minimum: 0, actual },
    ),
    BAD_REQUEST,
  );
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../context.js';
import { AppError, ErrorCode, httpStatusOf } from '../errors.js';

/**
 * Where the domain's errors (AppError) become GraphQL's. A resolver's AppError reaches Apollo
 * wrapped by graphql-js, with no extensions of its own: formatError gives the response its code
 * and details, and errorReportingPlugin its HTTP status. Where Apollo answers an error as it is,
 * without running the plugins (a context function's), it must be a GraphQLError already:
 * toGraphQLError carries the status under `extensions.http`, where Apollo reads it (and which it
 * removes from the body).
 */

/** Codes Apollo Server itself produces for malformed requests; they are safe to show. */
const apolloRequestCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function isExposedCode(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (apolloRequestCodes.has(code) || (code in ErrorCode && code !== 'INTERNAL_SERVER_ERROR'))
  );
}

/**
 * The domain error as a GraphQL error: its code and details as extensions, and its HTTP status
 * (the code's, unless given) under `extensions.http`.
 */
export function toGraphQLError(
  error: AppError,
  status: number | undefined = httpStatusOf(error.code),
): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...error.details,
      ...(status === undefined ? {} : { http: { status } }),
    },
  });
}

/** Runs `work`; a domain error it throws is thrown on as its GraphQL error. */
export function withGraphQLErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof AppError ? toGraphQLError(error) : error;
  }
}

/** The domain error behind an error Apollo reports: thrown as is, or wrapped by graphql-js. */
function domainErrorOf(error: unknown): AppError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof AppError ? original : undefined;
}

const codeOf = (error: GraphQLError): unknown =>
  domainErrorOf(error)?.code ?? error.extensions.code;

/**
 * Apollo's formatError hook: a domain error shows its code and details; then maskError decides
 * what the client sees.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const domain = domainErrorOf(error);
  if (!domain) return maskError(formatted);
  const stacktrace = formatted.extensions?.stacktrace;
  return maskError({
    ...formatted,
    extensions: {
      code: domain.code,
      ...domain.details,
      ...(stacktrace === undefined ? {} : { stacktrace }),
    },
  });
}

const MASKED_MESSAGE = 'Internal server error';

/**
 * Errors with a code the client may act on pass through; anything else (a bug, a driver error we
 * did not translate) is replaced by a generic message so that no internals leak. The stack trace
 * stays only when Apollo was told to include it (development).
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isExposedCode(formatted.extensions?.code)) return formatted;
  const stacktrace = formatted.extensions?.stacktrace;
  return {
    message: MASKED_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(stacktrace === undefined ? {} : { stacktrace }),
    },
  };
}

/**
 * The HTTP status the response takes from its domain errors: the last one's whose code names
 * one, as Apollo takes it from `extensions.http`.
 */
export function statusOfErrors(errors: readonly GraphQLError[]): number | undefined {
  return errors
    .map((error) => domainErrorOf(error))
    .filter((domain) => domain !== undefined)
    .map((domain) => httpStatusOf(domain.code))
    .findLast((status) => status !== undefined);
}

/**
 * Logs every error with the request id (the full original for masked ones), gives the response
 * the HTTP status its domain errors name, and adds the request id to each error in the response,
 * so a user's report leads straight to the log line.
 */
export const errorReportingPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = codeOf(error);
          if (isExposedCode(code)) {
            contextValue.log.info({ code, path: error.path }, error.message);
          } else {
            contextValue.log.error(
              { err: error.originalError ?? error, path: error.path },
              'unexpected error',
            );
          }
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue, errors }) {
        const status = errors && statusOfErrors(errors);
        if (status) response.http.status = status;
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        }
        return Promise.resolve();
      },
    });
  },
};

/**
 * One line per operation with its Cypher round trips: the number batching keeps bounded by the
 * query's depth, and the first thing to look at when a request is slow.
 */
export const queryStatsPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ contextValue, operationName }) {
        contextValue.log.debug(
          { operationName, roundTrips: contextValue.executor.roundTrips },
          'graphql operation finished',
        );
        return Promise.resolve();
      },
    });
  },
};

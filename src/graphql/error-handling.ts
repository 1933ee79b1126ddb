import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../context.js';
import { ErrorCode, isExposedCode } from '../errors.js';

const MASKED_MESSAGE = 'Internal server error';

/**
 * Apollo's formatError hook: errors with a code the client may act on pass through; anything
 * else (a bug, a driver error we did not translate) is replaced by a generic message so that no
 * internals leak. The stack trace stays only when Apollo was told to include it (development).
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
 * Logs every error with the request id (the full original for masked ones) and adds that id to
 * each error in the response, so a user's report leads straight to the log line.
 */
export const errorReportingPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = error.extensions.code;
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
      willSendResponse({ response, contextValue }) {
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

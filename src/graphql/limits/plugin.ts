import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError, ParseOptions } from 'graphql';
import type { Context } from '../../context.js';
import { checkOperation } from './check-operation.js';
import { countTokens } from './count-tokens.js';
import { tooManyTokens } from './limit-errors.js';
import type { QueryLimits } from './query-limits.js';

/**
 * Makes graphql-js's parser give up at the token limit. Apollo parses before any plugin hook
 * may reject a request (an error thrown earlier, in `didResolveSource`, becomes a bare HTTP 500),
 * so without these options a huge document would be parsed and validated in full first.
 * Pass them as ApolloServer's `parseOptions` next to the plugin.
 */
export function queryLimitsParseOptions(limits: Pick<QueryLimits, 'maxTokens'>): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens, maxComments: limits.maxTokens };
}

/**
 * Rejects, with HTTP 400 and before execution, operations that break the query limits:
 * - tokens: counted from the raw source in `didResolveSource` (stopping at the limit); when the
 *   parser (see queryLimitsParseOptions) or validation then fails on that document, the answer
 *   is replaced by the token-limit error, which says what to fix; if nothing failed, the error
 *   is thrown in `didResolveOperation`.
 * - depth, aliases, cost and `first`: measured in `didResolveOperation`, the first hook where
 *   the document is parsed and validated and a thrown error becomes a GraphQL error response.
 */
export function createQueryLimitsPlugin<TContext extends BaseContext = Context>(
  limits: QueryLimits,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      let tokenLimitError: GraphQLError | undefined;
      return Promise.resolve({
        didResolveSource({ source }) {
          if (countTokens(source, limits.maxTokens + 1) > limits.maxTokens) {
            tokenLimitError = tooManyTokens(limits.maxTokens);
          }
          return Promise.resolve();
        },
        didResolveOperation({ schema, document, operation, request }) {
          const violation =
            tokenLimitError ??
            (operation &&
              checkOperation(
                schema,
                document,
                request.operationName,
                request.variables ?? {},
                limits,
              ));
          return violation ? Promise.reject(violation) : Promise.resolve();
        },
        willSendResponse({ response }) {
          if (tokenLimitError && response.body.kind === 'single') {
            const replaced = response.body.singleResult.errors?.[0];
            response.body.singleResult.errors = [asResponseError(tokenLimitError, replaced)];
            response.http.status = 400;
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The error as Apollo would have formatted it, keeping what other plugins added to the error it
 * replaces (a request id, say) but not that error's stack trace.
 */
function asResponseError(
  error: GraphQLError,
  replaced: GraphQLFormattedError | undefined,
): GraphQLFormattedError {
  const kept = Object.entries(replaced?.extensions ?? {}).filter(([key]) => key !== 'stacktrace');
  const own = Object.entries(error.extensions).filter(([key]) => key !== 'http');
  return { message: error.message, extensions: Object.fromEntries([...kept, ...own]) };
}

import { createGraphiQLFetcher, type Fetcher, type SyncExecutionResult } from '@graphiql/toolkit';
import { CombinedError } from 'urql';
import { graphqlPath } from '../api/client';
import { credentialHeaders, type Credential } from '../api/credential';

/**
 * What GraphiQL's introspection got: the schema (docs and completion work), or the error that
 * refused it, in the explorer's own terms, so the view can say why the docs are missing.
 */
export type SchemaOutcome = { kind: 'schema' } | { kind: 'refused'; error: CombinedError };

/** The operation name GraphiQL (and the toolkit's fetcher) give the introspection query. */
const introspectionName = 'IntrospectionQuery';

const outcomeOf = (result: SyncExecutionResult): SchemaOutcome => {
  // Introspection goes through the toolkit's plain POST, which answers the parsed JSON body as it
  // came (a refusal has no data at all), never a stream.
  const { data, errors } = result as { data?: { __schema?: unknown } | null; errors?: unknown[] };
  if (data?.__schema !== undefined) return { kind: 'schema' };
  return {
    kind: 'refused',
    error: new CombinedError({ graphQLErrors: (errors ?? []) as { message: string }[] }),
  };
};

const networkFailure = (error: unknown): CombinedError =>
  new CombinedError({ networkError: error instanceof Error ? error : new Error(String(error)) });

/**
 * GraphiQL's fetcher for the API this explorer is served by, sending the signed-in credential
 * (headers typed in GraphiQL's header editor still win). Every introspection's outcome goes to
 * `onSchemaOutcome`: GraphiQL itself only shows a refused introspection as a raw error.
 */
export function explorerFetcher(
  credential: Credential | null,
  onSchemaOutcome: (outcome: SchemaOutcome) => void,
): Fetcher {
  const fetcher = createGraphiQLFetcher({
    url: graphqlPath,
    headers: credentialHeaders(credential),
    // The API answers single results (graphql 16 has no @defer/@stream): plain POSTs suffice.
    enableIncrementalDelivery: false,
  });
  return async (params, options) => {
    if (params.operationName !== introspectionName) return fetcher(params, options);
    try {
      const result = await fetcher(params, options);
      onSchemaOutcome(outcomeOf(result));
      return result;
    } catch (error) {
      onSchemaOutcome({ kind: 'refused', error: networkFailure(error) });
      throw error;
    }
  };
}

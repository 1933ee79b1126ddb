import { Client, cacheExchange, fetchExchange } from 'urql';
import { credentialHeaders, type Credential } from './credential';

/** The API's GraphQL endpoint: the explorer is served by the API itself, so the same origin. */
export const graphqlPath = '/graphql';

/**
 * One client per credential: signing in or out builds a new one, so no answer cached for one
 * role is ever shown to another.
 */
export function createApiClient(credential: Credential | null): Client {
  return new Client({
    url: graphqlPath,
    exchanges: [cacheExchange, fetchExchange],
    // Every GraphQL request carries a content type Apollo's CSRF prevention accepts (POST JSON).
    preferGetMethod: false,
    fetchOptions: () => ({ headers: credentialHeaders(credential) }),
  });
}

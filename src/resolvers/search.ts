import type { Resolvers } from '../__generated__/resolvers-types.js';
import { search } from '../repositories/search-repository.js';

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, { text, types, first }, { executor, loaders }) => {
      const hits = await search(
        executor,
        text,
        types?.length ? types : ['ACTOR', 'INCIDENT'],
        first,
      );
      // The hits carry their nodes: a field that loads one of them again finds it in the loader.
      return hits.map((hit) => {
        if (hit.type === 'ACTOR') {
          loaders.node('Actor').prime(hit.id, hit.row);
          return { score: hit.score, type: 'ACTOR' as const, node: hit.row };
        }
        loaders.node('Incident').prime(hit.id, hit.row);
        return { score: hit.score, type: 'INCIDENT' as const, node: hit.row };
      });
    },
  },
  SearchHit: {
    node: (hit) => ({ ...hit.node, __typename: hit.type === 'ACTOR' ? 'Actor' : 'Incident' }),
  },
  SearchResult: {
    // Actor and Incident rows are told apart by the type the search hit carried.
    __resolveType: (row) => (row as unknown as { __typename: 'Actor' | 'Incident' }).__typename,
  },
};

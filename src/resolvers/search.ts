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
      const rows = await Promise.all(
        hits.map(async (hit) =>
          hit.type === 'ACTOR'
            ? {
                score: hit.score,
                type: 'ACTOR' as const,
                node: await loaders.node('Actor').load(hit.id),
              }
            : {
                score: hit.score,
                type: 'INCIDENT' as const,
                node: await loaders.node('Incident').load(hit.id),
              },
        ),
      );
      return rows.flatMap((row) =>
        row.node === null ? [] : [row as typeof row & { node: NonNullable<typeof row.node> }],
      );
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

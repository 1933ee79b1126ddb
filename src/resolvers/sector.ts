import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listCounts, listIncidents } from './related.js';
import { keyFor, toGlobalId } from '../graphql/global-id.js';
import { topLevelSectors } from '../repositories/taxonomy-repository.js';

export const sectorResolvers: Resolvers = {
  Query: {
    sector: (_parent, { id }, { loaders }) =>
      loaders.node('Sector').load(keyFor('Sector', id, 'id')),
    sectors: (_parent, _args, { executor }) => topLevelSectors(executor),
  },
  Sector: {
    id: (row) => toGlobalId('Sector', row.id),
    key: (row) => row.id,
    parent: async (row, _args, { loaders }) =>
      (await loaders.sectorParents.load(row.id))[0] ?? null,
    subsectors: (row, _args, { loaders }) => loaders.sectorChildren.load(row.id),
    incidents: (row, args, context, info) => listIncidents('sector', row.id, args, context, info),
    actors: (row, args, context, info) =>
      listCounts('actor', 'sector', row.id, args, context, info),
  },
};

import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listIncidents } from './related.js';
import { pageOf } from '../graphql/arguments.js';
import { incidentConditions } from '../graphql/filters.js';
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
    incidents: (row, args, context) => listIncidents('sector', row.id, args, context),
    actors: (row, args, { loaders, taxonomy }) =>
      loaders.counts(
        'actor',
        'sector',
        row.id,
        incidentConditions(args.filter, taxonomy),
        pageOf(args),
      ),
  },
};

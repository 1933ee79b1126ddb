import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listCounts } from './related.js';

/**
 * The explorer's home page: who and what the filter's incidents involve most. The same count
 * connection as a node's (`Actor.sectors`, `Sector.actors`…), over every incident.
 */
export const busiestResolvers: Resolvers = {
  Query: {
    topActors: (_parent, args, context, info) =>
      listCounts('actor', null, null, args, context, info),
    topSectors: (_parent, args, context, info) =>
      listCounts('topLevelSector', null, null, args, context, info),
    topCountries: (_parent, args, context, info) =>
      listCounts('country', null, null, args, context, info),
    topOrigins: (_parent, args, context, info) =>
      listCounts('originCountry', null, null, args, context, info),
  },
};

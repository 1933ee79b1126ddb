import type { Resolvers } from '../__generated__/resolvers-types.js';
import { countNodesByLabel } from '../repositories/graph-stats-repository.js';

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, { database }) => ({
      status: 'ok',
      database: (await database.readiness()).ready ? 'up' : 'down',
    }),
    nodeCounts: (_parent, _args, { executor }) => countNodesByLabel(executor),
  },
};

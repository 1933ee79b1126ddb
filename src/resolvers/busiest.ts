import type { IncidentFilter, Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { pageOf } from '../graphql/arguments.js';
import type { Connection } from '../graphql/connection.js';
import { incidentConditions } from '../graphql/filters.js';
import type { CountGroup } from '../repositories/count-repository.js';
import type { ActorRow, CountRow, CountryRow, SectorRow } from '../repositories/rows.js';

interface BusiestArgs {
  filter?: IncidentFilter | null;
  first?: number | null;
  after?: string | null;
}

/** The same count connection as a node's (`Actor.sectors`, `Sector.actors`…), over every incident. */
function busiest<Node extends ActorRow | SectorRow | CountryRow>(
  group: CountGroup,
  args: BusiestArgs,
  { loaders, taxonomy }: Context,
): Promise<Connection<CountRow<Node>>> {
  return loaders.counts<Node>(
    group,
    null,
    null,
    incidentConditions(args.filter, taxonomy),
    pageOf(args),
  );
}

/** The explorer's home page: who and what the filter's incidents involve most. */
export const busiestResolvers: Resolvers = {
  Query: {
    topActors: (_parent, args, context) => busiest<ActorRow>('actor', args, context),
    topSectors: (_parent, args, context) => busiest<SectorRow>('topLevelSector', args, context),
    topCountries: (_parent, args, context) => busiest<CountryRow>('country', args, context),
  },
};

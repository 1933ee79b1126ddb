import type { Resolvers } from '../__generated__/resolvers-types.js';
import { orderOf } from '../graphql/arguments.js';
import { actorConditions } from './filter-arguments.js';
import { keyFor, toGlobalId } from '../graphql/global-id.js';
import type { ActorType } from '../domain/vocabulary.js';
import { listActors, listCounts, listIncidents, loadSources, required } from './related.js';

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_parent, { id }, { loaders }) => loaders.node('Actor').load(keyFor('Actor', id, 'id')),
    actors: (_parent, args, { loaders, taxonomy }, info) =>
      listActors(
        null,
        null,
        actorConditions(args.filter, taxonomy),
        orderOf(args.orderBy, { field: 'NAME', direction: 'ASC' }),
        args,
        loaders,
        info,
      ),
  },
  Actor: {
    id: (row) => toGlobalId('Actor', row.id),
    key: (row) => row.id,
    version: (row) => row.version ?? 0,
    aliases: (row) => row.aliases ?? [],
    type: (row) => (row.type ?? 'UNKNOWN') as ActorType,
    motivations: (row) => row.motivations ?? [],
    externalIds: (row) => row.externalIds ?? [],
    origin: async (row, _args, { loaders }) => (await loaders.actorOrigins.load(row.id))[0] ?? null,
    sponsors: (row, _args, { loaders }) => loaders.actorSponsors.load(row.id),
    affiliations: (row, _args, { loaders }) => loaders.actorAffiliations.load(row.id),
    reportedTargets: (row) => row,
    incidents: (row, args, context, info) => listIncidents('actor', row.id, args, context, info),
    sectors: (row, args, context, info) =>
      listCounts('sector', 'actor', row.id, args, context, info),
    targetCountries: (row, args, context, info) =>
      listCounts('country', 'actor', row.id, args, context, info),
  },
  ReportedTargets: {
    sectors: (row, _args, { loaders }) => loaders.actorReportedSectors.load(row.id),
    countries: (row, _args, { loaders }) => loaders.actorReportedCountries.load(row.id),
  },
  ReportedTarget: {
    sector: async (row, _args, { loaders }) =>
      required(await loaders.node('Sector').load(row.key), 'Sector', row.key),
    sources: (row, _args, { loaders }) => loadSources(row.sourceIds, loaders),
  },
  ReportedCountryTarget: {
    country: async (row, _args, { loaders }) =>
      required(await loaders.node('Country').load(row.key), 'Country', row.key),
    sources: (row, _args, { loaders }) => loadSources(row.sourceIds, loaders),
  },
  StateClaim: {
    country: async (row, _args, { loaders }) =>
      required(await loaders.node('Country').load(row.countryCode), 'Country', row.countryCode),
    sources: (row, _args, { loaders }) => loadSources(row.sourceIds, loaders),
  },
  Affiliation: {
    actor: async (row, _args, { loaders }) =>
      required(await loaders.node('Actor').load(row.actorId), 'Actor', row.actorId),
  },
};

import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listActors, listCounts, listIncidents } from './related.js';
import { parseGlobalId, toGlobalId } from '../graphql/global-id.js';
import { listCountries } from '../repositories/taxonomy-repository.js';

export const countryResolvers: Resolvers = {
  Query: {
    country: (_parent, { code }, { loaders, taxonomy }) => {
      const parsed = parseGlobalId(code);
      const iso2 = taxonomy.resolveCountry(parsed?.type === 'Country' ? parsed.key : code);
      return iso2 ? loaders.node('Country').load(iso2) : null;
    },
    countries: (_parent, { region }, { executor }) => listCountries(executor, region ?? null),
  },
  Country: {
    id: (row) => toGlobalId('Country', row.iso2),
    code: (row) => row.iso2,
    incidents: (row, args, context, info) =>
      listIncidents('country', row.iso2, args, context, info),
    originatingActors: (row, args, { loaders }, info) =>
      listActors('origin', row.iso2, {}, { field: 'NAME', direction: 'ASC' }, args, loaders, info),
    targetingActors: (row, args, context, info) =>
      listCounts('actor', 'country', row.iso2, args, context, info),
  },
};

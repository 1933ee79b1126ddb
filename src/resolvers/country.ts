import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listIncidents } from './related.js';
import { pageOf } from '../graphql/arguments.js';
import { incidentConditions } from '../graphql/filters.js';
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
    incidents: (row, args, context) => listIncidents('country', row.iso2, args, context),
    originatingActors: (row, args, { loaders }) =>
      loaders.actors('origin', row.iso2, {}, { field: 'NAME', direction: 'ASC' }, pageOf(args)),
    targetingActors: (row, args, { loaders, taxonomy }) =>
      loaders.counts(
        'actor',
        'country',
        row.iso2,
        incidentConditions(args.filter, taxonomy),
        pageOf(args),
      ),
  },
};

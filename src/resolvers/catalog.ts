import type { Resolvers } from '../__generated__/resolvers-types.js';
import { listIncidents } from './related.js';
import { connectionOf } from '../graphql/connection.js';
import { withSubsectors } from '../taxonomy/taxonomy.js';
import { keyFor, toGlobalId } from '../graphql/global-id.js';
import {
  countCampaigns,
  countOrganizations,
  listCampaigns,
  listOrganizations,
  namedKeysets,
} from '../repositories/catalog-repository.js';

export const catalogResolvers: Resolvers = {
  Query: {
    campaign: (_parent, { id }, { loaders }) =>
      loaders.node('Campaign').load(keyFor('Campaign', id, 'id')),
    campaigns: (_parent, args, { executor }) =>
      connectionOf(
        args,
        namedKeysets.Campaign,
        (r) => [r.name.toLowerCase(), r.id],
        async (page) => ({
          rows: await listCampaigns(executor, args.search ?? null, page),
          count: () => countCampaigns(executor, args.search ?? null),
        }),
      ),
    organization: (_parent, { id }, { loaders }) =>
      loaders.node('Organization').load(keyFor('Organization', id, 'id')),
    organizations: async (_parent, args, { executor, taxonomy }) => {
      const filter = {
        search: args.search ?? null,
        sectorIds: args.sectorId
          ? withSubsectors([keyFor('Sector', args.sectorId, 'sectorId')], taxonomy)
          : null,
        countryCode: args.countryCode
          ? (taxonomy.resolveCountry(args.countryCode) ?? args.countryCode)
          : null,
      };
      return connectionOf(
        args,
        namedKeysets.Organization,
        (r) => [r.name.toLowerCase(), r.id],
        async (page) => ({
          rows: await listOrganizations(executor, filter, page),
          count: () => countOrganizations(executor, filter),
        }),
      );
    },
  },
  Campaign: {
    id: (row) => toGlobalId('Campaign', row.id),
    key: (row) => row.id,
    version: (row) => row.version ?? 0,
    attributions: (row, _args, { loaders }) => loaders.campaignAttributions.load(row.id),
    incidents: (row, args, context, info) => listIncidents('campaign', row.id, args, context, info),
  },
  Organization: {
    id: (row) => toGlobalId('Organization', row.id),
    key: (row) => row.id,
    version: (row) => row.version ?? 0,
    sectors: (row, _args, { loaders }) => loaders.organizationSectors.load(row.id),
    country: async (row, _args, { loaders }) =>
      (await loaders.organizationCountries.load(row.id))[0] ?? null,
    incidents: (row, args, context, info) =>
      listIncidents('organization', row.id, args, context, info),
  },
  Source: {
    id: (row) => toGlobalId('Source', row.id),
    version: (row) => row.version ?? 0,
  },
};

import type {
  AttributionBasis,
  AttributionStatus,
  ImpactCategory,
  Resolvers,
} from '../__generated__/resolvers-types.js';
import { formatPartialDate } from '../domain/partial-date.js';
import type { DatePrecision } from '../domain/vocabulary.js';
import { keyFor, toGlobalId } from '../graphql/global-id.js';
import { listIncidents, loadSources, required } from './related.js';

export const incidentResolvers: Resolvers = {
  Query: {
    incident: (_parent, { id }, { loaders }) =>
      loaders.node('Incident').load(keyFor('Incident', id, 'id')),
    incidents: (_parent, args, context, info) => listIncidents(null, null, args, context, info),
    attackTypes: (_parent, _args, { taxonomy }) => taxonomy.attackTypes,
  },
  Incident: {
    id: (row) => toGlobalId('Incident', row.id),
    key: (row) => row.id,
    version: (row) => row.version ?? 0,
    datePrecision: (row) => row.datePrecision as DatePrecision,
    date: (row) => formatPartialDate(row.startDate, row.datePrecision as DatePrecision),
    attackTypes: (row) => row.attackTypes ?? [],
    impact: (row) => row,
    attributions: async (row, { minConfidence, statuses }, { loaders }) =>
      (await loaders.incidentAttributions.load(row.id)).filter(
        (a) =>
          (minConfidence == null || a.confidence >= minConfidence) &&
          (!statuses?.length || statuses.includes(a.status as AttributionStatus)),
      ),
    sectors: (row, _args, { loaders }) => loaders.incidentSectors.load(row.id),
    countries: (row, _args, { loaders }) => loaders.incidentCountries.load(row.id),
    organizations: (row, _args, { loaders }) => loaders.incidentOrganizations.load(row.id),
    sources: (row, _args, { loaders }) => loaders.incidentSources.load(row.id),
    campaign: async (row, _args, { loaders }) =>
      (await loaders.incidentCampaigns.load(row.id))[0] ?? null,
  },
  Impact: {
    disruptionDays: (row) => row.disruptionDays ?? null,
    recordsAffected: (row) => row.recordsAffected ?? null,
    ransomDemandedUsd: (row) => row.ransomDemandedUsd ?? null,
    ransomPaidUsd: (row) => row.ransomPaidUsd ?? null,
    // Stored as aligned lists, since a property cannot hold a list of maps; "" is no description.
    categories: (row) =>
      (row.impactCategories ?? []).map((category, i) => ({
        category: category as ImpactCategory,
        description: row.impactDescriptions?.[i] || null,
      })),
    cyberIntensity: (row) =>
      row.cyberIntensityUnweighted == null &&
      row.cyberIntensityWeighted == null &&
      row.targetMultiplier == null
        ? null
        : {
            unweighted: row.cyberIntensityUnweighted ?? null,
            weighted: row.cyberIntensityWeighted ?? null,
            targetMultiplier: row.targetMultiplier ?? null,
          },
    functional: (row) => row.functionalImpact ?? null,
    intelligence: (row) => row.intelligenceImpact ?? null,
    political: (row) =>
      (row.politicalImpactMeasures ?? []).flatMap((measure, i) => {
        const level = row.politicalImpactLevels?.[i];
        return level === undefined ? [] : [{ measure, level }];
      }),
    economic: (row) => row.economicImpact ?? null,
    economicValue: (row) =>
      row.economicImpactAmount == null
        ? null
        : { amount: row.economicImpactAmount, currency: row.economicImpactCurrency ?? null },
    casualties: (row) => row.casualties ?? null,
    sources: (row, _args, { loaders }) => loadSources(row.impactSourceIds ?? [], loaders),
  },
  Attribution: {
    version: (row) => row.version ?? 0,
    actor: async (row, _args, { loaders }) =>
      required(await loaders.node('Actor').load(row.actorId), 'Actor', row.actorId),
    basis: (row) => row.basis as AttributionBasis,
    status: (row) => row.status as AttributionStatus,
    sources: (row, _args, { loaders }) => loadSources(row.sourceIds, loaders),
  },
  AffectedCountry: {
    country: async (row, _args, { loaders }) =>
      required(await loaders.node('Country').load(row.countryCode), 'Country', row.countryCode),
  },
};

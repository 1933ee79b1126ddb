import type { ActorFilter, IncidentFilter } from '../__generated__/resolvers-types.js';
import { appError, ErrorCode } from '../errors.js';
import type { ActorConditions } from '../repositories/actor-repository.js';
import { MAX_FILTER_VALUES, type IncidentConditions } from '../repositories/incident-filter.js';
import {
  countsVictimology,
  incidentOnlyConditions,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { luceneQuery } from '../repositories/search-repository.js';
import { withSubsectors, type Taxonomy } from '../taxonomy/taxonomy.js';
import { findRegion, regionScope, allRegions, type RegionScope } from '../taxonomy/regions.js';
import { keyFor } from '../graphql/global-id.js';

/** A BAD_USER_INPUT naming the first list of the filter longer than MAX_FILTER_VALUES. */
function checkListLengths(filter: object, argument: string): void {
  for (const [name, value] of Object.entries(filter)) {
    if (Array.isArray(value) && value.length > MAX_FILTER_VALUES)
      throw appError(
        ErrorCode.BAD_USER_INPUT,
        `${argument}.${name} lists ${value.length} values; a filter takes at most ${MAX_FILTER_VALUES}.`,
        { argument: `${argument}.${name}`, maximum: MAX_FILTER_VALUES, actual: value.length },
      );
  }
}

/**
 * From what the client sent to what the repositories take: global ids to keys, a sector to itself
 * and its sub-sectors, country codes checked. A wrong value is a BAD_USER_INPUT naming the field,
 * not an empty answer that looks like "no data".
 */
export function incidentConditions(
  filter: IncidentFilter | null | undefined,
  taxonomy: Taxonomy,
  argument = 'filter',
): IncidentConditions {
  if (!filter) return {};
  checkListLengths(filter, argument);
  const sectorIds = filter.sectorIds?.map((id) => keyFor('Sector', id, `${argument}.sectorIds`));
  for (const id of sectorIds ?? []) {
    if (!taxonomy.isSector(id))
      throw appError(ErrorCode.BAD_USER_INPUT, `${argument}.sectorIds: unknown sector "${id}".`, {
        argument: `${argument}.sectorIds`,
      });
  }
  for (const type of filter.attackTypes ?? []) {
    if (!taxonomy.isAttackType(type)) {
      throw appError(
        ErrorCode.BAD_USER_INPUT,
        `${argument}.attackTypes: unknown attack type "${type}"; see the attackTypes query.`,
        {
          argument: `${argument}.attackTypes`,
        },
      );
    }
  }
  if (filter.minConfidence != null && (filter.minConfidence < 0 || filter.minConfidence > 100)) {
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `${argument}.minConfidence must be between 0 and 100, got ${filter.minConfidence}.`,
      {
        argument: `${argument}.minConfidence`,
      },
    );
  }
  if (filter.attributed === false && filter.crossBorder != null) {
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `${argument}.crossBorder speaks of an attributed actor's origin: it cannot be combined with ${argument}.attributed: false.`,
      { argument: `${argument}.crossBorder` },
    );
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `${argument}.from (${filter.from}) is after ${argument}.to (${filter.to}).`,
      { argument: `${argument}.from` },
    );
  }
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    sectorIds: sectorIds ? withSubsectors(sectorIds, taxonomy) : null,
    countryCodes: filter.countryCodes
      ? countryCodes(filter.countryCodes, taxonomy, `${argument}.countryCodes`)
      : null,
    originCountryCodes: filter.originCountryCodes
      ? countryCodes(filter.originCountryCodes, taxonomy, `${argument}.originCountryCodes`)
      : null,
    actorIds: filter.actorIds?.map((id) => keyFor('Actor', id, `${argument}.actorIds`)) ?? null,
    attackTypes: filter.attackTypes ?? null,
    minConfidence: filter.minConfidence ?? null,
    attributionStatuses: filter.attributionStatuses ?? null,
    crossBorder: filter.crossBorder ?? null,
    search: filter.search ? luceneQuery(filter.search, `${argument}.search`) : null,
    datasetIds:
      filter.datasetIds?.map((id) => keyFor('Dataset', id, `${argument}.datasetIds`)) ?? null,
    regions: filter.regions ? regions(filter.regions, `${argument}.regions`) : null,
    attributed: filter.attributed ?? null,
    impactCategories: filter.impactCategories ?? null,
  };
}

function regions(names: readonly string[], argument: string): RegionScope {
  return regionScope(
    names.map((name) => {
      const region = findRegion(name);
      if (!region)
        throw appError(
          ErrorCode.BAD_USER_INPUT,
          `${argument}: unknown region "${name}"; the regions are ${allRegions()
            .map((r) => r.name)
            .join(', ')} (see the regions query).`,
          { argument },
        );
      return region;
    }),
  );
}

export function actorConditions(
  filter: ActorFilter | null | undefined,
  taxonomy: Taxonomy,
): ActorConditions {
  if (!filter) return {};
  checkListLengths(filter, 'filter');
  return {
    search: filter.search ? luceneQuery(filter.search, 'filter.search') : null,
    types: filter.types ?? null,
    originCountryCodes: filter.originCountryCodes
      ? countryCodes(filter.originCountryCodes, taxonomy, 'filter.originCountryCodes')
      : null,
    sponsorCountryCodes: filter.sponsorCountryCodes
      ? countryCodes(filter.sponsorCountryCodes, taxonomy, 'filter.sponsorCountryCodes')
      : null,
  };
}

function countryCodes(codes: readonly string[], taxonomy: Taxonomy, argument: string): string[] {
  return codes.map((code) => {
    const resolved = taxonomy.resolveCountry(code);
    if (!resolved)
      throw appError(
        ErrorCode.BAD_USER_INPUT,
        `${argument}: unknown country "${code}" (use ISO 3166-1 codes such as UA).`,
        { argument },
      );
    return resolved;
  });
}

/**
 * The basis an analysis counts on, checked against its filter: reported victimology carries no
 * date, attack type, text or claim, so asking it for one is an error that names the condition
 * rather than an answer that quietly ignores it.
 */
export function analysisBasis(
  basis: AnalysisBasis,
  filter: IncidentFilter | null | undefined,
): AnalysisBasis {
  if (!countsVictimology(basis) || !filter) return basis;
  const set = incidentOnlyConditions.filter((name) => filter[name] != null);
  if (set.length > 0)
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `filter.${set.join(', filter.')} cannot apply to reported victimology, which has no date, attack type, text, claim, dataset, region or impact: use basis INCIDENTS, or leave ${set.length > 1 ? 'them' : 'it'} out.`,
      { argument: `filter.${set[0] ?? ''}` },
    );
  return basis;
}

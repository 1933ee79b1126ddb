import { EMPTY, fragment, join, param, variable, where, type Fragment } from '../db/cypher.js';
import { actorConditionsOf, type IncidentConditions } from './incident-filter.js';

/**
 * Which links an analysis is made of: those drawn from incidents, from reported victimology
 * (`(Actor)-[:TARGETS]->(Sector|Country)` edges, from sources that name no incidents), or both.
 */
export type AnalysisBasis = 'INCIDENTS' | 'REPORTED_VICTIMOLOGY' | 'BOTH';

export const countsIncidents = (basis: AnalysisBasis): boolean => basis !== 'REPORTED_VICTIMOLOGY';
export const countsVictimology = (basis: AnalysisBasis): boolean => basis !== 'INCIDENTS';

/**
 * Conditions only an incident can meet: reported victimology has no date, type, text or claim,
 * and is not counted by dataset, region or impact.
 */
export const incidentOnlyConditions = [
  'from',
  'to',
  'attackTypes',
  'search',
  'attributionStatuses',
  'crossBorder',
  'datasetIds',
  'regions',
  'attributed',
  'impactCategories',
] as const satisfies readonly (keyof IncidentConditions)[];

/**
 * Which aggregated links (`n` incidents, `reported` by victimology) an answer on this basis shows:
 * counts are always incidents, the basis only chooses the links.
 */
export const shownByBasis = (basis: AnalysisBasis): Fragment => shown[basis];

const shown: Record<AnalysisBasis, Fragment> = {
  INCIDENTS: fragment`n > 0`,
  REPORTED_VICTIMOLOGY: fragment`reported`,
  BOTH: fragment`n > 0 OR reported`,
};

/** Conditions on a reported link `t` (a TARGETS relationship), whatever it points at. */
export function reportedLinkConditionsOf(filter: IncidentConditions, t: Fragment): Fragment[] {
  return typeof filter.minConfidence === 'number'
    ? [fragment`coalesce(${t}.confidence, 0) >= ${param(filter.minConfidence, 'minConfidence')}`]
    : [];
}

export interface VictimologyConditions {
  /**
   * Conditions on the actor `a`: who it is, where from, and that it has a reported target passing
   * the filter (one of the sectors and one of the countries asked for, when they are).
   */
  readonly actor: readonly Fragment[];
  /** Conditions on a reported link `t` to the sector `s`. */
  sector(t: Fragment, s: Fragment): Fragment[];
  /** Conditions on a reported link `t` to the country `c`. */
  country(t: Fragment, c: Fragment): Fragment[];
}

/**
 * The shared filter read for reported victimology, the way it reads for incidents: the actor must
 * pass the actor conditions and, when sectors or countries are asked for, be reported to target
 * one of them; `minConfidence` applies to the TARGETS edges.
 */
export function victimologyConditionsOf(filter: IncidentConditions): VictimologyConditions {
  const sector = (t: Fragment, s: Fragment): Fragment[] => [
    ...reportedLinkConditionsOf(filter, t),
    ...(filter.sectorIds?.length
      ? [fragment`${s}.id IN ${param(filter.sectorIds, 'sectorIds')}`]
      : []),
  ];
  const country = (t: Fragment, c: Fragment): Fragment[] => [
    ...reportedLinkConditionsOf(filter, t),
    ...(filter.countryCodes?.length
      ? [fragment`${c}.iso2 IN ${param(filter.countryCodes, 'countryCodes')}`]
      : []),
  ];
  const sectorLink = reportedLink(fragment`Sector`, sector);
  const countryLink = reportedLink(fragment`Country`, country);
  const actor = [...actorConditionsOf(filter)];
  if (filter.sectorIds?.length) actor.push(sectorLink);
  if (filter.countryCodes?.length) actor.push(countryLink);
  if (!filter.sectorIds?.length && !filter.countryCodes?.length)
    actor.push(fragment`(${sectorLink} OR ${countryLink})`);
  return { actor, sector, country };
}

/** That `a` has a reported link to a `label` node meeting `conditions`, in variables of its own. */
function reportedLink(
  label: Fragment,
  conditions: (t: Fragment, target: Fragment) => Fragment[],
): Fragment {
  const t = fragment`${variable('vt')}`;
  const target = fragment`${variable('vn')}`;
  return fragment`EXISTS { (a)-[${t}:TARGETS]->(${target}:${label}) ${where(conditions(t, target))} }`;
}

/** The Cypher branches the basis asks for, as one UNION (each branch returns the same columns). */
export function unionOfBasis(
  basis: AnalysisBasis,
  fromIncidents: Fragment,
  fromVictimology: Fragment,
): Fragment {
  return join(
    [
      countsIncidents(basis) ? fromIncidents : EMPTY,
      countsVictimology(basis) ? fromVictimology : EMPTY,
    ],
    '\n  UNION\n  ',
  );
}

import { EMPTY, fragment, join, param, variable, where, type Fragment } from '../db/cypher.js';
import {
  actorConditionsOf,
  actorOnlyConditions,
  type IncidentConditions,
} from './incident-filter.js';

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

export interface VictimologyMatch {
  /**
   * Conditions on the actor `a`: who it is, where from, and that it has a reported target passing
   * the filter (one of the sectors and one of the countries asked for, when they are).
   */
  actor: string[];
  /** Conditions on a reported sector link `t` to `s`. */
  sector: string[];
  /** Conditions on a reported country link `t` to `c`. */
  country: string[];
}

/** Conditions on any reported link `t`, whatever it points at: the filter's confidence floor. */
export function reportedLinkConditions(
  filter: IncidentConditions,
  params: Record<string, unknown>,
  t: string,
): string[] {
  if (typeof filter.minConfidence !== 'number') return [];
  params.f_minConfidence = filter.minConfidence;
  return [`coalesce(${t}.confidence, 0) >= $f_minConfidence`];
}

/**
 * Which aggregated links (`n` incidents, `reported` by victimology) an answer on this basis shows:
 * counts are always incidents, the basis only chooses the links.
 */
export const shownByBasis = (basis: AnalysisBasis): string =>
  ({ INCIDENTS: 'n > 0', REPORTED_VICTIMOLOGY: 'reported', BOTH: 'n > 0 OR reported' })[basis];

/**
 * The shared filter read for reported victimology, the way it reads for incidents: the actor must
 * pass the actor conditions and, when sectors or countries are asked for, be reported to target
 * one of them; `minConfidence` applies to the TARGETS edges. Parameters share the names (and so
 * the values) the incident filter gives them.
 */
export function victimologyMatch(
  filter: IncidentConditions,
  params: Record<string, unknown>,
): VictimologyMatch {
  const link = (t: string) => reportedLinkConditions(filter, params, t);
  const sector = (t: string, s: string): string[] => {
    if (!filter.sectorIds?.length) return link(t);
    params.f_sectorIds = filter.sectorIds;
    return [...link(t), `${s}.id IN $f_sectorIds`];
  };
  const country = (t: string, c: string): string[] => {
    if (!filter.countryCodes?.length) return link(t);
    params.f_countryCodes = filter.countryCodes;
    return [...link(t), `${c}.iso2 IN $f_countryCodes`];
  };
  const where = (conditions: string[]) =>
    conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  // Own variable names inside, so that the subqueries never capture the caller's `t`, `s`, `c`.
  const sectorLink = `EXISTS { (a)-[vt:TARGETS]->(vs:Sector)${where(sector('vt', 'vs'))} }`;
  const countryLink = `EXISTS { (a)-[vt:TARGETS]->(vc:Country)${where(country('vt', 'vc'))} }`;
  const actor = actorOnlyConditions(filter, params);
  if (filter.sectorIds?.length) actor.push(sectorLink);
  if (filter.countryCodes?.length) actor.push(countryLink);
  if (!filter.sectorIds?.length && !filter.countryCodes?.length)
    actor.push(`(${sectorLink} OR ${countryLink})`);
  return { actor, sector: sector('t', 's'), country: country('t', 'c') };
}

/** The Cypher branches the basis asks for, as one UNION (each branch returns the same columns). */
export function unionByBasis(
  basis: AnalysisBasis,
  fromIncidents: string,
  fromVictimology: string,
): string {
  return [
    countsIncidents(basis) ? fromIncidents : null,
    countsVictimology(basis) ? fromVictimology : null,
  ]
    .filter((branch) => branch !== null)
    .join('\n  UNION\n  ');
}

/* ---- The same reading as Cypher fragments, each carrying its own parameters. ---- */

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

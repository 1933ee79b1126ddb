import type { IncidentConditions } from './incident-filter.js';

/**
 * Which links an analysis is made of: those drawn from incidents, from reported victimology
 * (`(Actor)-[:TARGETS]->(Sector|Country)` edges, from sources that name no incidents), or both.
 */
export type AnalysisBasis = 'INCIDENTS' | 'REPORTED_VICTIMOLOGY' | 'BOTH';

export const countsIncidents = (basis: AnalysisBasis): boolean => basis !== 'REPORTED_VICTIMOLOGY';
export const countsVictimology = (basis: AnalysisBasis): boolean => basis !== 'INCIDENTS';

/** Conditions only an incident can meet: reported victimology has no date, type, text or claim. */
export const incidentOnlyConditions = [
  'from',
  'to',
  'attackTypes',
  'search',
  'attributionStatuses',
  'crossBorder',
] as const satisfies readonly (keyof IncidentConditions)[];

export interface VictimologyMatch {
  /** Conditions on the actor `a` (who it is, where from, what its reported targets include). */
  actor: string[];
  /** Conditions on a reported sector link `t` to `s`. */
  sector: string[];
  /** Conditions on a reported country link `t` to `c`. */
  country: string[];
}

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
  const link: string[] = [];
  if (typeof filter.minConfidence === 'number') {
    link.push('coalesce(t.confidence, 0) >= $f_minConfidence');
    params.f_minConfidence = filter.minConfidence;
  }
  const sector = [...link];
  const country = [...link];
  if (filter.sectorIds?.length) {
    sector.push('s.id IN $f_sectorIds');
    params.f_sectorIds = filter.sectorIds;
  }
  if (filter.countryCodes?.length) {
    country.push('c.iso2 IN $f_countryCodes');
    params.f_countryCodes = filter.countryCodes;
  }
  const actor: string[] = [];
  if (filter.actorIds?.length) {
    actor.push('a.id IN $f_actorIds');
    params.f_actorIds = filter.actorIds;
  }
  if (filter.originCountryCodes?.length) {
    actor.push(
      'EXISTS { (a)-[:ORIGINATES_FROM]->(o:Country) WHERE o.iso2 IN $f_originCountryCodes }',
    );
    params.f_originCountryCodes = filter.originCountryCodes;
  }
  const where = (conditions: string[]) =>
    conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  if (filter.sectorIds?.length)
    actor.push(`EXISTS { (a)-[t:TARGETS]->(s:Sector)${where(sector)} }`);
  if (filter.countryCodes?.length)
    actor.push(`EXISTS { (a)-[t:TARGETS]->(c:Country)${where(country)} }`);
  return { actor, sector, country };
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

import { topLevelSector } from '../repositories/sector-rollup.js';
import { cypher, type Executor } from '../db/database.js';
import { attributedIncidentTargets } from './attributed-targets.js';
import { whereClause, type IncidentConditions } from '../repositories/incident-filter.js';
import {
  unionByBasis,
  victimologyMatch,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';

export type CoTargetingBasis = 'SECTOR' | 'COUNTRY' | 'BOTH';

export interface CoTargetingRow {
  actorId: string;
  score: number;
  sharedSectorIds: string[];
  sharedCountryCodes: string[];
}

/**
 * Targeting similarity: each actor's targeting is the set of top-level sectors and/or affected
 * countries of the incidents attributed to it (under the filter) and/or named by its reported
 * victimology, by `basis`; the score is the Jaccard index
 * |A ∩ B| / |A ∪ B| of the two sets (BOTH: sectors and countries together as one set). 1 means the
 * same targets, 0 nothing in common; actors with nothing in common are left out.
 */
export function coTargetingCypher(
  filter: IncidentConditions,
  by: CoTargetingBasis,
  basis: AnalysisBasis,
) {
  const { text: attributed, params } = attributedIncidentTargets(filter);
  const reported = victimologyMatch(filter, params);
  params.kinds = by === 'BOTH' ? ['sector', 'country'] : [by.toLowerCase()];
  const fromIncidents = `${attributed}
  UNWIND [x IN sectors | {kind: 'sector', key: x.id}] + [x IN countries | {kind: 'country', key: x.iso2}] AS feature
  WITH a, feature WHERE feature.kind IN $kinds
  RETURN a, feature`;
  const fromVictimology = `MATCH (a:Actor)-[t:TARGETS]->(s:Sector) ${whereClause([...reported.actor, ...reported.sector])}
  WITH a, {kind: 'sector', key: ${topLevelSector('s')}.id} AS feature WHERE feature.kind IN $kinds
  RETURN a, feature
  UNION
  MATCH (a:Actor)-[t:TARGETS]->(c:Country) ${whereClause([...reported.actor, ...reported.country])}
  WITH a, {kind: 'country', key: c.iso2} AS feature WHERE feature.kind IN $kinds
  RETURN a, feature`;
  const text = `CALL () {
  ${unionByBasis(basis, fromIncidents, fromVictimology)}
}
WITH a, collect(DISTINCT feature) AS features
WITH collect({id: a.id, features: features}) AS actors
WITH actors, [x IN actors WHERE x.id = $actorId][0] AS me
UNWIND actors AS other
WITH me, other WHERE me IS NOT NULL AND other.id <> me.id
WITH me, other, [f IN me.features WHERE f IN other.features] AS shared
WHERE size(shared) > 0
WITH other.id AS actorId, shared,
     toFloat(size(shared)) / (size(me.features) + size(other.features) - size(shared)) AS score
RETURN actorId, score,
       [f IN shared WHERE f.kind = 'sector' | f.key] AS sharedSectorIds,
       [f IN shared WHERE f.kind = 'country' | f.key] AS sharedCountryCodes
ORDER BY score DESC, size(shared) DESC, actorId
LIMIT toInteger($limit)`;
  return { text, params };
}

export async function coTargeting(
  executor: Executor,
  actorId: string,
  filter: IncidentConditions,
  by: CoTargetingBasis,
  basis: AnalysisBasis,
  first: number,
): Promise<CoTargetingRow[]> {
  const { text, params } = coTargetingCypher(filter, by, basis);
  return executor.read(cypher<CoTargetingRow>('analysis:coTargeting', text), {
    ...params,
    actorId,
    limit: first,
  });
}

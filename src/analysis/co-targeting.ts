import { fragment, param, statement, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import {
  unionOfBasis,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { attributedIncidentTargets } from './attributed-targets.js';
import { reportedCountryLinks, reportedSectorLinks } from './reported-links.js';
import { topLevelSector } from '../repositories/sector-rollup.js';

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
function coTargetingStatement(
  actorId: string,
  filter: IncidentConditions,
  by: CoTargetingBasis,
  basis: AnalysisBasis,
  first: number,
): Statement<CoTargetingRow> {
  const reported = victimologyConditionsOf(filter);
  const kinds = param(by === 'BOTH' ? ['sector', 'country'] : [by.toLowerCase()], 'kinds');
  const fromIncidents = fragment`${attributedIncidentTargets(filter)}
  UNWIND [x IN sectors | {kind: 'sector', key: x.id}] + [x IN countries | {kind: 'country', key: x.iso2}] AS feature
  WITH a, feature WHERE feature.kind IN ${kinds}
  RETURN a, feature`;
  const fromVictimology = fragment`${reportedSectorLinks(reported)}
  WITH a, {kind: 'sector', key: ${topLevelSector(fragment`s`)}.id} AS feature WHERE feature.kind IN ${kinds}
  RETURN a, feature
  UNION
  ${reportedCountryLinks(reported)}
  WITH a, {kind: 'country', key: c.iso2} AS feature WHERE feature.kind IN ${kinds}
  RETURN a, feature`;
  return statement(
    'analysis:coTargeting',
    fragment`CALL () {
  ${unionOfBasis(basis, fromIncidents, fromVictimology)}
}
WITH a, collect(DISTINCT feature) AS features
WITH collect({id: a.id, features: features}) AS actors
WITH actors, [x IN actors WHERE x.id = ${param(actorId, 'actorId')}][0] AS me
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
LIMIT toInteger(${param(first, 'limit')})`,
  );
}

export async function coTargeting(
  executor: Executor,
  actorId: string,
  filter: IncidentConditions,
  by: CoTargetingBasis,
  basis: AnalysisBasis,
  first: number,
): Promise<CoTargetingRow[]> {
  const built = coTargetingStatement(actorId, filter, by, basis, first);
  return executor.read(built.query, built.params);
}

import { cypher } from '../db/database.js';
import { CREATE_CHANGE } from './change-repository.js';
import type { AttributionRow } from './rows.js';

/**
 * A claim's id: imports give every claim a stable one; a claim written before they did is known by
 * its element id until it is next imported.
 */
export const claimKey = (r: string) => `coalesce(${r}.id, elementId(${r}))`;

const claimRow = (r: string, a: string) =>
  `${r} {.*, id: ${claimKey(r)}, actorId: ${a}.id, sourceIds: coalesce(${r}.sourceIds, [])}`;

export interface ClaimForEdit {
  incidentId: string;
  claim: AttributionRow & Record<string, unknown>;
}

export const CLAIM_FOR_EDIT = cypher<ClaimForEdit>(
  'claimForEdit',
  `MATCH (i:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE ${claimKey('r')} = $id
   RETURN i.id AS incidentId, ${claimRow('r', 'a')} AS claim`,
);

export const ADD_CLAIM = cypher<{ claim: AttributionRow }>(
  'addAttribution',
  `MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
   CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $props
   WITH r, a
   ${CREATE_CHANGE}
   RETURN ${claimRow('r', 'a')} AS claim`,
);

/** Replaces the claim's properties only if nobody changed it since `$version` was read. */
export const UPDATE_CLAIM = cypher<{ claim: AttributionRow }>(
  'updateAttribution',
  `MATCH (:Incident)-[r:ATTRIBUTED_TO]->(a:Actor)
   WHERE ${claimKey('r')} = $id AND coalesce(r.version, 0) = $version
   SET r = $props
   WITH r, a
   ${CREATE_CHANGE}
   RETURN ${claimRow('r', 'a')} AS claim`,
);

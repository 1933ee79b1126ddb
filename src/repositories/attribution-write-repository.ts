import { cypher } from '../db/database.js';
import { CREATE_CHANGE } from './change-repository.js';
import { lockIfStillThere } from './write-lock.js';
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

/**
 * A claim is written only under its incident's lock (adding, editing, deleting the incident,
 * moving it in a merge), so the claim is read again once that lock is held: what the edit then
 * compares and changes is what is stored.
 */
export const LOCK_CLAIM_FOR_EDIT = cypher<ClaimForEdit>(
  'lockClaimForEdit',
  `MATCH (found:Incident)-[r:ATTRIBUTED_TO]->(:Actor) WHERE ${claimKey('r')} = $id
   WITH found AS i, found.id AS incidentId LIMIT 1
   ${lockIfStillThere('i', 'incidentId')}
   MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE ${claimKey('r')} = $id
   RETURN incidentId, ${claimRow('r', 'a')} AS claim`,
);

export const ADD_CLAIM = cypher<{ claim: AttributionRow }>(
  'addAttribution',
  `MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
   CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $props
   WITH r, a
   ${CREATE_CHANGE}
   RETURN ${claimRow('r', 'a')} AS claim`,
);

/** Replaces the claim's properties; the caller holds the incident's lock and compared the version. */
export const UPDATE_CLAIM = cypher<{ claim: AttributionRow }>(
  'updateAttribution',
  `MATCH (:Incident {id: $incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE ${claimKey('r')} = $id
   SET r = $props
   WITH r, a
   ${CREATE_CHANGE}
   RETURN ${claimRow('r', 'a')} AS claim`,
);

import { cypher } from '../db/database.js';
import { CREATE_CHANGE } from './change-repository.js';
import { lockIfStillThere } from './write-lock.js';
import type { ActorRow } from './rows.js';

/** A claim that an actor is tied to a state, as stored on its edge. */
export interface StoredStateClaim {
  country: string;
  confidence: number | null;
  sourceIds: string[];
}

export type StateTie = 'ORIGINATES_FROM' | 'SPONSORED_BY';

/** Takes the actor's write lock, then reads it and its claims of one tie. */
export const LOCK_STATE_CLAIMS_FOR_EDIT = cypher<{
  props: ActorRow;
  claims: StoredStateClaim[];
}>(
  'lockStateClaimsForEdit',
  `MATCH (a:Actor {id: $id})
   ${lockIfStillThere('a', '$id')}
   RETURN properties(a) AS props,
          COLLECT { MATCH (a)-[r]->(c:Country) WHERE type(r) = $tie
                    RETURN {country: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}
                    ORDER BY c.iso2 } AS claims`,
);

/** Replaces every claim of one tie (origin or sponsor) with `$claims`; the caller holds the lock. */
const replace = (tie: StateTie) =>
  cypher<{ actor: ActorRow }>(
    `replace:${tie}`,
    `MATCH (a:Actor {id: $id})
   SET a.version = $version + 1
   WITH a
   CALL (a) { MATCH (a)-[r:${tie}]->(:Country) DELETE r }
   CALL (a) {
     UNWIND $claims AS claim
     MATCH (c:Country {iso2: claim.country})
     CREATE (a)-[r:${tie}]->(c) SET r.confidence = claim.confidence, r.sourceIds = claim.sourceIds
   }
   WITH a
   ${CREATE_CHANGE}
   RETURN a {.*} AS actor`,
  );

export const REPLACE_STATE_CLAIMS: Record<StateTie, ReturnType<typeof replace>> = {
  ORIGINATES_FROM: replace('ORIGINATES_FROM'),
  SPONSORED_BY: replace('SPONSORED_BY'),
};

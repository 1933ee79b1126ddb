import { cypher } from '../db/database.js';
import { CREATE_CHANGE } from './change-repository.js';
import type { ActorRow } from './rows.js';

/** An actor as an edit sees it: its properties (version included) and what still names it. */
export interface ActorForEdit {
  props: ActorRow & { version?: number | null };
  attributions: number;
}

export const ACTOR_FOR_EDIT = cypher<ActorForEdit>(
  'actorForEdit',
  `MATCH (a:Actor {id: $id})
   RETURN properties(a) AS props, COUNT { (:Incident)-[:ATTRIBUTED_TO]->(a) } AS attributions`,
);

/** Creates the actor unless the key is taken (then no row: the caller says CONFLICT). */
export const CREATE_ACTOR = cypher<{ actor: ActorRow }>(
  'createActor',
  `OPTIONAL MATCH (taken:Actor {id: $props.id})
   WITH taken WHERE taken IS NULL
   CREATE (a:Actor) SET a = $props
   WITH a
   ${CREATE_CHANGE}
   RETURN a {.*} AS actor`,
);

/** Replaces the properties only if nobody changed the actor since `$version` was read. */
export const UPDATE_ACTOR = cypher<{ actor: ActorRow }>(
  'updateActor',
  `MATCH (a:Actor {id: $id}) WHERE coalesce(a.version, 0) = $version
   SET a = $props
   WITH a
   ${CREATE_CHANGE}
   RETURN a {.*} AS actor`,
);

/** Deletes the actor (and its origin, sponsor, affiliation and victimology edges) if unchanged and unnamed by any claim. */
export const DELETE_ACTOR = cypher<{ id: string }>(
  'deleteActor',
  `MATCH (a:Actor {id: $id}) WHERE coalesce(a.version, 0) = $version
     AND NOT EXISTS { (:Incident)-[:ATTRIBUTED_TO]->(a) }
   DETACH DELETE a
   WITH 1 AS done
   ${CREATE_CHANGE}
   RETURN ch.id AS id`,
);

import { cypher } from '../db/database.js';
import type { ActorRow } from './rows.js';
import { createUnlessTaken, lock } from './write-lock.js';

/**
 * Merging actor `s` into `t`, in one statement: every edge of `s` moves to `t` marked
 * `mergedFrom` (so an undo knows exactly which to move back), `s`'s name, aliases and external ids
 * join `t`'s, and `s` becomes a `(:MergedActor)` tombstone pointing at `t`, so its id keeps
 * resolving. Tombstones that pointed at `s` now point at `t`. Relationship types come from this
 * fixed text, one block per type, as Cypher takes no parameter for them.
 */
const dedupe = (list: string) =>
  `reduce(acc = [], x IN ${list} | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;

const moveOut = (type: string, from: string, to: string, mark: string) =>
  `CALL (${from}, ${to}) {
     MATCH (${from})-[r:${type}]->(x) WHERE x <> ${to} ${mark === 'REMOVE' ? 'AND r.mergedFrom = $sourceId' : ''}
     CREATE (${to})-[moved:${type}]->(x) SET moved = properties(r) ${mark === 'REMOVE' ? 'REMOVE moved.mergedFrom' : 'SET moved.mergedFrom = $sourceId'}
     DELETE r
   }`;
const moveIn = (type: string, from: string, to: string, mark: string) =>
  `CALL (${from}, ${to}) {
     MATCH (x)-[r:${type}]->(${from}) WHERE x <> ${to} ${mark === 'REMOVE' ? 'AND r.mergedFrom = $sourceId' : ''}
     CREATE (x)-[moved:${type}]->(${to}) SET moved = properties(r) ${mark === 'REMOVE' ? 'REMOVE moved.mergedFrom' : 'SET moved.mergedFrom = $sourceId'}
     DELETE r
   }`;
const moveAll = (from: string, to: string, mark: 'SET' | 'REMOVE') =>
  [
    moveIn('ATTRIBUTED_TO', from, to, mark),
    moveIn('SUGGESTS', from, to, mark),
    moveOut('ORIGINATES_FROM', from, to, mark),
    moveOut('SPONSORED_BY', from, to, mark),
    moveOut('TARGETS', from, to, mark),
    moveOut('AFFILIATED_WITH', from, to, mark),
    moveIn('AFFILIATED_WITH', from, to, mark),
    moveOut('FROM_DATASET', from, to, mark),
  ].join('\n   ');

export interface MergeSnapshot {
  source: ActorRow & Record<string, unknown>;
  target: ActorRow & Record<string, unknown>;
  /** Affiliations between the two, which a merge cannot keep (they would point at itself). */
  between: { outgoing: boolean; props: Record<string, unknown> }[];
  /** Tombstones of earlier merges into the source, now pointing at the target. */
  repointed: string[];
}

/**
 * Locks the incidents and hypotheses whose edges to `actor` a merge or an undo moves (those
 * marked `mergedFrom` when `marked`), in key order: claims and hypotheses are edited under those
 * locks, so none is moved while it is being edited.
 */
const lockMovingEnds = (actor: string, marked: boolean) =>
  `CALL (${actor}) {
     MATCH (x)-[r:ATTRIBUTED_TO|SUGGESTS]->(${actor}) ${marked ? 'WHERE r.mergedFrom = $sourceId' : ''}
     WITH DISTINCT x ORDER BY x.id
     ${lock('x')}
   }`;

/**
 * The snapshot, read once both actors' locks are held (the caller takes them), with `source` or
 * `target` null when that actor does not exist, and then the actor it was merged into, if any.
 */
export const LOCK_MERGE_SNAPSHOT = cypher<
  Omit<MergeSnapshot, 'source' | 'target'> & {
    source: MergeSnapshot['source'] | null;
    target: MergeSnapshot['target'] | null;
    sourceMergedInto: string | null;
    targetMergedInto: string | null;
  }
>(
  'lockMergeSnapshot',
  `OPTIONAL MATCH (s:Actor {id: $sourceId})
   OPTIONAL MATCH (t:Actor {id: $targetId})
   ${lockMovingEnds('s', false)}
   RETURN properties(s) AS source, properties(t) AS target,
          COLLECT { MATCH (s)-[r:AFFILIATED_WITH]-(t) RETURN {outgoing: startNode(r) = s, props: properties(r)} } AS between,
          COLLECT { MATCH (m:MergedActor)-[:MERGED_INTO]->(s) RETURN m.id } AS repointed,
          COLLECT { MATCH (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS sourceMergedInto,
          COLLECT { MATCH (:MergedActor {id: $targetId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS targetMergedInto`,
);

/** Moves everything; the caller holds the locks and has compared both versions. */
export const MERGE_ACTORS = cypher<{ target: ActorRow }>(
  'mergeActors',
  `MATCH (s:Actor {id: $sourceId}), (t:Actor {id: $targetId})
   ${moveAll('s', 't', 'SET')}
   CALL (s, t) {
     MATCH (m:MergedActor)-[e:MERGED_INTO]->(s) CREATE (m)-[:MERGED_INTO]->(t) DELETE e
   }
   SET t.aliases = ${dedupe('coalesce(t.aliases, []) + [s.name] + coalesce(s.aliases, [])')},
       t.externalIds = ${dedupe('coalesce(t.externalIds, []) + coalesce(s.externalIds, [])')},
       t.mergedIds = coalesce(t.mergedIds, []) + s.id,
       t.version = $targetVersion + 1
   WITH s, t
   DETACH DELETE s
   CREATE (:MergedActor {id: $sourceId, mergedAt: datetime.realtime()})-[:MERGED_INTO]->(t)
   WITH t
   CREATE (:Change {id: $changeId, at: datetime.realtime(), by: $change.by, via: $change.via,
     action: 'MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
   CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
     action: 'MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
   RETURN t {.*} AS target`,
);

/** The merge a change id records, if it is one. */
export const MERGE_CHANGE = cypher<{ action: string; before: string; after: string }>(
  'mergeChange',
  `MATCH (ch:Change {id: $changeId}) RETURN ch.action AS action, ch.before AS before, ch.after AS after`,
);

/**
 * What an undo needs to hold, read once the target's lock is held (the caller takes it): the
 * target's version (null if it is gone) and whether the merge's tombstone still points at it.
 * Locks what the undo moves back.
 */
export const LOCK_UNDO_STATE = cypher<{
  targetVersion: number | null;
  tombstone: boolean;
}>(
  'lockUndoState',
  `OPTIONAL MATCH (t:Actor {id: $targetId})
   ${lockMovingEnds('t', true)}
   RETURN CASE WHEN t IS NULL THEN null ELSE coalesce(t.version, 0) END AS targetVersion,
          EXISTS { (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t) } AS tombstone`,
);

/**
 * Moves back what the merge moved; the caller holds the locks and has checked the state. No row
 * if the source's id has been taken by a new actor since.
 */
export const UNDO_MERGE = cypher<{ source: ActorRow }>(
  'undoMerge',
  `MATCH (m:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t:Actor {id: $targetId})
   ${createUnlessTaken('s', 'Actor', '$sourceId')}
   SET s = $sourceProps, s.version = coalesce($sourceProps.version, 0) + 1
   WITH s, t, m
   ${moveAll('t', 's', 'REMOVE')}
   CALL (s, t) {
     UNWIND $between AS tie
     FOREACH (_ IN CASE WHEN tie.outgoing THEN [1] ELSE [] END | CREATE (s)-[r:AFFILIATED_WITH]->(t) SET r = tie.props)
     FOREACH (_ IN CASE WHEN tie.outgoing THEN [] ELSE [1] END | CREATE (t)-[r:AFFILIATED_WITH]->(s) SET r = tie.props)
   }
   CALL (s, t) {
     MATCH (x:MergedActor)-[e:MERGED_INTO]->(t) WHERE x.id IN $repointed
     CREATE (x)-[:MERGED_INTO]->(s) DELETE e
   }
   SET t.aliases = $targetProps.aliases, t.externalIds = $targetProps.externalIds,
       t.mergedIds = $targetProps.mergedIds, t.version = $targetVersion + 1
   DETACH DELETE m
   WITH s
   CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
     action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
   CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
     action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
   RETURN s {.*} AS source`,
);

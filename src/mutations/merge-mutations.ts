import { randomUUID } from 'node:crypto';
import { requireRole } from '../auth/authorize.js';
import type { MutationContext } from './mutation-context.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import {
  LOCK_MERGE_SNAPSHOT,
  LOCK_UNDO_STATE,
  MERGE_ACTORS,
  MERGE_CHANGE,
  UNDO_MERGE,
  type MergeSnapshot,
} from '../repositories/merge-repository.js';
import { changeParams } from '../repositories/change-repository.js';
import { lockReferences } from '../repositories/reference-repository.js';
import type { ActorRow } from '../repositories/rows.js';
import { refreshTargetProfiles } from '../repositories/target-profile-repository.js';
import { changedMeanwhile, conflictUnlessVersion, versionOf } from './versions.js';

export interface MergeResult {
  target: ActorRow;
  changeId: string;
}

/**
 * One actor turns out to be another: the source's claims, state ties, victimology, affiliations,
 * name, aliases and external ids move to the target, and the source id keeps resolving to the
 * target. The audit record keeps everything an undo needs. Needs `admin`.
 */
export async function mergeActors(
  { viewer, executor }: MutationContext,
  sourceId: string,
  sourceVersion: number,
  targetId: string,
  targetVersion: number,
): Promise<MergeResult> {
  requireRole(viewer, 'admin', 'mergeActors');
  if (sourceId === targetId)
    throw appError(ErrorCode.BAD_USER_INPUT, 'An actor cannot be merged into itself.', {
      argument: 'targetId',
    });
  const changeId = randomUUID();
  return executor.writeTransaction('mergeActors', async (tx) => {
    await lockReferences(tx, { actors: [sourceId, targetId] });
    const [found] = await tx.run(LOCK_MERGE_SNAPSHOT, { sourceId, targetId });
    if (!found?.source) throw missingActor(sourceId, 'sourceId', found?.sourceMergedInto);
    if (!found.target) throw missingActor(targetId, 'targetId', found.targetMergedInto);
    const snapshot: MergeSnapshot = {
      source: found.source,
      target: found.target,
      between: found.between,
      repointed: found.repointed,
    };
    conflictUnlessVersion('Actor', sourceId, sourceVersion, versionOf(snapshot.source));
    conflictUnlessVersion('Actor', targetId, targetVersion, versionOf(snapshot.target));
    const [row] = await tx.run(MERGE_ACTORS, {
      sourceId,
      targetId,
      targetVersion,
      changeId,
      ...changeParams(viewer, 'MERGE', 'Actor', targetId, snapshot, {
        targetVersion: targetVersion + 1,
      }),
    });
    if (!row) throw changedMeanwhile('Actor', `${sourceId}" or "${targetId}`);
    await refreshTargetProfiles(tx, { actorIds: [sourceId, targetId] });
    return { target: row.target, changeId };
  });
}

/**
 * An actor that is not there: CONFLICT if it was merged into another (which a concurrent merge
 * may just have done), so the client can merge into that one; otherwise NOT_FOUND.
 */
function missingActor(key: string, argument: string, mergedInto: string | null | undefined) {
  if (!mergedInto) return notFound('Actor', key, argument);
  return appError(
    ErrorCode.CONFLICT,
    `Actor "${key}" has been merged into "${mergedInto}": read "${mergedInto}" and merge with it instead.`,
    { argument, mergedInto },
  );
}

/**
 * Undoes a merge from its audit record: the source actor comes back with its own properties and
 * exactly the edges that moved, and the target gets back its aliases and external ids. Refused if
 * the target changed since (the undo would lose that edit) or the merge was undone already.
 */
export async function undoMerge(
  { viewer, executor }: MutationContext,
  changeId: string,
): Promise<ActorRow> {
  requireRole(viewer, 'admin', 'undoMerge');
  const [change] = await executor.read(MERGE_CHANGE, { changeId });
  if (!change || change.action !== 'MERGE')
    throw appError(ErrorCode.NOT_FOUND, `No merge is recorded under the change id "${changeId}".`, {
      argument: 'changeId',
    });
  const snapshot = JSON.parse(change.before) as MergeSnapshot;
  const { targetVersion } = JSON.parse(change.after) as { targetVersion: number };
  const sourceId = snapshot.source.id;
  const targetId = snapshot.target.id;
  const cannotUndo = () =>
    appError(
      ErrorCode.CONFLICT,
      `The merge of "${sourceId}" into "${targetId}" cannot be undone: it was undone already, "${targetId}" changed since (version ${targetVersion} is gone), or a new actor has taken the key "${sourceId}".`,
    );
  return executor.writeTransaction('undoMerge', async (tx) => {
    await lockReferences(tx, { actors: [targetId] });
    const [state] = await tx.run(LOCK_UNDO_STATE, { sourceId, targetId });
    if (!state?.tombstone || state.targetVersion !== targetVersion) throw cannotUndo();
    const [row] = await tx.run(UNDO_MERGE, {
      sourceId,
      targetId,
      targetVersion,
      sourceProps: snapshot.source,
      targetProps: {
        aliases: snapshot.target.aliases ?? null,
        externalIds: snapshot.target.externalIds ?? null,
        mergedIds: (snapshot.target as { mergedIds?: string[] }).mergedIds ?? null,
      },
      between: snapshot.between,
      repointed: snapshot.repointed,
      ...changeParams(
        viewer,
        'UNDO_MERGE',
        'Actor',
        sourceId,
        { mergeChangeId: changeId },
        snapshot,
      ),
    });
    if (!row) throw cannotUndo();
    await refreshTargetProfiles(tx, { actorIds: [sourceId, targetId] });
    return row.source;
  });
}

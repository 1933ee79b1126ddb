import { randomUUID } from 'node:crypto';
import { requireRole } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import {
  MERGE_ACTORS,
  MERGE_CHANGE,
  MERGE_SNAPSHOT,
  UNDO_MERGE,
  type MergeSnapshot,
} from '../repositories/merge-repository.js';
import { changeParams } from '../repositories/change-repository.js';
import type { ActorRow } from '../repositories/rows.js';
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
  { viewer, executor }: Context,
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
  const [found] = await executor.read(MERGE_SNAPSHOT, { sourceId, targetId });
  if (!found?.source) throw notFound('Actor', sourceId, 'sourceId');
  if (!found.target) throw notFound('Actor', targetId, 'targetId');
  const snapshot: MergeSnapshot = { ...found, source: found.source, target: found.target };
  conflictUnlessVersion('Actor', sourceId, sourceVersion, versionOf(snapshot.source));
  conflictUnlessVersion('Actor', targetId, targetVersion, versionOf(snapshot.target));
  const changeId = randomUUID();
  const [row] = await executor.write(MERGE_ACTORS, {
    sourceId,
    targetId,
    sourceVersion,
    targetVersion,
    changeId,
    ...changeParams(viewer, 'MERGE', 'Actor', targetId, snapshot, {
      targetVersion: targetVersion + 1,
    }),
  });
  if (!row) throw changedMeanwhile('Actor', `${sourceId}" or "${targetId}`);
  return { target: row.target, changeId };
}

/**
 * Undoes a merge from its audit record: the source actor comes back with its own properties and
 * exactly the edges that moved, and the target gets back its aliases and external ids. Refused if
 * the target changed since (the undo would lose that edit) or the merge was undone already.
 */
export async function undoMerge(
  { viewer, executor }: Context,
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
  const [row] = await executor.write(UNDO_MERGE, {
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
    ...changeParams(viewer, 'UNDO_MERGE', 'Actor', sourceId, { mergeChangeId: changeId }, snapshot),
  });
  if (!row)
    throw appError(
      ErrorCode.CONFLICT,
      `The merge of "${sourceId}" into "${targetId}" cannot be undone: it was undone already, or "${targetId}" changed since (version ${targetVersion} is gone).`,
    );
  return row.source;
}

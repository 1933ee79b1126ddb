import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireRole } from '../auth/authorize.js';
import type { MutationContext } from './mutation-context.js';
import type { Transaction } from '../db/database.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import { attributionSchema } from '../import/native/format.js';
import {
  ADD_CLAIM,
  LOCK_CLAIM_FOR_EDIT,
  UPDATE_CLAIM,
} from '../repositories/attribution-write-repository.js';
import { changeParams } from '../repositories/change-repository.js';
import { lockReferences } from '../repositories/reference-repository.js';
import type { AttributionRow } from '../repositories/rows.js';
import { refreshTargetProfiles } from '../repositories/target-profile-repository.js';
import { invalid, missingReferences, validated } from './validation.js';
import { changedMeanwhile, conflictUnlessVersion, versionOf } from './versions.js';

/** A claim's own values, validated as the native dataset format validates them. */
const claimFields = attributionSchema.pick({
  confidence: true,
  basis: true,
  status: true,
  claimedBy: true,
  assessedAt: true,
});
const sourceIds = z.array(z.string().min(1)).min(1, 'cite at least one source');
const addSchema = claimFields
  .extend({ sourceIds })
  .refine((claim) => claim.status !== 'RETRACTED', {
    path: ['status'],
    message: 'a new claim cannot start retracted; use retractAttribution on an existing one',
  });
const patchSchema = claimFields
  .omit({ status: true })
  .extend({ status: claimFields.shape.status.exclude(['RETRACTED']), sourceIds })
  .partial();

/** A new claim; the incident, the actor and the sources by key. */
export interface AddAttributionArgs {
  incidentId: string;
  actorId: string;
  confidence: number;
  basis: string;
  status: string;
  claimedBy?: string | null;
  assessedAt?: string | null;
  sourceIds: string[];
}

/**
 * Every claim cites sources that exist; the whole list of missing ones is named at once. The
 * incident, actor and sources stay locked until the claim is written, so a deletion of any of them
 * either waits for the claim and sees it, or has happened and the claim is refused.
 */
async function lockTargets(
  tx: Transaction,
  incidentId: string,
  actorId: string,
  sources: string[],
): Promise<void> {
  const found = await lockReferences(tx, {
    incidents: [incidentId],
    actors: [actorId],
    sources,
  });
  if (!found.has('incidents', incidentId)) throw notFound('Incident', incidentId, 'incidentId');
  if (!found.has('actors', actorId)) throw notFound('Actor', actorId, 'actorId');
  const problems = missingReferences(found, 'sources', sources, () => 'sourceIds');
  if (problems.length > 0) throw invalid(problems);
}

export async function addAttribution(
  context: MutationContext,
  args: AddAttributionArgs,
): Promise<AttributionRow> {
  requireRole(context.viewer, 'editor', 'addAttribution');
  const { incidentId, actorId } = args;
  const { sourceIds: sources, ...claim } = validated(
    addSchema,
    {
      confidence: args.confidence,
      basis: args.basis,
      status: args.status,
      claimedBy: args.claimedBy,
      assessedAt: args.assessedAt,
      sourceIds: args.sourceIds,
    },
    'attribution',
  );
  const props = {
    id: `claim-${randomUUID()}`,
    ...claim,
    claimedBy: claim.claimedBy ?? null,
    assessedAt: claim.assessedAt ?? null,
    sourceIds: sources,
    version: 1,
  };
  return context.executor.writeTransaction('addAttribution', async (tx) => {
    await lockTargets(tx, incidentId, actorId, sources);
    const [row] = await tx.run(ADD_CLAIM, {
      incidentId,
      actorId,
      props,
      ...changeParams(context.viewer, 'ADD_ATTRIBUTION', 'Incident', incidentId, null, {
        actorId,
        ...props,
      }),
    });
    if (!row) throw changedMeanwhile('Incident', incidentId);
    await refreshTargetProfiles(tx, { actorIds: [actorId], incidentIds: [incidentId] });
    return row.claim;
  });
}

/**
 * A retraction is final: a RETRACTED claim is kept for the record and refused any later edit
 * (CONFLICT), whichever of a retraction and an update racing it won the lock.
 */
async function editClaim(
  context: MutationContext,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  action: 'UPDATE_ATTRIBUTION' | 'RETRACT_ATTRIBUTION',
): Promise<AttributionRow> {
  const name = action === 'RETRACT_ATTRIBUTION' ? 'retractAttribution' : 'updateAttribution';
  return context.executor.writeTransaction(name, async (tx) => {
    const [current] = await tx.run(LOCK_CLAIM_FOR_EDIT, { id });
    if (!current) throw notFound('attribution claim', id, 'id');
    conflictUnlessVersion('Attribution claim', id, version, versionOf(current.claim));
    if (current.claim.status === 'RETRACTED')
      throw appError(
        ErrorCode.CONFLICT,
        `Attribution claim "${id}" is retracted: it is kept for the record and no longer edited. Add a new claim instead.`,
      );
    if (Array.isArray(changes.sourceIds))
      await lockTargets(
        tx,
        current.incidentId,
        current.claim.actorId,
        changes.sourceIds as string[],
      );
    const { actorId, ...stored } = current.claim;
    const props = { ...stored, ...changes, version: version + 1 };
    const [row] = await tx.run(UPDATE_CLAIM, {
      id,
      incidentId: current.incidentId,
      props,
      ...changeParams(
        context.viewer,
        action,
        'Incident',
        current.incidentId,
        { actorId, ...stored },
        { actorId, ...props },
      ),
    });
    if (!row) throw changedMeanwhile('Attribution claim', id);
    await refreshTargetProfiles(tx, { actorIds: [actorId], incidentIds: [current.incidentId] });
    return row.claim;
  });
}

export async function updateAttribution(
  context: MutationContext,
  id: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<AttributionRow> {
  requireRole(context.viewer, 'editor', 'updateAttribution');
  const changes = validated(patchSchema, patch, 'patch');
  return editClaim(context, id, version, changes, 'UPDATE_ATTRIBUTION');
}

/** A retracted claim keeps its place in the record, marked RETRACTED; it is never deleted. */
export async function retractAttribution(
  context: MutationContext,
  id: string,
  version: number,
): Promise<AttributionRow> {
  requireRole(context.viewer, 'editor', 'retractAttribution');
  return editClaim(context, id, version, { status: 'RETRACTED' }, 'RETRACT_ATTRIBUTION');
}

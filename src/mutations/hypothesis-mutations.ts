import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { suggestAttributions } from '../analysis/attribution.js';
import { requireRole } from '../auth/authorize.js';
import type { MutationContext } from './mutation-context.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import { changeParams } from '../repositories/change-repository.js';
import type { Transaction } from '../db/database.js';
import { lockReferences } from '../repositories/reference-repository.js';
import { refreshTargetProfiles } from '../repositories/target-profile-repository.js';
import {
  CREATE_HYPOTHESIS,
  LOCK_HYPOTHESIS,
  PROMOTE_HYPOTHESIS,
  UPDATE_HYPOTHESIS,
  type HypothesisRow,
} from '../repositories/hypothesis-repository.js';
import { invalid, missingReferences, validated } from './validation.js';
import { changedMeanwhile, conflictUnlessVersion } from './versions.js';

const fields = z.strictObject({
  rationale: z.string().trim().min(1).max(10_000),
  confidence: z.number().int().min(0).max(100),
  status: z.enum(['OPEN', 'SUPPORTED', 'REFUTED']),
});
const SAVED_CANDIDATES = 20;

export async function createHypothesis(
  context: MutationContext,
  input: {
    incidentId: string;
    actorId: string;
    rationale: string;
    confidence: number;
    status?: string | null;
  },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'createHypothesis');
  const { incidentId, actorId } = input;
  const values = validated(
    fields,
    { rationale: input.rationale, confidence: input.confidence, status: input.status ?? 'OPEN' },
    'input',
  );
  const id = `hyp-${randomUUID()}`;
  return context.executor.writeTransaction('createHypothesis', async (tx) => {
    const found = await lockReferences(tx, { incidents: [incidentId], actors: [actorId] });
    if (!found.has('incidents', incidentId))
      throw notFound('Incident', incidentId, 'input.incidentId');
    if (!found.has('actors', actorId)) throw notFound('Actor', actorId, 'input.actorId');
    const [row] = await tx.run(CREATE_HYPOTHESIS, {
      id,
      incidentId,
      actorId,
      ...values,
      author: context.viewer.id,
      ...changeParams(context.viewer, 'CREATE', 'Hypothesis', id, null, {
        incidentId,
        actorId,
        ...values,
      }),
    });
    if (!row) throw changedMeanwhile('Incident', incidentId);
    return row.hypothesis;
  });
}

/** Takes the hypothesis's lock and reads it; undefined if there is none. */
async function lockHypothesis(tx: Transaction, id: string): Promise<HypothesisRow | undefined> {
  return (await tx.run(LOCK_HYPOTHESIS, { id }))[0]?.hypothesis;
}

/** The hypothesis as read under its lock, if an edit of it at `version` may go ahead. */
function editable(found: HypothesisRow | undefined, id: string, version: number): HypothesisRow {
  if (!found) throw notFound('Hypothesis', id, 'id');
  conflictUnlessVersion('Hypothesis', id, version, found.version);
  if (found.promotedClaimId)
    throw appError(
      ErrorCode.CONFLICT,
      `Hypothesis "${id}" was promoted to the claim "${found.promotedClaimId}" and is kept as it was; edit the claim instead.`,
    );
  return found;
}

async function write(
  tx: Transaction,
  context: MutationContext,
  before: HypothesisRow,
  set: Record<string, unknown>,
  evidence: { incidentIds: string[]; sourceIds: string[] } = { incidentIds: [], sourceIds: [] },
): Promise<HypothesisRow> {
  const [row] = await tx.run(UPDATE_HYPOTHESIS, {
    id: before.id,
    version: before.version,
    set,
    evidenceIncidentIds: evidence.incidentIds,
    evidenceSourceIds: evidence.sourceIds,
    ...changeParams(context.viewer, 'UPDATE', 'Hypothesis', before.id, before, {
      ...before,
      ...set,
      evidenceIncidentIds: [...new Set([...before.evidenceIncidentIds, ...evidence.incidentIds])],
      evidenceSourceIds: [...new Set([...before.evidenceSourceIds, ...evidence.sourceIds])],
      version: before.version + 1,
    }),
  });
  if (!row) throw changedMeanwhile('Hypothesis', before.id);
  return row.hypothesis;
}

export async function updateHypothesis(
  context: MutationContext,
  id: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'updateHypothesis');
  const set = validated(fields.partial(), patch, 'patch');
  return context.executor.writeTransaction('updateHypothesis', async (tx) =>
    write(tx, context, editable(await lockHypothesis(tx, id), id, version), set),
  );
}

export async function attachEvidence(
  context: MutationContext,
  id: string,
  version: number,
  given: {
    incidentIds?: readonly string[] | null;
    sourceIds?: readonly string[] | null;
    saveSuggestions: boolean;
  },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'attachEvidence');
  const incidentIds = [...(given.incidentIds ?? [])];
  const sourceIds = [...(given.sourceIds ?? [])];
  return context.executor.writeTransaction('attachEvidence', async (tx) => {
    const found = await lockHypothesis(tx, id);
    const references = await lockReferences(tx, { incidents: incidentIds, sources: sourceIds });
    const problems = [
      ...missingReferences(references, 'incidents', incidentIds, (n) => `incidentIds.${n}`),
      ...missingReferences(references, 'sources', sourceIds, (n) => `sourceIds.${n}`),
    ];
    if (problems.length > 0) throw invalid(problems);
    const before = editable(found, id, version);
    const set: Record<string, unknown> = {};
    if (given.saveSuggestions) {
      const ranked =
        (await suggestAttributions(context.executor, before.incidentId, SAVED_CANDIDATES)) ?? [];
      const saved = {
        savedAt: new Date().toISOString(),
        candidates: ranked.map((c) => ({ actorId: c.actorId, rank: c.rank, score: c.score })),
      };
      set.savedSuggestions = [...before.savedSuggestions, JSON.stringify(saved)];
    }
    return write(tx, context, before, set, { incidentIds, sourceIds });
  });
}

export async function promoteHypothesis(
  context: MutationContext,
  id: string,
  version: number,
  claim: { basis: string; claimedBy?: string | null; sourceIds?: readonly string[] | null },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'promoteHypothesis');
  return context.executor.writeTransaction('promoteHypothesis', async (tx) => {
    const before = editable(await lockHypothesis(tx, id), id, version);
    if (before.status !== 'SUPPORTED')
      throw appError(
        ErrorCode.BAD_USER_INPUT,
        `Only a SUPPORTED hypothesis can be promoted to an attribution; "${id}" is ${before.status}.`,
        { argument: 'id' },
      );
    const sources = claim.sourceIds ? [...claim.sourceIds] : before.evidenceSourceIds;
    if (sources.length === 0)
      throw invalid([
        {
          field: 'sourceIds',
          reason: 'a published claim cites sources: give sourceIds or attach source evidence first',
        },
      ]);
    // The new claim's incident and actor are locked as addAttribution locks them.
    const found = await lockReferences(tx, {
      incidents: [before.incidentId],
      actors: [before.actorId],
      sources,
    });
    const missing = missingReferences(found, 'sources', sources, () => 'sourceIds');
    if (missing.length > 0) throw invalid(missing);
    const props = {
      id: `claim-${randomUUID()}`,
      confidence: before.confidence,
      basis: claim.basis,
      status: 'ATTRIBUTED',
      claimedBy: claim.claimedBy ?? before.author,
      assessedAt: new Date().toISOString().slice(0, 10),
      sourceIds: sources,
      version: 1,
    };
    const [row] = await tx.run(PROMOTE_HYPOTHESIS, {
      id,
      version,
      claim: props,
      ...changeParams(context.viewer, 'UPDATE', 'Hypothesis', id, before, {
        ...before,
        promotedClaimId: props.id,
        version: version + 1,
      }),
      claimChange: changeParams(
        context.viewer,
        'ADD_ATTRIBUTION',
        'Incident',
        before.incidentId,
        null,
        {
          actorId: before.actorId,
          fromHypothesis: id,
          ...props,
        },
      ).change,
    });
    if (!row) throw changedMeanwhile('Hypothesis', id);
    await refreshTargetProfiles(tx, {
      actorIds: [before.actorId],
      incidentIds: [before.incidentId],
    });
    return row.hypothesis;
  });
}

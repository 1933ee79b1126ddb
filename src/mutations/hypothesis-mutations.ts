import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { suggestAttributions } from '../analysis/attribution.js';
import { requireRole } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import { keyFor } from '../graphql/global-id.js';
import { changeParams } from '../repositories/change-repository.js';
import { findReferences } from '../repositories/reference-repository.js';
import {
  CREATE_HYPOTHESIS,
  HYPOTHESIS,
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
  context: Context,
  input: {
    incidentId: string;
    actorId: string;
    rationale: string;
    confidence: number;
    status?: string | null;
  },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'createHypothesis');
  const incidentId = keyFor('Incident', input.incidentId, 'input.incidentId');
  const actorId = keyFor('Actor', input.actorId, 'input.actorId');
  const values = validated(
    fields,
    { rationale: input.rationale, confidence: input.confidence, status: input.status ?? 'OPEN' },
    'input',
  );
  const found = await findReferences(context.executor, {
    incidents: [incidentId],
    actors: [actorId],
  });
  if (!found.has('incidents', incidentId))
    throw notFound('Incident', incidentId, 'input.incidentId');
  if (!found.has('actors', actorId)) throw notFound('Actor', actorId, 'input.actorId');
  const id = `hyp-${randomUUID()}`;
  const [row] = await context.executor.write(CREATE_HYPOTHESIS, {
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
}

async function current({ executor }: Context, id: string, version: number): Promise<HypothesisRow> {
  const [row] = await executor.read(HYPOTHESIS, { id });
  if (!row) throw notFound('Hypothesis', id, 'id');
  conflictUnlessVersion('Hypothesis', id, version, row.hypothesis.version);
  if (row.hypothesis.promotedClaimId)
    throw appError(
      ErrorCode.CONFLICT,
      `Hypothesis "${id}" was promoted to the claim "${row.hypothesis.promotedClaimId}" and is kept as it was; edit the claim instead.`,
    );
  return row.hypothesis;
}

async function write(
  context: Context,
  before: HypothesisRow,
  set: Record<string, unknown>,
  evidence: { incidentIds: string[]; sourceIds: string[] } = { incidentIds: [], sourceIds: [] },
): Promise<HypothesisRow> {
  const [row] = await context.executor.write(UPDATE_HYPOTHESIS, {
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
  context: Context,
  id: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'updateHypothesis');
  const set = validated(fields.partial(), patch, 'patch');
  return write(context, await current(context, id, version), set);
}

export async function attachEvidence(
  context: Context,
  id: string,
  version: number,
  given: {
    incidentIds?: readonly string[] | null;
    sourceIds?: readonly string[] | null;
    saveSuggestions: boolean;
  },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'attachEvidence');
  const incidentIds = (given.incidentIds ?? []).map((i) => keyFor('Incident', i, 'incidentIds'));
  const sourceIds = (given.sourceIds ?? []).map((s) => keyFor('Source', s, 'sourceIds'));
  const found = await findReferences(context.executor, {
    incidents: incidentIds,
    sources: sourceIds,
  });
  const problems = [
    ...missingReferences(found, 'incidents', incidentIds, (n) => `incidentIds.${n}`),
    ...missingReferences(found, 'sources', sourceIds, (n) => `sourceIds.${n}`),
  ];
  if (problems.length > 0) throw invalid(problems);
  const before = await current(context, id, version);
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
  return write(context, before, set, { incidentIds, sourceIds });
}

export async function promoteHypothesis(
  context: Context,
  id: string,
  version: number,
  claim: { basis: string; claimedBy?: string | null; sourceIds?: readonly string[] | null },
): Promise<HypothesisRow> {
  requireRole(context.viewer, 'editor', 'promoteHypothesis');
  const before = await current(context, id, version);
  if (before.status !== 'SUPPORTED')
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Only a SUPPORTED hypothesis can be promoted to an attribution; "${id}" is ${before.status}.`,
      { argument: 'id' },
    );
  const sources = claim.sourceIds
    ? claim.sourceIds.map((s) => keyFor('Source', s, 'sourceIds'))
    : before.evidenceSourceIds;
  if (sources.length === 0)
    throw invalid([
      {
        field: 'sourceIds',
        reason: 'a published claim cites sources: give sourceIds or attach source evidence first',
      },
    ]);
  const found = await findReferences(context.executor, { sources });
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
  const [row] = await context.executor.write(PROMOTE_HYPOTHESIS, {
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
  return row.hypothesis;
}

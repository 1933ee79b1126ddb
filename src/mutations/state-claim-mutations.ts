import { z } from 'zod';
import { requireRole } from '../auth/authorize.js';
import type { MutationContext } from './mutation-context.js';
import { notFound } from '../errors.js';
import { changeParams } from '../repositories/change-repository.js';
import { lockReferences } from '../repositories/reference-repository.js';
import {
  LOCK_STATE_CLAIMS_FOR_EDIT,
  REPLACE_STATE_CLAIMS,
  type StateTie,
  type StoredStateClaim,
} from '../repositories/state-claim-write-repository.js';
import type { ActorRow } from '../repositories/rows.js';
import { invalid, missingReferences, type FieldProblem } from './validation.js';
import { changedMeanwhile, conflictUnlessVersion, versionOf } from './versions.js';

const claimSchema = z.strictObject({
  country: z.string().min(1),
  confidence: z.number().int().min(0).max(100),
  sourceIds: z.array(z.string().min(1)).min(1, 'cite at least one source'),
});

/** A claim as given, its sources by key. */
export interface StateClaimInput {
  country: string;
  confidence: number;
  sourceIds: readonly string[];
}

/**
 * Sets who an actor is said to operate from (`ORIGINATES_FROM`) or to be sponsored by
 * (`SPONSORED_BY`): the given claims replace the actor's current ones of that tie. Every claim
 * names an ISO country, a confidence and existing sources; the actor's version is checked and
 * bumped, and the change is audited with the claims before and after.
 */
export async function setStateClaims(
  context: MutationContext,
  tie: StateTie,
  key: string,
  version: number,
  claims: readonly StateClaimInput[],
  argument: string,
): Promise<ActorRow> {
  const { viewer, executor, taxonomy } = context;
  const operation = tie === 'ORIGINATES_FROM' ? 'setActorOrigin' : 'setActorSponsors';
  requireRole(viewer, 'editor', operation);
  // An origin is one claim (`origin.country`); sponsors are a list (`sponsors.1.country`).
  const at = (i: number) => (tie === 'ORIGINATES_FROM' ? argument : `${argument}.${i}`);
  const problems: FieldProblem[] = [];
  const resolved = claims.map((claim, i) => {
    const parsed = claimSchema.safeParse(claim);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({
          field: [at(i), ...issue.path.map(String)].join('.'),
          reason: issue.message,
        });
    const country = taxonomy.resolveCountry(claim.country);
    if (!country)
      problems.push({
        field: `${at(i)}.country`,
        reason: `unknown country "${claim.country}" (use ISO 3166-1 codes such as RU)`,
      });
    return {
      country: country ?? '',
      confidence: claim.confidence,
      sourceIds: [...claim.sourceIds],
    };
  });
  if (new Set(resolved.map((c) => c.country)).size < resolved.length)
    problems.push({ field: argument, reason: 'names a country twice' });

  // The actor first, then the sources it will cite: the order write-lock.ts gives.
  return executor.writeTransaction(operation, async (tx) => {
    const [current] = await tx.run(LOCK_STATE_CLAIMS_FOR_EDIT, { id: key, tie });
    const found = await lockReferences(tx, { sources: resolved.flatMap((c) => c.sourceIds) });
    const missing = resolved.flatMap((claim, i) =>
      missingReferences(found, 'sources', claim.sourceIds, (j) => `${at(i)}.sourceIds.${j}`),
    );
    if (problems.length + missing.length > 0) throw invalid([...problems, ...missing]);
    if (!current) throw notFound('Actor', key, 'id');
    conflictUnlessVersion('Actor', key, version, versionOf(current.props));
    const field = tie === 'ORIGINATES_FROM' ? 'origin' : 'sponsors';
    const snapshot = (list: StoredStateClaim[]) => ({ [field]: list });
    const [row] = await tx.run(REPLACE_STATE_CLAIMS[tie], {
      id: key,
      version,
      claims: resolved,
      ...changeParams(
        viewer,
        'UPDATE',
        'Actor',
        key,
        { ...current.props, ...snapshot(current.claims) },
        { ...current.props, version: version + 1, ...snapshot(resolved) },
      ),
    });
    if (!row) throw changedMeanwhile('Actor', key);
    return row.actor;
  });
}

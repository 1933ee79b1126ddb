import {
  rankCandidates,
  scoreCandidate,
  type CandidateEvidence,
  type IncidentProfile,
  type ScoredCandidate,
} from './attribution-score.js';

/**
 * What an actor's target profile tells about it as a candidate before any of its incidents is
 * read: exactly what it shares with the incident (its other incidents' top-level sectors,
 * countries, attack types and campaigns, its reported victimology) and how many other incidents
 * it has, and bounds on the rest: no supporting incident has a claim firmer than
 * `maxSharedConfidence`, and none of its other incidents is nearer than `minIncidentDays`.
 */
export interface CandidateBound {
  actorId: string;
  sharedSectorIds: string[];
  sharedCountryCodes: string[];
  sharedAttackTypes: string[];
  sharesCampaign: boolean;
  reportedSectorIds: string[];
  reportedCountryCodes: string[];
  otherIncidents: number;
  /** Null when nothing is shared: then no incident supports it and its evidence is half trusted. */
  maxSharedConfidence: number | null;
  /** Null when it has no other incident. */
  minIncidentDays: number | null;
}

/**
 * Stands for "some incident of the same campaign": the score counts those incidents only as
 * present or not, so one placeholder weighs as the real list does.
 */
const SAME_CAMPAIGN = ['same campaign'];

/**
 * The best evidence the bound allows. Every factor of the score grows with what it is given here
 * (the shares are exact, the trust and the time factor at their highest), so its score is an
 * upper bound on the exact one, computed by the very same arithmetic.
 */
function optimisticEvidence(bound: CandidateBound): CandidateEvidence {
  return {
    actorId: bound.actorId,
    alreadyAttributed: false,
    sharedSectorIds: bound.sharedSectorIds,
    sharedCountryCodes: bound.sharedCountryCodes,
    sharedAttackTypes: bound.sharedAttackTypes,
    nearestIncidentDays: bound.minIncidentDays,
    sameCampaignIncidentIds: bound.sharesCampaign ? SAME_CAMPAIGN : [],
    reportedSectorIds: bound.reportedSectorIds,
    reportedCountryCodes: bound.reportedCountryCodes,
    supportingIncidents: bound.otherIncidents,
    otherIncidents: bound.otherIncidents,
    meanPriorConfidence: bound.maxSharedConfidence,
  };
}

/** The highest score the candidate can have, whatever its incidents turn out to hold. */
export const upperBound = (incident: IncidentProfile, bound: CandidateBound): number =>
  scoreCandidate(incident, optimisticEvidence(bound)).score;

/**
 * Slack for the database's arithmetic: a mean of confidences may come back an ulp above their
 * maximum, so a bound is trusted only when it loses by more than this.
 */
const BOUND_SLACK = 1e-9;

/** Candidates read exactly at first, at the least; each further batch is twice the last. */
const FIRST_BATCH = 16;

export interface TopCandidates {
  ranked: ScoredCandidate[];
  /** How many candidates' evidence was read exactly. */
  expanded: number;
}

/** Every candidate: those with a bound, and those without one (no profile yet), read first. */
export interface Candidates {
  bounded: readonly CandidateBound[];
  unbounded: readonly string[];
}

/**
 * The first `first` of rankCandidates over every candidate, reading the exact evidence of as few
 * as it can: candidates in order of their upper bound, in growing batches, until the `first`-th
 * exact candidate scores more than the next bound, so that no candidate left unread can reach the
 * top `first`, even on a tie (which goes to more supporting incidents, then the smaller id).
 */
export async function rankTopCandidates(
  incident: IncidentProfile,
  { bounded, unbounded }: Candidates,
  first: number,
  evidenceOf: (actorIds: string[]) => Promise<CandidateEvidence[]>,
): Promise<TopCandidates> {
  const ordered = [
    ...unbounded.map((actorId) => ({ actorId, bound: Infinity })),
    ...bounded
      .map((bound) => ({ actorId: bound.actorId, bound: upperBound(incident, bound) }))
      .sort((a, b) => b.bound - a.bound || a.actorId.localeCompare(b.actorId)),
  ];
  const exact: CandidateEvidence[] = [];
  let next = 0;
  let batch = Math.max(first, FIRST_BATCH);
  while (next < ordered.length) {
    const actorIds = ordered.slice(next, next + batch).map((c) => c.actorId);
    exact.push(...(await evidenceOf(actorIds)));
    next += actorIds.length;
    batch *= 2;
    const kth = rankCandidates(incident, exact)[first - 1];
    const following = ordered[next];
    if (kth && following && following.bound + BOUND_SLACK < kth.score) break;
  }
  return { ranked: rankCandidates(incident, exact).slice(0, first), expanded: exact.length };
}

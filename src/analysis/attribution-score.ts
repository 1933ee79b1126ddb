/**
 * The documented, deterministic score behind `suggestAttributions`. Each factor is a value in
 * [0, 1] times a fixed weight; the weights sum to 1, so a score is in [0, 1]. Factors drawn from the
 * actor's other incidents are discounted by how firmly those incidents are attributed to it.
 * The four kinds of likeness to the incident weigh alike; time and reported victimology, weaker
 * signals, half as much (README, "Attribution ranking", has the figures behind the choice).
 */
export type AttributionFactor =
  'SECTORS' | 'COUNTRIES' | 'ATTACK_TYPES' | 'TIME_PROXIMITY' | 'CAMPAIGN' | 'REPORTED_VICTIMOLOGY';

export const attributionWeights: Readonly<Record<AttributionFactor, number>> = {
  SECTORS: 0.2,
  COUNTRIES: 0.2,
  ATTACK_TYPES: 0.2,
  CAMPAIGN: 0.2,
  TIME_PROXIMITY: 0.1,
  REPORTED_VICTIMOLOGY: 0.1,
};

/** Days after which the time factor halves: an actor active a year away counts half. */
export const TIME_HALF_LIFE_DAYS = 365;

/** What the incident itself offers to compare against. */
export interface IncidentProfile {
  sectorIds: string[];
  countryCodes: string[];
  attackTypes: string[];
}

/** What the database found about one candidate actor, the incident's own claims left out. */
export interface CandidateEvidence {
  actorId: string;
  alreadyAttributed: boolean;
  sharedSectorIds: string[];
  sharedCountryCodes: string[];
  sharedAttackTypes: string[];
  nearestIncidentDays: number | null;
  sameCampaignIncidentIds: string[];
  reportedSectorIds: string[];
  reportedCountryCodes: string[];
  supportingIncidents: number;
  otherIncidents: number;
  meanPriorConfidence: number | null;
}

export interface ScoreComponent {
  factor: AttributionFactor;
  value: number;
  weight: number;
  points: number;
}

export interface ScoredCandidate extends CandidateEvidence {
  rank: number;
  score: number;
  confidenceFactor: number;
  components: ScoreComponent[];
}

const share = (found: number, of: number): number => (of === 0 ? 0 : found / of);

/** Evidence from incidents is trusted from half (no stated confidence) to fully (confidence 100). */
export const confidenceFactor = (meanPriorConfidence: number | null): number =>
  0.5 + 0.5 * ((meanPriorConfidence ?? 0) / 100);

export function scoreCandidate(
  incident: IncidentProfile,
  evidence: CandidateEvidence,
): Omit<ScoredCandidate, 'rank'> {
  const trust = confidenceFactor(evidence.meanPriorConfidence);
  const values: Record<AttributionFactor, number> = {
    SECTORS: share(evidence.sharedSectorIds.length, incident.sectorIds.length),
    COUNTRIES: share(evidence.sharedCountryCodes.length, incident.countryCodes.length),
    ATTACK_TYPES: share(evidence.sharedAttackTypes.length, incident.attackTypes.length),
    CAMPAIGN: evidence.sameCampaignIncidentIds.length > 0 ? 1 : 0,
    TIME_PROXIMITY:
      evidence.nearestIncidentDays === null
        ? 0
        : 0.5 ** (evidence.nearestIncidentDays / TIME_HALF_LIFE_DAYS),
    REPORTED_VICTIMOLOGY: share(
      evidence.reportedSectorIds.length + evidence.reportedCountryCodes.length,
      incident.sectorIds.length + incident.countryCodes.length,
    ),
  };
  const components = (Object.keys(attributionWeights) as AttributionFactor[]).map((factor) => {
    const weight = attributionWeights[factor];
    const value = values[factor];
    const discount = factor === 'REPORTED_VICTIMOLOGY' ? 1 : trust;
    return { factor, value, weight, points: value * weight * discount };
  });
  return {
    ...evidence,
    confidenceFactor: trust,
    components,
    score: components.reduce((sum, c) => sum + c.points, 0),
  };
}

/**
 * Highest score first; ties go to the actor with more supporting incidents, then by id, so the
 * same graph always gives the same ranking.
 */
export function rankCandidates(
  incident: IncidentProfile,
  candidates: CandidateEvidence[],
): ScoredCandidate[] {
  return candidates
    .map((candidate) => scoreCandidate(incident, candidate))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.supportingIncidents - a.supportingIncidents ||
        a.actorId.localeCompare(b.actorId),
    )
    .map((candidate, index) => ({ ...candidate, rank: index + 1 }));
}

/**
 * A candidate as the workbench asks `suggestAttributions` for it: the shape the pure modules of
 * the workbench read, which the generated query types satisfy.
 */
export interface Named {
  key: string;
  name: string;
}

export interface NamedCountry {
  code: string;
  name: string;
}

export interface ScoreComponentAnswer {
  factor: string;
  value: number;
  weight: number;
  points: number;
}

export interface EvidenceAnswer {
  sharedSectors: readonly Named[];
  sharedCountries: readonly NamedCountry[];
  sharedAttackTypes: readonly string[];
  nearestIncidentDays: number | null;
  sameCampaignIncidents: readonly { key: string; title: string }[];
  reportedSectors: readonly Named[];
  reportedCountries: readonly NamedCountry[];
  supportingIncidents: number;
  otherIncidents: number;
  meanPriorConfidence: number | null;
  confidenceFactor: number;
}

export interface CandidateAnswer {
  rank: number;
  score: number;
  alreadyAttributed: boolean;
  actor: Named;
  components: readonly ScoreComponentAnswer[];
  evidence: EvidenceAnswer;
}

/** A score or points to three decimals: the components sum to the score at that precision. */
export const scoreText = (value: number): string => value.toFixed(3);

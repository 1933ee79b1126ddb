import type { ProfileRow } from '../repositories/target-profile-rows.js';
import type { CandidateEvidence, IncidentProfile } from './attribution-score.js';

/** The incident a ranking is for: what it offers to compare against, and when it happened. */
export interface RankedIncident extends IncidentProfile {
  id: string;
  campaignIds: string[];
  /** ISO dates; `endDate` is null when the incident has none. */
  startDate: string;
  endDate: string | null;
}

/** What the graph says of a candidate besides its incidents. */
export interface CandidateFacts {
  actorId: string;
  alreadyAttributed: boolean;
  reportedSectorIds: string[];
  reportedCountryCodes: string[];
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * Days between two incidents, 0 when they overlap or when a missing end leaves it open: the
 * first incident wholly before the incident, the days from its end; wholly after, to its start.
 */
function gapInDays(incident: RankedIncident, row: ProfileRow): number {
  if (row.end !== null && row.end < incident.startDate)
    return dayOf(incident.startDate) - dayOf(row.end);
  if (incident.endDate !== null && row.start > incident.endDate)
    return dayOf(row.start) - dayOf(incident.endDate);
  return 0;
}

/** The keys of `found` that `wanted` names, each once, in the order first found. */
function collectShared(into: string[], found: readonly string[], wanted: readonly string[]) {
  let any = false;
  for (const key of found)
    if (wanted.includes(key)) {
      any = true;
      if (!into.includes(key)) into.push(key);
    }
  return any;
}

/**
 * A candidate's exact evidence from the rows of its incidents: what its *other* incidents share
 * with the incident (its rows never hold retracted claims, and the incident's own row is left out),
 * how many share anything (they support it) and how firmly those are attributed, the nearest in
 * time and those of the same campaign.
 */
export function evidenceFromRows(
  incident: RankedIncident,
  facts: CandidateFacts,
  rows: readonly ProfileRow[],
): CandidateEvidence {
  const evidence: CandidateEvidence = {
    ...facts,
    sharedSectorIds: [],
    sharedCountryCodes: [],
    sharedAttackTypes: [],
    nearestIncidentDays: null,
    sameCampaignIncidentIds: [],
    supportingIncidents: 0,
    otherIncidents: 0,
    meanPriorConfidence: null,
  };
  let confidenceSum = 0;
  for (const row of rows) {
    if (row.incidentId === incident.id) continue;
    evidence.otherIncidents += 1;
    const sectors = collectShared(evidence.sharedSectorIds, row.sectorIds, incident.sectorIds);
    const countries = collectShared(
      evidence.sharedCountryCodes,
      row.countryCodes,
      incident.countryCodes,
    );
    const types = collectShared(evidence.sharedAttackTypes, row.attackTypes, incident.attackTypes);
    const sameCampaign = row.campaignIds.some((id) => incident.campaignIds.includes(id));
    if (sameCampaign) evidence.sameCampaignIncidentIds.push(row.incidentId);
    // Once an incident overlaps, none can be nearer: the dates of the rest need no reading.
    if (evidence.nearestIncidentDays !== 0) {
      const gap = gapInDays(incident, row);
      if (evidence.nearestIncidentDays === null || gap < evidence.nearestIncidentDays)
        evidence.nearestIncidentDays = gap;
    }
    if (sectors || countries || types || sameCampaign) {
      evidence.supportingIncidents += 1;
      confidenceSum += row.confidence;
    }
  }
  if (evidence.supportingIncidents > 0)
    evidence.meanPriorConfidence = confidenceSum / evidence.supportingIncidents;
  return evidence;
}

import { describe, expect, it } from 'vitest';
import {
  attributionWeights,
  rankCandidates,
  scoreCandidate,
  type CandidateEvidence,
} from '../../src/analysis/attribution-score.js';

const incident = { sectorIds: ['energy', 'health'], countryCodes: ['UA'], attackTypes: ['WIPER'] };
const evidence = (overrides: Partial<CandidateEvidence>): CandidateEvidence => ({
  actorId: 'a',
  alreadyAttributed: false,
  sharedSectorIds: [],
  sharedCountryCodes: [],
  sharedAttackTypes: [],
  nearestIncidentDays: null,
  sameCampaignIncidentIds: [],
  reportedSectorIds: [],
  reportedCountryCodes: [],
  supportingIncidents: 0,
  otherIncidents: 0,
  meanPriorConfidence: null,
  ...overrides,
});

describe('attribution score', () => {
  it('has weights that sum to 1, so a score is between 0 and 1', () => {
    expect(Object.values(attributionWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const everything = scoreCandidate(
      incident,
      evidence({
        sharedSectorIds: ['energy', 'health'],
        sharedCountryCodes: ['UA'],
        sharedAttackTypes: ['WIPER'],
        nearestIncidentDays: 0,
        sameCampaignIncidentIds: ['x'],
        reportedSectorIds: ['energy', 'health'],
        reportedCountryCodes: ['UA'],
        supportingIncidents: 1,
        meanPriorConfidence: 100,
      }),
    );
    expect(everything.score).toBeCloseTo(1, 12);
  });

  it('computes each factor as documented (worked by hand)', () => {
    const scored = scoreCandidate(
      incident,
      evidence({
        sharedSectorIds: ['energy'],
        sharedCountryCodes: ['UA'],
        nearestIncidentDays: 365,
        reportedCountryCodes: ['UA'],
        supportingIncidents: 2,
        meanPriorConfidence: 50,
      }),
    );
    // trust = 0.5 + 0.5 × 50/100 = 0.75
    // sectors 1/2 × 0.2 × 0.75 = 0.075; countries 1 × 0.2 × 0.75 = 0.15
    // time 0.5 (a year away) × 0.1 × 0.75 = 0.0375; victimology 1/3 × 0.1 = 0.0333…
    expect(scored.confidenceFactor).toBe(0.75);
    const points = Object.fromEntries(scored.components.map((c) => [c.factor, c.points]));
    const expected = {
      SECTORS: 0.075,
      COUNTRIES: 0.15,
      ATTACK_TYPES: 0,
      CAMPAIGN: 0,
      TIME_PROXIMITY: 0.0375,
      REPORTED_VICTIMOLOGY: 0.1 / 3,
    };
    expect(Object.keys(points)).toEqual(Object.keys(attributionWeights));
    for (const [factor, value] of Object.entries(expected))
      expect(points[factor], factor).toBeCloseTo(value, 12);
    expect(scored.score).toBeCloseTo(0.075 + 0.15 + 0.0375 + 0.1 / 3, 12);
  });

  it('gives nothing for a factor the incident does not have', () => {
    const bare = { sectorIds: [], countryCodes: [], attackTypes: [] };
    expect(scoreCandidate(bare, evidence({ supportingIncidents: 1 })).score).toBe(0);
  });

  it('ranks by score, then supporting incidents, then id: the same input, the same order', () => {
    const tied = { sharedCountryCodes: ['UA'], meanPriorConfidence: 50 };
    const ranked = rankCandidates(incident, [
      evidence({ actorId: 'c', ...tied, supportingIncidents: 1 }),
      evidence({ actorId: 'b', ...tied, supportingIncidents: 1 }),
      evidence({ actorId: 'a', ...tied, supportingIncidents: 3 }),
      evidence({ actorId: 'z', ...tied, sharedSectorIds: ['energy'] }),
    ]);
    expect(ranked.map((c) => [c.actorId, c.rank])).toEqual([
      ['z', 1],
      ['a', 2],
      ['b', 3],
      ['c', 4],
    ]);
  });
});

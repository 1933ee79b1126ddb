import { describe, expect, it } from 'vitest';
import {
  rankTopCandidates,
  upperBound,
  type CandidateBound,
} from '../../src/analysis/attribution-bound.js';
import {
  rankCandidates,
  scoreCandidate,
  type CandidateEvidence,
  type IncidentProfile,
} from '../../src/analysis/attribution-score.js';
import { Draw } from '../../src/generate/random.js';

const incident: IncidentProfile = {
  sectorIds: ['energy', 'health', 'finance'],
  countryCodes: ['UA', 'PL'],
  attackTypes: ['WIPER', 'DDOS'],
};

const some = (next: () => number, values: string[]): string[] => values.filter(() => next() < 0.5);

/**
 * A candidate's exact evidence, and a bound as a profile would give it: the same shares, a
 * confidence no lower than the mean of the supporting incidents and a gap no longer than the
 * nearest one. Values are coarse, so that ties are common.
 */
function candidate(next: () => number, index: number) {
  const shared = {
    sharedSectorIds: some(next, incident.sectorIds),
    sharedCountryCodes: some(next, incident.countryCodes),
    sharedAttackTypes: some(next, incident.attackTypes),
    sharesCampaign: next() < 0.2,
  };
  const reportedSectorIds = some(next, incident.sectorIds);
  const reportedCountryCodes = some(next, incident.countryCodes);
  const supports =
    shared.sharedSectorIds.length +
      shared.sharedCountryCodes.length +
      shared.sharedAttackTypes.length >
      0 || shared.sharesCampaign;
  const otherIncidents = supports ? 1 + Math.floor(next() * 4) : Math.floor(next() * 2);
  const supportingIncidents = supports ? 1 + Math.floor(next() * otherIncidents) : 0;
  const meanPriorConfidence = supports ? Math.round(next() * 4) * 25 : null;
  const nearestIncidentDays = otherIncidents > 0 ? Math.floor(next() * 3) * 365 : null;
  const actorId = `actor-${String(index).padStart(3, '0')}`;
  const evidence: CandidateEvidence = {
    actorId,
    alreadyAttributed: next() < 0.1,
    sharedSectorIds: shared.sharedSectorIds,
    sharedCountryCodes: shared.sharedCountryCodes,
    sharedAttackTypes: shared.sharedAttackTypes,
    nearestIncidentDays,
    sameCampaignIncidentIds: shared.sharesCampaign
      ? ['inc-1', 'inc-2'].slice(0, 1 + (index % 2))
      : [],
    reportedSectorIds,
    reportedCountryCodes,
    supportingIncidents,
    otherIncidents,
    meanPriorConfidence,
  };
  const bound: CandidateBound = {
    actorId,
    ...shared,
    reportedSectorIds,
    reportedCountryCodes,
    otherIncidents,
    maxSharedConfidence:
      meanPriorConfidence === null
        ? null
        : meanPriorConfidence + Math.round(next() * 2) * ((100 - meanPriorConfidence) / 2),
    minIncidentDays:
      nearestIncidentDays === null ? null : Math.floor(next() * (nearestIncidentDays + 1)),
  };
  return { evidence, bound };
}

const candidates = (seed: number, count: number) => {
  const draw = new Draw(seed, 0, 0);
  const next = () => draw.next();
  return Array.from({ length: count }, (_, index) => candidate(next, index));
};

describe('attribution bound', () => {
  it('is never below the exact score', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      for (const { evidence, bound } of candidates(seed, 50)) {
        expect(
          upperBound(incident, bound),
          `seed ${seed}, ${evidence.actorId}`,
        ).toBeGreaterThanOrEqual(scoreCandidate(incident, evidence).score);
      }
    }
  });

  it('is the exact score when the profile tells everything', () => {
    const [{ evidence, bound }] = candidates(7, 1) as [ReturnType<typeof candidate>];
    const exact = {
      ...bound,
      maxSharedConfidence: evidence.meanPriorConfidence,
      minIncidentDays: evidence.nearestIncidentDays,
    };
    expect(upperBound(incident, exact)).toBe(scoreCandidate(incident, evidence).score);
  });

  it('gives exactly the top of rankCandidates, reading fewer candidates where it can', async () => {
    let read = 0;
    let all = 0;
    for (let seed = 1; seed <= 30; seed += 1) {
      const pool = candidates(seed, 120);
      const evidence = new Map(pool.map((c) => [c.evidence.actorId, c.evidence]));
      for (const first of [1, 5, 10, 100, 200]) {
        const top = await rankTopCandidates(
          incident,
          { bounded: pool.map((c) => c.bound), unbounded: [] },
          first,
          (actorIds) => Promise.resolve(actorIds.flatMap((id) => evidence.get(id) ?? [])),
        );
        const expected = rankCandidates(
          incident,
          pool.map((c) => c.evidence),
        ).slice(0, first);
        expect(top.ranked, `seed ${seed}, first ${first}`).toEqual(expected);
        read += top.expanded;
        all += pool.length;
      }
    }
    expect(read).toBeLessThan(all);
  });

  it('reads the candidates without a bound first, and ranks them all the same', async () => {
    const pool = candidates(3, 60);
    const evidence = new Map(pool.map((c) => [c.evidence.actorId, c.evidence]));
    const unbounded = pool.filter((_, i) => i % 3 === 0).map((c) => c.evidence.actorId);
    const asked: string[][] = [];
    const top = await rankTopCandidates(
      incident,
      { bounded: pool.filter((_, i) => i % 3 !== 0).map((c) => c.bound), unbounded },
      5,
      (actorIds) => {
        asked.push(actorIds);
        return Promise.resolve(actorIds.flatMap((id) => evidence.get(id) ?? []));
      },
    );
    expect(asked.flat().slice(0, unbounded.length)).toEqual(unbounded);
    expect(top.ranked).toEqual(
      rankCandidates(
        incident,
        pool.map((c) => c.evidence),
      ).slice(0, 5),
    );
  });

  it('reads nothing when there is no candidate', async () => {
    const top = await rankTopCandidates(incident, { bounded: [], unbounded: [] }, 10, () => {
      throw new Error('no candidate to read');
    });
    expect(top).toEqual({ ranked: [], expanded: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { evidenceFromRows, type RankedIncident } from '../../src/analysis/attribution-evidence.js';
import type { ProfileRow } from '../../src/repositories/target-profile-rows.js';
import { profileRow } from '../support/profile-rows.js';

const incident: RankedIncident = {
  id: 'x',
  sectorIds: ['energy', 'health'],
  countryCodes: ['UA'],
  attackTypes: ['WIPER'],
  campaignIds: ['c-1'],
  startDate: '2022-02-24',
  endDate: '2022-03-01',
};

const facts = {
  actorId: 'a',
  alreadyAttributed: false,
  reportedSectorIds: [],
  reportedCountryCodes: [],
};

const row = profileRow;

describe('evidence from profile rows', () => {
  it("leaves the incident's own row out and counts only sharing incidents as support", () => {
    const evidence = evidenceFromRows(incident, facts, [
      row('x', { sectorIds: ['energy'], confidence: 100 }),
      row('j1', { sectorIds: ['energy', 'finance'], confidence: 85 }),
      row('j2', { countryCodes: ['PL'], attackTypes: ['WIPER'], confidence: 15 }),
      row('j3', { countryCodes: ['PL'], confidence: 100 }),
      row('j4', { campaignIds: ['c-1'], sectorIds: ['health'], confidence: 0 }),
    ]);
    expect(evidence).toMatchObject({
      otherIncidents: 4,
      supportingIncidents: 3,
      meanPriorConfidence: (85 + 15 + 0) / 3,
      sharedSectorIds: ['energy', 'health'],
      sharedCountryCodes: [],
      sharedAttackTypes: ['WIPER'],
      sameCampaignIncidentIds: ['j4'],
      nearestIncidentDays: 0,
    });
  });

  it('measures the nearest incident from whole days before and after, open ends as overlapping', () => {
    const gap = (over: Partial<ProfileRow>) =>
      evidenceFromRows(incident, facts, [row('j', over)]).nearestIncidentDays;
    expect(gap({ start: '2021-01-01', end: '2022-02-14' })).toBe(10);
    expect(gap({ start: '2021-01-01', end: null })).toBe(0);
    expect(gap({ start: '2022-03-31' })).toBe(30);
    expect(gap({ start: '2024-03-01' })).toBe(731);
    const open = { ...incident, endDate: null };
    expect(
      evidenceFromRows(open, facts, [row('j', { start: '2030-01-01' })]).nearestIncidentDays,
    ).toBe(0);
  });

  it('has no gap, support or mean for an actor without other incidents', () => {
    expect(evidenceFromRows(incident, facts, [row('x')])).toMatchObject({
      otherIncidents: 0,
      supportingIncidents: 0,
      nearestIncidentDays: null,
      meanPriorConfidence: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { CandidateAnswer } from '../../web/src/views/attribution/candidate.js';
import { comparisonRows, evidenceItems } from '../../web/src/views/attribution/evidence-items.js';
import { changedFields, nextSteps } from '../../web/src/views/attribution/hypothesis-steps.js';
import {
  actorOfBar,
  factorsOf,
  scoreChartOption,
  scoreTable,
} from '../../web/src/views/attribution/score-chart.js';
import {
  attributionPath,
  comparisonProblem,
  withComparedToggled,
  withIncident,
  workbenchStateOf,
} from '../../web/src/views/attribution/workbench-address.js';

const component = (factor: string, value: number, weight: number, points: number) => ({
  factor,
  value,
  weight,
  points,
});

const apt28: CandidateAnswer = {
  rank: 1,
  score: 0.575,
  alreadyAttributed: false,
  actor: { key: 'apt28', name: 'APT28' },
  components: [
    component('SECTORS', 1, 0.2, 0.15),
    component('COUNTRIES', 1, 0.2, 0.15),
    component('CAMPAIGN', 1, 0.2, 0.15),
    component('TIME_PROXIMITY', 1, 0.1, 0.075),
    component('REPORTED_VICTIMOLOGY', 0.5, 0.1, 0.05),
  ],
  evidence: {
    sharedSectors: [{ key: 'energy', name: 'Energy' }],
    sharedCountries: [{ code: 'UA', name: 'Ukraine' }],
    sharedAttackTypes: [],
    nearestIncidentDays: 1,
    sameCampaignIncidents: [{ key: 'i-2', title: 'Second' }],
    reportedSectors: [],
    reportedCountries: [{ code: 'UA', name: 'Ukraine' }],
    supportingIncidents: 3,
    otherIncidents: 5,
    meanPriorConfidence: 50,
    confidenceFactor: 0.75,
  },
};

const sandworm: CandidateAnswer = {
  ...apt28,
  rank: 2,
  score: 0.3,
  actor: { key: 'sandworm', name: 'Sandworm' },
  components: [component('SECTORS', 1, 0.2, 0.2), component('ATTACK_TYPES', 0.5, 0.2, 0.1)],
  evidence: {
    ...apt28.evidence,
    sharedAttackTypes: ['WIPER'],
    nearestIncidentDays: null,
    meanPriorConfidence: null,
  },
};

describe('the candidate score chart', () => {
  it('stacks one series per factor, in the order the API gives them, best candidate on top', () => {
    expect(factorsOf([apt28, sandworm])).toEqual([
      'SECTORS',
      'COUNTRIES',
      'CAMPAIGN',
      'TIME_PROXIMITY',
      'REPORTED_VICTIMOLOGY',
      'ATTACK_TYPES',
    ]);
    const option = scoreChartOption([apt28, sandworm]);
    expect(option.yAxis).toMatchObject({ inverse: true, data: ['1. APT28', '2. Sandworm'] });
    const series = option.series as { name: string; stack: string; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual([
      'Sectors',
      'Countries',
      'Campaign',
      'Time proximity',
      'Reported victimology',
      'Attack types',
    ]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['score']));
    // A factor a candidate lacks adds nothing to its bar.
    expect(series[5]?.data).toEqual([
      { value: 0, actorKey: 'apt28' },
      { value: 0.1, actorKey: 'sandworm' },
    ]);
    // The segments of a bar add up to its score.
    const apt28Points = series.reduce((sum, s) => sum + (s.data[0] as { value: number }).value, 0);
    expect(apt28Points).toBeCloseTo(apt28.score, 9);
  });

  it('tables the same numbers, and a bar names its actor for a click', () => {
    const table = scoreTable([apt28, sandworm]);
    expect(table.columns).toEqual([
      'Actor',
      'Actor id',
      'Rank',
      'Score',
      'Sectors points',
      'Countries points',
      'Campaign points',
      'Time proximity points',
      'Reported victimology points',
      'Attack types points',
    ]);
    expect(table.rows).toEqual([
      ['APT28', 'apt28', 1, 0.575, 0.15, 0.15, 0.15, 0.075, 0.05, 0],
      ['Sandworm', 'sandworm', 2, 0.3, 0.2, 0, 0, 0, 0, 0.1],
    ]);
    expect(actorOfBar({ value: 1, actorKey: 'apt28' })).toBe('apt28');
    expect(actorOfBar(null)).toBeNull();
    expect(actorOfBar({ value: 1 })).toBeNull();
  });
});

describe('the evidence items', () => {
  it('list the score, every component and every piece of evidence, linking what they name', () => {
    const items = evidenceItems(apt28);
    expect(items.map((item) => item.label)).toEqual([
      'Rank',
      'Score',
      'Sectors (component)',
      'Countries (component)',
      'Campaign (component)',
      'Time proximity (component)',
      'Reported victimology (component)',
      'Shared sectors',
      'Shared countries',
      'Shared attack types',
      'Same-campaign incidents',
      'Nearest other incident',
      'Reported sectors',
      'Reported countries',
      'Supporting incidents',
      'Other incidents',
      'Mean prior confidence',
      'Confidence factor',
      'Already attributed',
    ]);
    const value = (label: string) => items.find((item) => item.label === label)?.value;
    expect(value('Score')).toEqual({ kind: 'text', text: '0.575' });
    expect(value('Reported victimology (component)')).toEqual({
      kind: 'text',
      text: '0.500 × 0.10 → 0.050 points',
    });
    expect(value('Shared countries')).toEqual({
      kind: 'links',
      links: [{ kind: 'country', key: 'UA', label: 'Ukraine' }],
    });
    expect(value('Same-campaign incidents')).toEqual({
      kind: 'links',
      links: [{ kind: 'incident', key: 'i-2', label: 'Second' }],
    });
    expect(value('Nearest other incident')).toEqual({ kind: 'text', text: '1 day' });
    expect(value('Shared attack types')).toEqual({ kind: 'text', text: 'none' });
    const other = evidenceItems(sandworm);
    expect(other.find((i) => i.label === 'Nearest other incident')?.value).toEqual({
      kind: 'text',
      text: 'none',
    });
    expect(other.find((i) => i.label === 'Mean prior confidence')?.value).toEqual({
      kind: 'text',
      text: 'none',
    });
  });

  it('compare two candidates row by row, marking where they differ and keeping every item', () => {
    const rows = comparisonRows(apt28, sandworm);
    const labels = rows.map((row) => row.label);
    expect(labels).toContain('Attack types (component)');
    expect(labels).toContain('Campaign (component)');
    expect(new Set(labels).size).toBe(labels.length);
    const row = (label: string) => rows.find((r) => r.label === label);
    expect(row('Shared countries')?.differs).toBe(false);
    expect(row('Score')).toMatchObject({
      left: { text: '0.575' },
      right: { text: '0.300' },
      differs: true,
    });
    expect(row('Campaign (component)')?.right).toEqual({ kind: 'text', text: '—' });
    expect(row('Attack types (component)')?.left).toEqual({ kind: 'text', text: '—' });
  });
});

describe('the workbench address', () => {
  it('reads the incident, the comparison and the page, and keeps at most two compared', () => {
    const params = new URLSearchParams(
      'incident=i-1&compare=a&compare=b&after=xyz&attackType=WIPER',
    );
    expect(workbenchStateOf(params)).toEqual({
      incident: 'i-1',
      compare: ['a', 'b'],
      after: 'xyz',
    });
    expect(workbenchStateOf(new URLSearchParams('incident=%20'))).toEqual({
      incident: null,
      compare: [],
      after: null,
    });
    const toggled = withComparedToggled(params, 'c');
    expect(toggled.getAll('compare')).toEqual(['b', 'c']);
    expect(withComparedToggled(toggled, 'b').getAll('compare')).toEqual(['c']);
    const other = withIncident(params, 'i-2');
    expect(other.toString()).toBe('incident=i-2&attackType=WIPER');
    expect(withIncident(params, null).toString()).toBe('attackType=WIPER');
    expect(attributionPath('2022 x')).toBe('/attribution?incident=2022+x');
  });

  it('says what is wrong with a comparison the address asks for', () => {
    const keys = ['a', 'b', 'c'];
    expect(comparisonProblem(['a', 'b'], keys)).toBeNull();
    expect(comparisonProblem(['a'], keys)).toBeNull();
    expect(comparisonProblem(['a', 'z'], keys)).toMatch(/Not among .*: z/);
    expect(comparisonProblem(['a', 'b', 'c'], keys)).toMatch(/Only two/);
    expect(comparisonProblem(['a', 'a'], keys)).toMatch(/two different/);
  });
});

describe('the hypothesis steps', () => {
  const open = {
    status: 'OPEN',
    promotedClaimId: null,
    evidenceIncidentKeys: [],
    savedSuggestions: 0,
  };

  it('go attach, support, promote, and stop once promoted', () => {
    expect(nextSteps(open, 'i-1')).toEqual(['attach', 'support']);
    const attached = { ...open, evidenceIncidentKeys: ['i-1'], savedSuggestions: 1 };
    expect(nextSteps(attached, 'i-1')).toEqual(['support']);
    expect(nextSteps({ ...attached, status: 'SUPPORTED' }, 'i-1')).toEqual(['promote']);
    expect(nextSteps({ ...attached, status: 'REFUTED' }, 'i-1')).toEqual(['support']);
    expect(nextSteps({ ...attached, status: 'SUPPORTED', promotedClaimId: 'c' }, 'i-1')).toEqual(
      [],
    );
  });

  it('describe an audit record by the fields it changed', () => {
    expect(changedFields(null, { status: 'OPEN', confidence: 60 })).toEqual([
      'status: OPEN',
      'confidence: 60',
    ]);
    expect(
      changedFields(
        { status: 'OPEN', version: 1, evidenceIncidentIds: [] },
        { status: 'SUPPORTED', version: 2, evidenceIncidentIds: ['i-1'] },
      ),
    ).toEqual(['status: OPEN → SUPPORTED', 'evidenceIncidentIds: 0 items → 1 item']);
    expect(changedFields({ version: 1 }, { version: 2 })).toEqual([]);
  });
});

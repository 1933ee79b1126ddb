import { describe, expect, it } from 'vitest';
import { distinctAliases } from '../../src/import/actor-identity.js';
import { impactOfProperties, impactProperties } from '../../src/import/impact-properties.js';
import type { ImpactRecord } from '../../src/import/records.js';

const impact: ImpactRecord = {
  categories: [
    { category: 'DISRUPTION', description: 'Portal down.' },
    { category: 'DATA', description: null },
  ],
  cyberIntensity: { unweighted: 4, weighted: 6.5, targetMultiplier: 'Critical infrastructure' },
  functional: 'Day (< 24h)',
  intelligence: null,
  political: [{ measure: 'affected_entities', level: 'Government' }],
  economic: 'Moderate',
  economicValue: { amount: 125000, currency: 'EUR' },
  casualties: null,
  sourceIds: ['src-a', 'src-a', 'src-b'],
};

/** Properties as a node stores them: absent values are not there at all. */
const stored = (value: ImpactRecord | null) =>
  Object.fromEntries(Object.entries(impactProperties(value)).filter(([, v]) => v !== null));

describe('an impact as incident properties', () => {
  it('reads back as it was written, sources without repeats', () => {
    expect(impactOfProperties(stored(impact))).toEqual({
      ...impact,
      sourceIds: ['src-a', 'src-b'],
    });
  });

  it('is no property at all when nothing is known, even with sources', () => {
    expect(stored(null)).toEqual({});
    const empty: ImpactRecord = {
      categories: [],
      cyberIntensity: { unweighted: null, weighted: null, targetMultiplier: null },
      functional: null,
      intelligence: null,
      political: [],
      economic: null,
      economicValue: null,
      casualties: null,
      sourceIds: ['src-a'],
    };
    expect(stored(empty)).toEqual({});
    expect(impactOfProperties({})).toBeNull();
  });

  it('keeps one entry per category, joining the descriptions of repeats', () => {
    const twice = impactProperties({
      ...impact,
      categories: [
        { category: 'DISRUPTION', description: 'Portal down.' },
        { category: 'DISRUPTION', description: 'Phones down.' },
        { category: 'DISRUPTION', description: 'Portal down.' },
      ],
    });
    expect(twice.impactCategories).toEqual(['DISRUPTION']);
    expect(twice.impactDescriptions).toEqual(['Portal down.\nPhones down.']);
  });

  it('reads a category outside the vocabulary, or a level without its measure, as absent', () => {
    expect(
      impactOfProperties({
        impactCategories: ['DATA', 'TELEPATHY'],
        politicalImpactMeasures: ['a', 'b'],
        politicalImpactLevels: ['1'],
      }),
    ).toMatchObject({
      categories: [{ category: 'DATA', description: null }],
      political: [{ measure: 'a', level: '1' }],
    });
  });
});

describe('distinctAliases', () => {
  it('keeps the first spelling of each alias regardless of case, never the name', () => {
    expect(
      distinctAliases('APT28', ['Fancy Bear', 'apt28', 'FANCY BEAR', 'Sofacy', 'sofacy']),
    ).toEqual(['Fancy Bear', 'Sofacy']);
  });
});

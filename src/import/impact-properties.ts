import { impactCategories, type ImpactCategory } from '../domain/vocabulary.js';
import type { ImpactRecord } from './records.js';

/**
 * An incident's impact as stored on its node. Neo4j properties cannot be maps, so the impact is
 * flattened into properties of `:Incident`, and a list of pairs into two aligned lists; a list
 * cannot hold null either, so a category without a description has "" in its place. A value not
 * known is absent (null here), so an incident without impact carries none of these properties.
 */
export interface ImpactProperties {
  impactCategories: ImpactCategory[] | null;
  impactDescriptions: string[] | null;
  cyberIntensityUnweighted: number | null;
  cyberIntensityWeighted: number | null;
  targetMultiplier: string | null;
  functionalImpact: string | null;
  intelligenceImpact: string | null;
  politicalImpactMeasures: string[] | null;
  politicalImpactLevels: string[] | null;
  economicImpact: string | null;
  economicImpactAmount: number | null;
  economicImpactCurrency: string | null;
  casualties: string | null;
  /** The sources the impact's values cite. */
  impactSourceIds: string[] | null;
}

export const impactPropertyNames = [
  'impactCategories',
  'impactDescriptions',
  'cyberIntensityUnweighted',
  'cyberIntensityWeighted',
  'targetMultiplier',
  'functionalImpact',
  'intelligenceImpact',
  'politicalImpactMeasures',
  'politicalImpactLevels',
  'economicImpact',
  'economicImpactAmount',
  'economicImpactCurrency',
  'casualties',
  'impactSourceIds',
] as const satisfies readonly (keyof ImpactProperties)[];

const listOrNull = <T>(values: T[]): T[] | null => (values.length > 0 ? values : null);

/** The impact as the incident's properties; every property null when there is none. */
export function impactProperties(impact: ImpactRecord | null): ImpactProperties {
  const categories = distinctCategories(impact?.categories ?? []);
  const intensity = impact?.cyberIntensity ?? null;
  const political = impact?.political ?? [];
  const known = impact !== null && !isEmptyImpact(impact);
  return {
    impactCategories: listOrNull(categories.map((c) => c.category)),
    impactDescriptions: listOrNull(categories.map((c) => c.description ?? '')),
    cyberIntensityUnweighted: intensity?.unweighted ?? null,
    cyberIntensityWeighted: intensity?.weighted ?? null,
    targetMultiplier: intensity?.targetMultiplier ?? null,
    functionalImpact: impact?.functional ?? null,
    intelligenceImpact: impact?.intelligence ?? null,
    politicalImpactMeasures: listOrNull(political.map((p) => p.measure)),
    politicalImpactLevels: listOrNull(political.map((p) => p.level)),
    economicImpact: impact?.economic ?? null,
    economicImpactAmount: impact?.economicValue?.amount ?? null,
    economicImpactCurrency: impact?.economicValue?.currency ?? null,
    casualties: impact?.casualties ?? null,
    // Sources cite values: with no value, there is nothing for them to cite.
    impactSourceIds: known ? listOrNull([...new Set(impact.sourceIds)]) : null,
  };
}

/**
 * The impact read back from an incident's stored properties (the inverse of impactProperties),
 * or null when it has none. Values of the wrong type are read as absent.
 */
export function impactOfProperties(props: Readonly<Record<string, unknown>>): ImpactRecord | null {
  const text = (key: string): string | null => (typeof props[key] === 'string' ? props[key] : null);
  const number = (key: string): number | null =>
    typeof props[key] === 'number' && Number.isFinite(props[key]) ? props[key] : null;
  const texts = (key: string): string[] =>
    Array.isArray(props[key]) ? props[key].filter((v) => typeof v === 'string') : [];
  const descriptions = texts('impactDescriptions');
  const levels = texts('politicalImpactLevels');
  const unweighted = number('cyberIntensityUnweighted');
  const weighted = number('cyberIntensityWeighted');
  const targetMultiplier = text('targetMultiplier');
  const amount = number('economicImpactAmount');
  const impact: ImpactRecord = {
    categories: texts('impactCategories')
      .filter(isImpactCategory)
      .map((category, i) => ({ category, description: descriptions[i] || null })),
    cyberIntensity:
      unweighted === null && weighted === null && targetMultiplier === null
        ? null
        : { unweighted, weighted, targetMultiplier },
    functional: text('functionalImpact'),
    intelligence: text('intelligenceImpact'),
    political: texts('politicalImpactMeasures').flatMap((measure, i) => {
      const level = levels[i];
      return level === undefined ? [] : [{ measure, level }];
    }),
    economic: text('economicImpact'),
    economicValue: amount === null ? null : { amount, currency: text('economicImpactCurrency') },
    casualties: text('casualties'),
    sourceIds: texts('impactSourceIds'),
  };
  return isEmptyImpact(impact) ? null : impact;
}

/** Whether an impact says nothing (its sources alone are not a value). */
export function isEmptyImpact(impact: ImpactRecord): boolean {
  return (
    impact.categories.length === 0 &&
    (impact.cyberIntensity === null ||
      Object.values(impact.cyberIntensity).every((v) => v === null)) &&
    impact.functional === null &&
    impact.intelligence === null &&
    impact.political.length === 0 &&
    impact.economic === null &&
    impact.economicValue === null &&
    impact.casualties === null
  );
}

const isImpactCategory = (value: string): value is ImpactCategory =>
  (impactCategories as readonly string[]).includes(value);

/**
 * One entry per category: a tracker that lists a category twice (two disruptions, each described)
 * keeps both descriptions, joined, under the one category.
 */
function distinctCategories(categories: ImpactRecord['categories']): ImpactRecord['categories'] {
  const byCategory = new Map<ImpactCategory, string[]>();
  for (const { category, description } of categories) {
    const descriptions = byCategory.get(category) ?? [];
    if (description && !descriptions.includes(description)) descriptions.push(description);
    byCategory.set(category, descriptions);
  }
  return [...byCategory].map(([category, descriptions]) => ({
    category,
    description: descriptions.length > 0 ? descriptions.join('\n') : null,
  }));
}

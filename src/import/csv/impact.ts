import type { ImpactCategory } from '../../domain/vocabulary.js';
import { isEmptyImpact } from '../impact-properties.js';
import type { ImpactRecord } from '../records.js';
import type { CsvRow } from './csv-row.js';
import type { CsvReaders } from './readers.js';

/**
 * The row's impact columns → the incident's impact, citing the row's sources; null when the row
 * says nothing of impact. The n-th description goes with the n-th category.
 */
export function readImpact(
  row: CsvRow,
  readers: CsvReaders['impact'],
  sourceIds: string[],
): ImpactRecord | null {
  const numberOf = (reader: CsvReaders['impact']['weightedIntensity']): number | null =>
    row.one(reader) ?? null;
  const textOf = (reader: CsvReaders['impact']['functional']): string | null =>
    row.text(reader) || null;
  const cyberIntensity = {
    unweighted: numberOf(readers.unweightedIntensity),
    weighted: numberOf(readers.weightedIntensity),
    targetMultiplier: textOf(readers.targetMultiplier),
  };
  const amount = numberOf(readers.economicValue);
  const impact: ImpactRecord = {
    categories: readCategories(row, readers),
    cyberIntensity: Object.values(cyberIntensity).some((v) => v !== null) ? cyberIntensity : null,
    functional: textOf(readers.functional),
    intelligence: textOf(readers.intelligence),
    political: readers.political.flatMap(({ measure, reader }) => {
      const level = row.text(reader);
      return level === '' ? [] : [{ measure, level }];
    }),
    economic: textOf(readers.economic),
    economicValue: amount === null ? null : { amount, currency: textOf(readers.economicCurrency) },
    casualties: textOf(readers.casualties),
    sourceIds,
  };
  return isEmptyImpact(impact) ? null : impact;
}

function readCategories(row: CsvRow, readers: CsvReaders['impact']): ImpactRecord['categories'] {
  const reader = readers.categories;
  if (!reader) return [];
  const values = row.everyValue(reader);
  const descriptions = readers.descriptions ? row.everyValue(readers.descriptions) : [];
  if (descriptions.length > values.length) {
    row.problem(
      readers.descriptions?.columns.join(', ') ?? 'descriptions',
      'more impact descriptions than impact categories to go with',
      `${descriptions.length} descriptions, ${values.length} categories`,
    );
    return [];
  }
  const categories = new Map<ImpactCategory, string | null>();
  values.forEach((value, i) => {
    const description = descriptions[i]?.text ?? null;
    for (const category of row.resolve(reader, [value]))
      if (!categories.has(category)) categories.set(category, description);
  });
  return [...categories].map(([category, description]) => ({ category, description }));
}

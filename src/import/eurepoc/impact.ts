import { isEmptyImpact } from '../impact-properties.js';
import type { ImpactRecord } from '../records.js';
import type { DropValue } from './cells.js';
import type { EurepocRow } from './eurepoc-files.js';
import type { EurepocVocabulary } from './eurepoc-vocabulary.js';
import { readValues } from './claims.js';

const POLITICAL = 'political_impact_';

/**
 * EuRepoC's impact coding → the incident's impact: cyber intensity (unweighted, weighted, the
 * target multiplier), functional, intelligence, political and economic impact levels, the exact
 * economic value with its currency, casualties, and impact categories from the incident types.
 * Every value cites the incident's sources. Null when the row codes none of it.
 */
export function impactOf(
  row: EurepocRow,
  incidentTypes: string[],
  sourceIds: string[],
  vocabulary: EurepocVocabulary,
  drop: DropValue,
): ImpactRecord | null {
  const text = (column: string): string | null => {
    const values = readValues(row, column, drop);
    return values.length > 0 ? values.join('; ') : null;
  };
  const number = (column: string): number | null => {
    const value = text(column);
    if (value === null) return null;
    const parsed = Number(value.replace(/,/g, ''));
    if (Number.isFinite(parsed)) return parsed;
    drop(column, 'not a number', value);
    return null;
  };
  const overall = text('impact_indicator');
  // EuRepoC's overall impact indicator sums the levels kept below; the record has no place for it.
  if (overall !== null)
    drop('impact_indicator', 'the overall impact level is not stored; its parts are', overall);

  const unweighted = number('unweighted_cyber_intensity');
  const weighted = number('weighted_cyber_intensity');
  const targetMultiplier = text('target_multiplier');
  const amount = number('economic_impact_exact_value');
  const currency = text('economic_impact_currency');
  if (amount === null && currency !== null)
    drop('economic_impact_currency', 'a currency without an amount', currency);
  const impact: ImpactRecord = {
    categories: categoriesOf(incidentTypes, vocabulary),
    cyberIntensity:
      unweighted === null && weighted === null && targetMultiplier === null
        ? null
        : { unweighted, weighted, targetMultiplier },
    functional: text('functional_impact'),
    intelligence: text('intelligence_impact'),
    political: row.cellsStartingWith(POLITICAL).flatMap(([column]) => {
      const level = text(column);
      return level === null ? [] : [{ measure: column.slice(POLITICAL.length), level }];
    }),
    economic: text('economic_impact'),
    economicValue: amount === null ? null : { amount, currency },
    casualties: text('casualties'),
    sourceIds,
  };
  return isEmptyImpact(impact) ? null : impact;
}

function categoriesOf(
  incidentTypes: string[],
  vocabulary: EurepocVocabulary,
): ImpactRecord['categories'] {
  const categories = incidentTypes.flatMap((type) => {
    const found = vocabulary.impactCategory(type);
    return found && 'value' in found ? [found.value] : [];
  });
  return [...new Set(categories)].map((category) => ({ category, description: null }));
}

// With their extension: the unit tests type-check these modules under the server's NodeNext resolution.
import { enumLabel } from '../components/labels.js';
import type { IncidentFilter } from '../gql/graphql.js';
import { valuesOf, withField, withListValue, type ListField } from './filter-edit.js';
import type { OptionNames } from './filter-options.js';

/** One condition in effect, as the bar shows it, and the filter without it. */
export interface FilterChip {
  /** Unique within the filter: the parameter and its value. */
  id: string;
  label: string;
  without: IncidentFilter;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** What each list field's chips say, and how a value is named. */
const listChips: readonly {
  field: ListField;
  title: string;
  name: (names: OptionNames, value: string) => string;
}[] = [
  { field: 'sectorIds', title: 'Sector', name: (n, v) => n.sectors.get(v) ?? v },
  { field: 'countryCodes', title: 'Affected', name: (n, v) => n.countries.get(v) ?? v },
  { field: 'regions', title: 'Region', name: (_n, v) => v },
  { field: 'originCountryCodes', title: 'Origin', name: (n, v) => n.countries.get(v) ?? v },
  { field: 'attackTypes', title: 'Attack type', name: (n, v) => n.attackTypes.get(v) ?? v },
  { field: 'attributionStatuses', title: 'Status', name: (_n, v) => enumLabel(v) },
  { field: 'datasetIds', title: 'Dataset', name: (n, v) => n.datasets.get(v) ?? v },
];

/**
 * Every condition of the filter as a chip, in the bar's order. A key the options do not know (a
 * hand-edited address) shows as itself: the API says whether it means anything.
 */
export function filterChips(filter: IncidentFilter, names: OptionNames): FilterChip[] {
  const chips: FilterChip[] = [];
  const single = (field: keyof IncidentFilter, label: string) => {
    chips.push({ id: field, label, without: withField(filter, field, undefined) });
  };
  if (filter.from) single('from', `From ${filter.from}`);
  if (filter.to) single('to', `To ${filter.to}`);
  for (const { field, title, name } of listChips)
    for (const value of valuesOf(filter, field))
      chips.push({
        id: `${field}:${value}`,
        label: `${title}: ${name(names, value)}`,
        without: withListValue(filter, field, value, false),
      });
  if (filter.minConfidence != null) single('minConfidence', `Confidence ≥ ${filter.minConfidence}`);
  if (filter.crossBorder != null)
    single('crossBorder', `Cross-border: ${yesNo(filter.crossBorder)}`);
  if (filter.attributed != null) single('attributed', `Attributed: ${yesNo(filter.attributed)}`);
  return chips;
}

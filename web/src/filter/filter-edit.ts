// With their extension: the unit tests type-check these modules under the server's NodeNext resolution.
import type { IncidentFilter } from '../gql/graphql.js';

/** The filter's fields that hold a list of values, each shown and removed on its own. */
export type ListField =
  | 'sectorIds'
  | 'countryCodes'
  | 'regions'
  | 'originCountryCodes'
  | 'attackTypes'
  | 'attributionStatuses'
  | 'datasetIds';

/** One value of a list field: a key, a code, a name or (for statuses) the API's enum value. */
export type ListValue<F extends ListField> = NonNullable<IncidentFilter[F]>[number];

/** The values a list field holds. */
export const valuesOf = <F extends ListField>(
  filter: IncidentFilter,
  field: F,
): readonly ListValue<F>[] => filter[field] ?? [];

/**
 * The filter with one field replaced. An absent value ('', an empty list, null) leaves the field
 * undefined, which the address does not carry: no parameter ever means "no condition".
 */
export function withField<K extends keyof IncidentFilter>(
  filter: IncidentFilter,
  field: K,
  value: IncidentFilter[K],
): IncidentFilter {
  return { ...filter, [field]: isAbsent(value) ? undefined : value };
}

const isAbsent = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** The filter with `value` added to or removed from a list field (never twice). */
export function withListValue<F extends ListField>(
  filter: IncidentFilter,
  field: F,
  value: ListValue<F>,
  included: boolean,
): IncidentFilter {
  const rest = valuesOf(filter, field).filter((v) => v !== value);
  const values = included ? [...rest, value] : rest;
  // ListValue<F>[] is IncidentFilter[F] for every list field; TypeScript does not carry the
  // indexed access through the generic field, so it is told.
  return withField(filter, field, values as IncidentFilter[F]);
}

/** A sector of the tree, as the sector picker knows it. */
export interface SectorBranch {
  key: string;
  /** Absent for a sub-sector. */
  subsectors?: readonly { key: string }[];
}

/**
 * The sectors chosen after ticking or unticking `sector`. A parent includes its sub-sectors on the
 * API's side, so ticking it drops the sub-sectors chosen one by one: the filter (and the chips)
 * then say once what is meant.
 */
export function sectorSelection(
  selected: readonly string[],
  sector: SectorBranch,
  included: boolean,
): string[] {
  const others = selected.filter((key) => key !== sector.key);
  if (!included) return others;
  const children = new Set((sector.subsectors ?? []).map((s) => s.key));
  return [...others.filter((key) => !children.has(key)), sector.key];
}

// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import type { FilterOptionsQuery } from '../gql/graphql.js';

/** What the bar offers to choose from (the FilterOptions query in FilterBar). */
export type FilterOptions = FilterOptionsQuery;

/** The names the bar shows for the keys and codes a filter holds. */
export interface OptionNames {
  sectors: ReadonlyMap<string, string>;
  countries: ReadonlyMap<string, string>;
  attackTypes: ReadonlyMap<string, string>;
  datasets: ReadonlyMap<string, string>;
}

const noNames: OptionNames = {
  sectors: new Map(),
  countries: new Map(),
  attackTypes: new Map(),
  datasets: new Map(),
};

/**
 * Names by key; until the options arrive, or when they fail (a failed request's `data` is null,
 * whatever its type says), the keys stand for themselves.
 */
export function optionNames(options: FilterOptions | null | undefined): OptionNames {
  if (options == null) return noNames;
  const sectors = options.sectors.flatMap((s) => [s, ...s.subsectors]);
  return {
    sectors: new Map(sectors.map((s) => [s.key, s.name])),
    countries: new Map(options.countries.map((c) => [c.code, c.name])),
    attackTypes: new Map(options.attackTypes.map((t) => [t.id, t.name])),
    datasets: new Map(options.datasets.map((d) => [d.key, d.name])),
  };
}

/** A country or region as the place pickers offer it, and the filter field it goes into. */
export interface Place {
  field: 'countryCodes' | 'regions' | 'originCountryCodes';
  /** What the filter holds: an alpha-2 code or a region's name. */
  value: string;
  /** What the analyst types or picks. */
  name: string;
  /** Shown beside the name in the suggestions. */
  hint: string;
}

/** Affected places: every country, then every region (`IncidentFilter.regions`). */
export function affectedPlaces(options: FilterOptions): Place[] {
  return [
    ...options.countries.map((c): Place => ({
      field: 'countryCodes',
      value: c.code,
      name: c.name,
      hint: c.code,
    })),
    ...options.regions.map((r): Place => ({
      field: 'regions',
      value: r.name,
      name: r.name,
      hint: 'region',
    })),
  ];
}

/** Origins are countries only: an actor originates from a state. */
export const originPlaces = (options: FilterOptions): Place[] =>
  options.countries.map((c) => ({
    field: 'originCountryCodes',
    value: c.code,
    name: c.name,
    hint: c.code,
  }));

/** The place a typed text names: its name or its code, in any case. */
export function placeNamed(places: readonly Place[], text: string): Place | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  return (
    places.find((p) => p.name.toLowerCase() === wanted) ??
    places.find((p) => p.field !== 'regions' && p.value.toLowerCase() === wanted)
  );
}

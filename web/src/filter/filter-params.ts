// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import type { AttributionStatus, IncidentFilter } from '../gql/graphql.js';

/**
 * The shared filter lives in the address's query string, so every view with a filter is a link
 * that can be shared, bookmarked and gone back to. Lists repeat their parameter
 * (`?sector=energy&sector=health`); the values are the API's own (`IncidentFilter`): nothing is
 * interpreted here beyond spelling.
 */
const listParams = {
  sectorIds: 'sector',
  countryCodes: 'country',
  regions: 'region',
  originCountryCodes: 'origin',
  attackTypes: 'attackType',
  datasetIds: 'dataset',
} as const;

type ListField = keyof typeof listParams;

export const attributionStatuses: readonly AttributionStatus[] = [
  'CLAIMED',
  'SUSPECTED',
  'ATTRIBUTED',
  'DISPUTED',
  'RETRACTED',
];

/** Every parameter the filter owns; views keep their own (`q`, `node`, …) beside them. */
export const filterParamNames: readonly string[] = [
  ...Object.values(listParams),
  'from',
  'to',
  'minConfidence',
  'status',
  'crossBorder',
  'attributed',
];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A day as the filter's `from` and `to` take it (YYYY-MM-DD). */
export const isDay = (value: string): boolean => datePattern.test(value);

const booleanOf = (value: string | null): boolean | undefined =>
  value === 'true' ? true : value === 'false' ? false : undefined;

/** A confidence as the filter takes it: a whole number from 0 to 100. */
export const confidenceOf = (value: string | null): number | undefined => {
  if (value === null || !/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 100 ? n : undefined;
};

const isStatus = (value: string): value is AttributionStatus =>
  (attributionStatuses as readonly string[]).includes(value);

/**
 * The IncidentFilter a query string names. Values the API would refuse by shape (a date that is
 * not YYYY-MM-DD, a confidence outside 0–100) are left out here rather than sent; the bar shows
 * what is in effect, so nothing is applied unseen.
 */
export function filterFromParams(params: URLSearchParams): IncidentFilter {
  const filter: IncidentFilter = {};
  for (const [field, name] of Object.entries(listParams) as [ListField, string][]) {
    const values = params.getAll(name).filter((v) => v !== '');
    if (values.length > 0) filter[field] = values;
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && isDay(from)) filter.from = from;
  if (to !== null && isDay(to)) filter.to = to;
  const minConfidence = confidenceOf(params.get('minConfidence'));
  if (minConfidence !== undefined) filter.minConfidence = minConfidence;
  const statuses = params.getAll('status').filter(isStatus);
  if (statuses.length > 0) filter.attributionStatuses = statuses;
  const crossBorder = booleanOf(params.get('crossBorder'));
  if (crossBorder !== undefined) filter.crossBorder = crossBorder;
  const attributed = booleanOf(params.get('attributed'));
  if (attributed !== undefined) filter.attributed = attributed;
  return filter;
}

/** The query string of a filter, keeping the parameters of `base` the filter does not own. */
export function paramsWithFilter(
  filter: IncidentFilter,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of filterParamNames) params.delete(name);
  for (const [field, name] of Object.entries(listParams) as [ListField, string][])
    for (const value of filter[field] ?? []) params.append(name, value);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.minConfidence != null) params.set('minConfidence', String(filter.minConfidence));
  for (const status of filter.attributionStatuses ?? []) params.append('status', status);
  if (filter.crossBorder != null) params.set('crossBorder', String(filter.crossBorder));
  if (filter.attributed != null) params.set('attributed', String(filter.attributed));
  return params;
}

/** Only the filter's parameters, for links that carry the filter to another view. */
export function filterQueryString(params: URLSearchParams): string {
  const kept = paramsWithFilter(filterFromParams(params)).toString();
  return kept === '' ? '' : `?${kept}`;
}

/** No condition: a field left undefined (see filter-edit's withField) is none. */
export const isEmptyFilter = (filter: IncidentFilter): boolean =>
  Object.values(filter).every((value: unknown) => value === undefined);

// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import type { AnalysisBasis } from '../../gql/graphql.js';

/**
 * The matrix's own view state, kept in the address beside the shared filter: how many actors
 * (`actors`) and sectors (`sectors`) it shows, how its rows and columns are sorted (`sort`), and
 * what links an actor to a sector (`basis`). A value the view does not know is named in a
 * message and replaced by the default, never sent to the API.
 */
export const axisSizes = [5, 10, 15, 20, 30] as const;
export const sortOrders = ['total', 'name'] as const;
export const analysisBases: readonly AnalysisBasis[] = [
  'INCIDENTS',
  'REPORTED_VICTIMOLOGY',
  'BOTH',
];

export type SortOrder = (typeof sortOrders)[number];

export interface MatrixSettings {
  topActors: number;
  topSectors: number;
  sort: SortOrder;
  basis: AnalysisBasis;
}

export const defaultMatrixSettings: MatrixSettings = {
  topActors: 10,
  topSectors: 10,
  sort: 'total',
  basis: 'INCIDENTS',
};

/** The view's parameters in the address. */
const paramOf: Record<keyof MatrixSettings, string> = {
  topActors: 'actors',
  topSectors: 'sectors',
  sort: 'sort',
  basis: 'basis',
};

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

function axisSize(params: URLSearchParams, name: string, problems: string[]): number | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const size = axisSizes.find((n) => String(n) === value);
  if (size === undefined)
    problems.push(
      `"${value}" is not a number of ${name} the matrix offers (${axisSizes.join(', ')}).`,
    );
  return size;
}

function choice<T extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
  problems: string[],
): T | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (isOneOf(values, value)) return value;
  problems.push(`"${value}" is not a ${name} the matrix knows (${values.join(', ')}).`);
  return undefined;
}

/** The settings the address names, and a sentence for each parameter it could not use. */
export function matrixSettingsOf(params: URLSearchParams): {
  settings: MatrixSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const settings: MatrixSettings = {
    topActors: axisSize(params, paramOf.topActors, problems) ?? defaultMatrixSettings.topActors,
    topSectors: axisSize(params, paramOf.topSectors, problems) ?? defaultMatrixSettings.topSectors,
    sort: choice(params, paramOf.sort, sortOrders, problems) ?? defaultMatrixSettings.sort,
    basis: choice(params, paramOf.basis, analysisBases, problems) ?? defaultMatrixSettings.basis,
  };
  return { settings, problems };
}

/** The address's parameters with one setting changed; the filter's and others' are kept. */
export function withMatrixSetting<K extends keyof MatrixSettings>(
  params: URLSearchParams,
  setting: K,
  value: MatrixSettings[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(paramOf[setting], String(value));
  return next;
}

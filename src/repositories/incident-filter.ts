import { fragment, param, where, type Fragment, type Selection } from '../db/cypher.js';
import {
  anchorMatch,
  anchorOf,
  startsFromClaims,
  type Anchor,
  type IncidentScope,
} from './incident-anchor.js';

export type { IncidentScope } from './incident-anchor.js';

/**
 * Turns the API's IncidentFilter into Cypher over an incident bound to `i`: one assembly point for
 * every list and count of incidents, so the same filter means the same thing everywhere. Values
 * always travel as parameters; the text assembled here is fixed per combination of conditions.
 */
export interface IncidentConditions {
  from?: string | null;
  to?: string | null;
  /** Already expanded to include sub-sectors. */
  sectorIds?: string[] | null;
  countryCodes?: string[] | null;
  originCountryCodes?: string[] | null;
  actorIds?: string[] | null;
  attackTypes?: string[] | null;
  minConfidence?: number | null;
  attributionStatuses?: string[] | null;
  crossBorder?: boolean | null;
  search?: string | null;
  /** Incidents brought by one of these datasets (keys). */
  datasetIds?: string[] | null;
  /** Already expanded: the regions' countries, and the regions with those inside them. */
  regions?: { countryCodes: string[]; names: string[] } | null;
  /** Whether a claim that is not retracted names an actor (with the other claim conditions). */
  attributed?: boolean | null;
  impactCategories?: string[] | null;
}

/**
 * Most values one list condition of a filter may hold. Each list travels to Cypher as a parameter
 * tested with `IN` for every candidate row, so its length multiplies the database's work: 100,000
 * ids cost seconds per request (the cost limit does not see lists inside an input object). No
 * honest filter names a thousand sectors, countries or actors.
 */
export const MAX_FILTER_VALUES = 1000;

const present = <T>(value: T[] | null | undefined): value is T[] =>
  Array.isArray(value) && value.length > 0;

const list = (value: readonly string[], hint: string) => param(value, hint);

/**
 * The incidents a filter selects, bound to `i`, within the parent `p` of a scope: reached from the
 * anchor (see anchorOf), then tested for every condition the anchor does not already guarantee.
 */
export function incidentsMatching(
  filter: IncidentConditions,
  scope?: IncidentScope | null,
): Selection {
  const anchor = anchorOf(filter, scope ?? null);
  const match = anchorMatch(anchor, filter, scope ?? null, anchorClaimConditions(filter, anchor));
  const conditions = [
    ...whereAndWhat(filter, anchor),
    ...scopeConditions(scope, anchor),
    ...provenanceConditionsOf(filter, anchor),
    ...attributionConditionsOf(filter, scope, anchor),
  ];
  return { match, conditions };
}

/** When the incident happened, what it targeted, where, and how. */
function whereAndWhat(filter: IncidentConditions, anchor: Anchor): Fragment[] {
  const conditions: Fragment[] = [];
  if (filter.from) conditions.push(fragment`i.endDate >= date(${param(filter.from, 'from')})`);
  if (filter.to) conditions.push(fragment`i.startDate <= date(${param(filter.to, 'to')})`);
  if (present(filter.sectorIds) && anchor.from !== 'sectorIds')
    conditions.push(
      fragment`EXISTS { (i)-[:TARGETED]->(s:Sector) WHERE s.id IN ${list(filter.sectorIds, 'sectorIds')} }`,
    );
  if (present(filter.countryCodes) && anchor.from !== 'countryCodes')
    conditions.push(
      fragment`EXISTS { (i)-[:AFFECTED]->(c:Country) WHERE c.iso2 IN ${list(filter.countryCodes, 'countryCodes')} }`,
    );
  if (present(filter.attackTypes))
    conditions.push(
      fragment`any(t IN i.attackTypes WHERE t IN ${list(filter.attackTypes, 'attackTypes')})`,
    );
  return conditions;
}

/** The parent `p` of a nested list, bound by `forEachParent`. */
const scopeFragments: Record<Exclude<IncidentScope, 'actor'>, Fragment> = {
  sector: fragment`EXISTS { (i)-[:TARGETED]->(s:Sector) WHERE s.id IN p.sectorIds }`,
  country: fragment`EXISTS { (i)-[:AFFECTED]->(:Country {iso2: p.id}) }`,
  campaign: fragment`EXISTS { (i)-[:PART_OF]->(:Campaign {id: p.id}) }`,
  organization: fragment`EXISTS { (i)-[:HIT]->(:Organization {id: p.id}) }`,
};

/** An actor's incidents are scoped through the claim (see claimConditionsOf). */
const scopeConditions = (scope: IncidentScope | null | undefined, anchor: Anchor): Fragment[] =>
  scope && scope !== 'actor' && anchor.from !== 'parent' ? [scopeFragments[scope]] : [];

/** Where an incident came from, where it happened beyond countries, and what it did. */
function provenanceConditionsOf(filter: IncidentConditions, anchor: Anchor): Fragment[] {
  const conditions: Fragment[] = [];
  if (present(filter.datasetIds) && anchor.from !== 'datasetIds')
    conditions.push(
      fragment`EXISTS { (i)-[:FROM_DATASET]->(d:Dataset) WHERE d.id IN ${list(filter.datasetIds, 'datasetIds')} }`,
    );
  if (filter.regions)
    // An affected country in a region, or a region the incident names instead of a country.
    conditions.push(
      fragment`(EXISTS { (i)-[:AFFECTED]->(c:Country) WHERE c.iso2 IN ${list(filter.regions.countryCodes, 'regionCountries')} } OR any(r IN coalesce(i.regions, []) WHERE toLower(r) IN ${list(filter.regions.names, 'regionNames')}))`,
    );
  if (present(filter.impactCategories))
    conditions.push(
      fragment`any(c IN coalesce(i.impactCategories, []) WHERE c IN ${list(filter.impactCategories, 'impactCategories')})`,
    );
  return conditions;
}

const CROSSES_BORDER = fragment`EXISTS { MATCH (a)-[:ORIGINATES_FROM]->(o:Country), (i)-[:AFFECTED]->(v:Country) WHERE o <> v }`;
const claimExists = (claim: readonly Fragment[]) =>
  fragment`EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claim)} }`;
const noClaimExists = (claim: readonly Fragment[]) => fragment`NOT ${claimExists(claim)}`;

/** What the filter asks of the incident's attribution claims, but what the anchor guarantees. */
function attributionConditionsOf(
  filter: IncidentConditions,
  scope: IncidentScope | null | undefined,
  anchor: Anchor,
): Fragment[] {
  const claim = claimConditionsOf(filter, scope);
  // Unattributed: no claim meets the claim conditions; crossBorder, which speaks of the attributed
  // actor, is refused with it before a filter gets here.
  if (filter.attributed === false) return [noClaimExists(claim)];
  // A claim anchor reached the incident through a qualifying claim, crossing a border if asked.
  const fromClaims = startsFromClaims(anchor);
  if (filter.crossBorder === true)
    return fromClaims ? [] : [claimExists([...claim, CROSSES_BORDER])];
  const qualifying = claim.length > 0 && !fromClaims ? [claimExists(claim)] : [];
  if (filter.crossBorder === false)
    // "None of the qualifying claims crosses a border": unattributed incidents included.
    return [noClaimExists([...claim, CROSSES_BORDER]), ...qualifying];
  return qualifying;
}

/**
 * What a claim anchor tests on the claim it starts from: the claim conditions, crossing a border
 * if asked, but the actor the anchor starts from (the parent, or one of the filter's actors).
 */
function anchorClaimConditions(filter: IncidentConditions, anchor: Anchor): Fragment[] {
  if (!startsFromClaims(anchor)) return [];
  const conditions = [
    ...(anchor.from === 'actorIds' ? [] : actorIdsConditionOf(filter)),
    ...originConditionOf(filter),
    ...claimOnlyConditionsOf(filter),
  ];
  return filter.crossBorder === true ? [...conditions, CROSSES_BORDER] : conditions;
}

const actorIdsConditionOf = (filter: IncidentConditions): Fragment[] =>
  present(filter.actorIds) ? [fragment`a.id IN ${list(filter.actorIds, 'actorIds')}`] : [];

const originConditionOf = (filter: IncidentConditions): Fragment[] =>
  present(filter.originCountryCodes)
    ? [
        fragment`EXISTS { (a)-[:ORIGINATES_FROM]->(o:Country) WHERE o.iso2 IN ${list(filter.originCountryCodes, 'originCountryCodes')} }`,
      ]
    : [];

/** Conditions on the actor `a` alone: which actors, from where. */
export const actorConditionsOf = (filter: IncidentConditions): Fragment[] => [
  ...actorIdsConditionOf(filter),
  ...originConditionOf(filter),
];

const LIVE = fragment`r.status <> 'RETRACTED'`;

/** Conditions on the claim `r` itself: how confident, in what status, standing or not. */
function claimOnlyConditionsOf(filter: IncidentConditions): Fragment[] {
  const conditions: Fragment[] = [];
  if (typeof filter.minConfidence === 'number')
    conditions.push(fragment`r.confidence >= ${param(filter.minConfidence, 'minConfidence')}`);
  if (present(filter.attributionStatuses))
    conditions.push(
      fragment`r.status IN ${list(filter.attributionStatuses, 'attributionStatuses')}`,
    );
  if (typeof filter.attributed === 'boolean') conditions.push(LIVE);
  return conditions;
}

/** Conditions that must hold for one and the same attribution claim `r` to actor `a`. */
export const claimConditionsOf = (
  filter: IncidentConditions,
  scope?: IncidentScope | null,
): Fragment[] => [
  ...actorConditionsOf(filter),
  ...(scope === 'actor' ? [fragment`a.id = p.id`] : []),
  ...claimOnlyConditionsOf(filter),
];

import {
  EMPTY,
  fragment,
  param,
  statement,
  trusted,
  where,
  type Fragment,
  type Statement,
} from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import { incidentsMatching, type IncidentConditions } from './incident-filter.js';
import { keysetPage, type KeysetPage } from './keyset.js';

/*
 * What an export reads, one kind at a time and in batches ordered by key, so that memory stays
 * flat however large the graph: each batch starts after the last key of the one before. Rows are
 * what the graph holds, typed as such: a property or the far end of a link may be missing or of
 * any type (the database enforces keys, not shapes), so everything past the key is `unknown`,
 * for the export to check.
 */

/** A node's or relationship's properties, as stored. */
export type Props = Record<string, unknown>;

/** A source a claim or tie cites by id, with its URL (null when no such source exists). */
export interface CitationRow {
  id: unknown;
  url: unknown;
}

/** The far end of a link, as its key and name (null where missing). */
export interface NamedRow {
  id: unknown;
  name: unknown;
}

export interface IncidentRow {
  key: string;
  props: Props;
  sectorIds: unknown[];
  countries: { iso2: unknown; primary: unknown }[];
  organizations: NamedRow[];
  /** Every campaign the incident is part of (the model has at most one). */
  campaigns: NamedRow[];
  sources: CitationRow[];
  claims: ClaimRow[];
  /** The sources the incident's measured impact cites. */
  impactSources: CitationRow[];
}

/** A claim that an actor is behind an incident or campaign. */
export interface ClaimRow {
  props: Props;
  actor: NamedRow;
  sources: CitationRow[];
}

export interface TieRow {
  /** A country's alpha-2 code, or a sector's id. */
  target: unknown;
  confidence: unknown;
  sources: CitationRow[];
}

export interface ActorRow {
  key: string;
  props: Props;
  origins: TieRow[];
  sponsors: TieRow[];
  affiliations: { actor: NamedRow; kind: unknown }[];
  targetSectors: TieRow[];
  targetCountries: TieRow[];
}

export interface OrganizationRow {
  key: string;
  props: Props;
  sectorIds: unknown[];
  /** Every country it is located in (the model has at most one). */
  countries: unknown[];
}

export interface EntityRow {
  key: string;
  props: Props;
}

/** One batch of an export's rows of one kind, in key order, from the position the page names. */
export type BatchStatement<Row> = (page: KeysetPage) => Statement<Row>;

const citations = (list: Fragment) =>
  fragment`[sid IN coalesce(${list}, []) | {id: sid, url: COLLECT { MATCH (src:Source {id: sid}) RETURN src.url }[0]}]`;

/** The claims about who is behind incident or campaign `n`. */
const claimsOf = (n: Fragment) =>
  fragment`COLLECT { MATCH (${n})-[r:ATTRIBUTED_TO]->(a:Actor)
                 RETURN {props: properties(r), actor: {id: a.id, name: a.name}, sources: ${citations(fragment`r.sourceIds`)}}
                 ORDER BY a.id, r.claimedBy }`;

/** Rows in the order of the key of the node `node`. */
const byKeyOf = (node: Fragment, page: KeysetPage) =>
  keysetPage([{ by: fragment`${node}.id`, direction: 'ASC' }], page);

/** Incidents passing the filter, with their links and claims. */
export function incidentBatches(filter: IncidentConditions): BatchStatement<IncidentRow> {
  const { match, conditions } = incidentsMatching(filter);
  return (page) => {
    const keyset = byKeyOf(fragment`i`, page);
    return statement(
      'export:incidents',
      fragment`${match}
     ${where([...conditions, keyset.after])}
     WITH i ${keyset.orderBy} ${keyset.limit}
     RETURN i.id AS key, properties(i) AS props,
       COLLECT { MATCH (i)-[:TARGETED]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
       COLLECT { MATCH (i)-[r:AFFECTED]->(c:Country) RETURN {iso2: c.iso2, primary: coalesce(r.primary, false)} ORDER BY c.iso2 } AS countries,
       COLLECT { MATCH (i)-[:HIT]->(o:Organization) RETURN {id: o.id, name: o.name} ORDER BY o.id } AS organizations,
       COLLECT { MATCH (i)-[:PART_OF]->(k:Campaign) RETURN {id: k.id, name: k.name} ORDER BY k.id } AS campaigns,
       COLLECT { MATCH (i)-[:REPORTED_BY]->(s:Source) RETURN {id: s.id, url: s.url} ORDER BY s.url } AS sources,
       ${claimsOf(fragment`i`)} AS claims,
       ${citations(fragment`i.impactSourceIds`)} AS impactSources`,
    );
  };
}

/**
 * Entities of one kind (`label`, from the model's allow-list) with `columns` beyond key and
 * properties: all of them, or only those whose key is in `only`.
 */
const entityBatches =
  <Row extends EntityRow>(name: string, label: string, columns: Fragment) =>
  (only: readonly string[] | null): BatchStatement<Row> =>
  (page) => {
    const keyset = byKeyOf(fragment`n`, page);
    const scope = only === null ? [] : [fragment`n.id IN ${param(only, 'only')}`];
    return statement(
      `export:${name}`,
      fragment`MATCH (n:${trusted(label)}) ${where([...scope, keyset.after])}
     WITH n ${keyset.orderBy} ${keyset.limit}
     RETURN n.id AS key, properties(n) AS props${columns}`,
    );
  };

export const sourceBatches = entityBatches<EntityRow>('sources', 'Source', EMPTY);
export interface CampaignRow extends EntityRow {
  claims: ClaimRow[];
}

export const campaignBatches = entityBatches<CampaignRow>(
  'campaigns',
  'Campaign',
  fragment`, ${claimsOf(fragment`n`)} AS claims`,
);
export const organizationBatches = entityBatches<OrganizationRow>(
  'organizations',
  'Organization',
  fragment`, COLLECT { MATCH (n)-[:IN_SECTOR]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
     COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.iso2 ORDER BY c.iso2 } AS countries`,
);
/** Ties to nodes of one label: `(n)-[r:type]->(t:label)`, the target named by `key`. */
const ties = (type: string, label: string, key: string, order: Fragment) =>
  fragment`COLLECT { MATCH (n)-[r:${trusted(type)}]->(t:${trusted(label)})
     RETURN {target: t.${trusted(key)}, confidence: r.confidence, sources: ${citations(fragment`r.sourceIds`)}}
     ORDER BY ${order} }`;
export const actorBatches = entityBatches<ActorRow>(
  'actors',
  'Actor',
  fragment`, ${ties('ORIGINATES_FROM', 'Country', 'iso2', fragment`r.confidence DESC, t.iso2`)} AS origins,
     ${ties('SPONSORED_BY', 'Country', 'iso2', fragment`r.confidence DESC, t.iso2`)} AS sponsors,
     COLLECT { MATCH (n)-[r:AFFILIATED_WITH]->(b:Actor) RETURN {actor: {id: b.id, name: b.name}, kind: r.kind} ORDER BY b.id } AS affiliations,
     ${ties('TARGETS', 'Sector', 'id', fragment`t.id`)} AS targetSectors,
     ${ties('TARGETS', 'Country', 'iso2', fragment`t.iso2`)} AS targetCountries`,
);

/**
 * A kind's rows a batch of `size` at a time, each batch starting after the last key of the one
 * before; the one row a page reads beyond `size` tells whether another batch follows.
 */
export async function* batchesOf<Row extends { key: string }>(
  executor: Executor,
  batchAt: BatchStatement<Row>,
  size: number,
): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const built = batchAt({ first: size, after: after === null ? null : [after] });
    const rows = await executor.read(built.query, built.params);
    const batch = rows.slice(0, size);
    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (!last || rows.length <= size) return;
    after = last.key;
  }
}

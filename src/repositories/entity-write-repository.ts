import { cypher } from '../db/database.js';
import { CREATE_CHANGE } from './change-repository.js';
import { createUnlessTaken, lockIfStillThere } from './write-lock.js';

/** The node types the API edits as whole entities. */
export type EditableLabel = 'Actor' | 'Campaign' | 'Organization' | 'Source' | 'Incident';

/** Stored properties, as the entity's edit reads and writes them. */
export type EntityProps = Record<string, unknown> & { id: string; version?: number | null };
/** The entity's own links, replaced as a whole by an edit (e.g. an organization's sectors). */
export type EntityLinks = Record<string, unknown>;

interface LabelSchema {
  /** Properties stored as Neo4j dates (the rest as given). */
  dates: string[];
  /** Cypher counting what still points at `n`, so deleting it would leave claims or incidents dangling. */
  dependents: string;
  /** Cypher reading `n`'s links as a map. */
  readLinks: string;
  /** Cypher replacing `n`'s links with `$links`. */
  writeLinks: string;
}

const noLinks = { readLinks: '{}', writeLinks: '' };

/**
 * Per label, what differs between entities; labels come from this allow-list only. A source is
 * cited by incidents and by the sources lists of claims, origins, sponsors and victimology.
 */
const schemas: Record<EditableLabel, LabelSchema> = {
  Actor: {
    dates: [],
    dependents:
      'COUNT { (:Incident|Campaign)-[:ATTRIBUTED_TO]->(n) } + COUNT { (:Hypothesis)-[:SUGGESTS]->(n) }',
    ...noLinks,
  },
  Campaign: {
    dates: ['startDate', 'endDate'],
    // Deleting a campaign takes the claims about who ran it with it, as an incident's do.
    dependents: 'COUNT { (:Incident)-[:PART_OF]->(n) }',
    ...noLinks,
  },
  Organization: {
    dates: [],
    dependents: 'COUNT { (:Incident)-[:HIT]->(n) }',
    readLinks: `{sectorIds: COLLECT { MATCH (n)-[:IN_SECTOR]->(s:Sector) RETURN s.id ORDER BY s.id },
      country: COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.iso2 }[0]}`,
    writeLinks: `WITH n
   CALL (n) { MATCH (n)-[r:IN_SECTOR|LOCATED_IN]->() DELETE r }
   CALL (n) { UNWIND $links.sectorIds AS sid MATCH (s:Sector {id: sid}) CREATE (n)-[:IN_SECTOR]->(s) }
   CALL (n) {
     UNWIND CASE WHEN $links.country IS NULL THEN [] ELSE [$links.country] END AS code
     MATCH (c:Country {iso2: code}) CREATE (n)-[:LOCATED_IN]->(c)
   }`,
  },
  Incident: {
    dates: ['startDate', 'endDate'],
    // Deleting an incident (admin only) takes its claims with it; the audit record keeps them.
    // Hypotheses about it are a researcher's work and are not deleted with it.
    dependents: 'COUNT { (:Hypothesis)-[:ABOUT]->(n) }',
    readLinks: `{sectorIds: COLLECT { MATCH (n)-[:TARGETED]->(s:Sector) RETURN s.id ORDER BY s.id },
      countries: COLLECT { MATCH (n)-[r:AFFECTED]->(c:Country) RETURN {iso2: c.iso2, primary: coalesce(r.primary, false)} ORDER BY c.iso2 },
      organizationIds: COLLECT { MATCH (n)-[:HIT]->(o:Organization) RETURN o.id ORDER BY o.id },
      campaignId: COLLECT { MATCH (n)-[:PART_OF]->(k:Campaign) RETURN k.id }[0],
      sourceUrls: COLLECT { MATCH (n)-[:REPORTED_BY]->(s:Source) RETURN s.url ORDER BY s.url },
      claims: COLLECT { MATCH (n)-[r:ATTRIBUTED_TO]->(a:Actor) RETURN r {.*, actorId: a.id} ORDER BY a.id, r.id }}`,
    writeLinks: `WITH n
   CALL (n) { MATCH (n)-[r:TARGETED|AFFECTED|HIT|PART_OF|REPORTED_BY]->() DELETE r }
   CALL (n) { UNWIND $links.sectorIds AS id MATCH (s:Sector {id: id}) CREATE (n)-[:TARGETED]->(s) }
   CALL (n) {
     UNWIND $links.countries AS c MATCH (k:Country {iso2: c.iso2}) CREATE (n)-[:AFFECTED {primary: c.primary}]->(k)
   }
   CALL (n) { UNWIND $links.organizationIds AS id MATCH (o:Organization {id: id}) CREATE (n)-[:HIT]->(o) }
   CALL (n) {
     UNWIND CASE WHEN $links.campaignId IS NULL THEN [] ELSE [$links.campaignId] END AS id
     MATCH (k:Campaign {id: id}) CREATE (n)-[:PART_OF]->(k)
   }
   CALL (n) { UNWIND $links.sourceIds AS id MATCH (s:Source {id: id}) CREATE (n)-[:REPORTED_BY]->(s) }`,
  },
  Source: {
    dates: [],
    dependents: `COUNT { (:Incident)-[:REPORTED_BY]->(n) } + COUNT { (:Hypothesis)-[:EVIDENCE]->(n) }
      + COUNT { ()-[r:ATTRIBUTED_TO|ORIGINATES_FROM|SPONSORED_BY|TARGETS]->() WHERE n.id IN r.sourceIds }
      + COUNT { (i:Incident) WHERE n.id IN i.impactSourceIds }`,
    ...noLinks,
  },
};

const setDates = (label: EditableLabel) =>
  schemas[label].dates
    .map((p) => `SET n.${p} = CASE WHEN $props.${p} IS NULL THEN null ELSE date($props.${p}) END`)
    .join('\n   ');

/** Cypher reading `n`'s own links as a map, as an edit and its audit record see them. */
export const readLinksOf = (label: EditableLabel): string => schemas[label].readLinks;

export interface EntityForEdit {
  props: EntityProps;
  links: EntityLinks;
  dependents: number;
}

/**
 * Takes the entity's write lock, then reads it: what an edit compares its version with, and what a
 * deletion counts and records, is what the write then changes (see write-lock.ts).
 */
const lockForEdit = (label: EditableLabel) =>
  cypher<EntityForEdit>(
    `${label}:lockForEdit`,
    `MATCH (n:${label} {id: $id})
     ${lockIfStillThere('n', '$id')}
     RETURN properties(n) AS props, ${schemas[label].readLinks} AS links, ${schemas[label].dependents} AS dependents`,
  );

/** Creates the entity unless the key is taken (then no row: the caller says CONFLICT). */
const create = (label: EditableLabel) =>
  cypher<{ node: EntityProps }>(
    `${label}:create`,
    `${createUnlessTaken('n', label, '$props.id')}
   SET n = $props
   ${setDates(label)}
   ${schemas[label].writeLinks}
   WITH n
   ${CREATE_CHANGE}
   RETURN n {.*} AS node`,
  );

/** Replaces properties and links; the caller holds the lock and has compared the version. */
const update = (label: EditableLabel) =>
  cypher<{ node: EntityProps }>(
    `${label}:update`,
    `MATCH (n:${label} {id: $id})
   SET n = $props
   ${setDates(label)}
   ${schemas[label].writeLinks}
   WITH n
   ${CREATE_CHANGE}
   RETURN n {.*} AS node`,
  );

/** Deletes the entity and its own links; the caller holds the lock and found nothing depending on it. */
const remove = (label: EditableLabel) =>
  cypher<{ changeId: string }>(
    `${label}:delete`,
    `MATCH (n:${label} {id: $id})
   DETACH DELETE n
   WITH 1 AS done
   ${CREATE_CHANGE}
   RETURN ch.id AS changeId`,
  );

const build = <T>(make: (label: EditableLabel) => T): Record<EditableLabel, T> => ({
  Actor: make('Actor'),
  Campaign: make('Campaign'),
  Organization: make('Organization'),
  Source: make('Source'),
  Incident: make('Incident'),
});

export const LOCK_ENTITY_FOR_EDIT = build(lockForEdit);
export const CREATE_ENTITY = build(create);
export const UPDATE_ENTITY = build(update);
export const DELETE_ENTITY = build(remove);

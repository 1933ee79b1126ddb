import type { AttributionRecord, IncidentRecord } from '../../src/import/records.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { countBy, parentSector, sectorFamily, seeds } from './entity-pages.js';

/*
 * What the overview, the filter bar and search must show, worked out from the seed files (through
 * the seed records entity-pages.ts reads), never from the API: the counts `stats` and the top
 * lists give for a set of incidents, and what a full-text search finds.
 */

const taxonomy = loadTaxonomy();

/** The sector tree's top level, each with its sub-sectors, as the filter bar lists it. */
export const topLevelSectors = taxonomy.sectors
  .filter((s) => s.parentId === null)
  .map((s) => ({
    id: s.id,
    name: s.name,
    subsectors: taxonomy.sectors.filter((sub) => sub.parentId === s.id),
  }));

/** The filter's sector condition: the sector or one of its sub-sectors was hit. */
export const hitsSector = (id: string) => {
  const family = sectorFamily(id);
  return (incident: IncidentRecord): boolean => incident.sectorIds.some((s) => family.has(s));
};

export const affects =
  (code: string) =>
  (incident: IncidentRecord): boolean =>
    incident.countries.some((c) => c.iso2 === code);

/** The filter's claim conditions, which one and the same claim must meet. */
export const hasClaim =
  (passes: (claim: AttributionRecord) => boolean) =>
  (incident: IncidentRecord): boolean =>
    incident.attributions.some(passes);

/** The latest incidents as the API orders them: by first day, then key, both descending. */
export const latestFirst = (incidents: readonly IncidentRecord[]): IncidentRecord[] =>
  [...incidents].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id));

export interface ExpectedStats {
  incidents: number;
  actors: number;
  sectors: number;
  countriesAffected: number;
  attributedIncidents: number;
  unattributedIncidents: number;
}

/**
 * `stats` of the incidents a filter keeps, counting the claims that pass `claimPasses` (every
 * claim when the filter has no claim condition). The seeds hold no retracted claim.
 */
export function expectedStats(
  incidents: readonly IncidentRecord[],
  claimPasses: (claim: AttributionRecord) => boolean = () => true,
): ExpectedStats {
  const claims = incidents.map((i) => i.attributions.filter(claimPasses));
  const attributed = claims.filter((c) => c.length > 0).length;
  return {
    incidents: incidents.length,
    actors: new Set(claims.flat().map((c) => c.actorId)).size,
    sectors: new Set(incidents.flatMap((i) => i.sectorIds)).size,
    countriesAffected: new Set(incidents.flatMap(countriesOf)).size,
    attributedIncidents: attributed,
    unattributedIncidents: incidents.length - attributed,
  };
}

/** The top lists' order: most incidents first, ties by key. */
export const busiest = (
  incidents: IncidentRecord[],
  keysOf: (incident: IncidentRecord) => string[],
): { key: string; incidentCount: number }[] =>
  [...countBy(incidents, keysOf)]
    .map(([key, incidentCount]) => ({ key, incidentCount }))
    .sort((a, b) => b.incidentCount - a.incidentCount || (a.key < b.key ? -1 : 1));

/** What the top lists count per incident: its actors, top-level sectors, affected countries. */
export const actorsOf = (incident: IncidentRecord): string[] =>
  incident.attributions.map((c) => c.actorId);
export const topLevelSectorsOf = (incident: IncidentRecord): string[] =>
  incident.sectorIds.map((id) => parentSector(id) ?? id);
export const countriesOf = (incident: IncidentRecord): string[] =>
  incident.countries.map((c) => c.iso2);

/**
 * Lucene's standard tokens, near enough for plain words: lower-case runs of letters and digits
 * (an apostrophe inside a word kept, as the tokenizer keeps it).
 */
const tokens = (text: string): string[] =>
  text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];

/** The full-text search: every word of `text` starts a token of one of the fields. */
const matchesSearch = (text: string, fields: readonly (string | null)[]): boolean => {
  const found = fields.flatMap((field) => tokens(field ?? ''));
  return tokens(text).every((word) => found.some((token) => token.startsWith(word)));
};

/** The actors whose name or an alias the search finds. */
export const actorsMatching = (text: string) =>
  seeds.actors.filter((actor) => matchesSearch(text, [actor.name, ...actor.aliases]));

/** The incidents whose title or description the search finds. */
export const incidentsMatching = (text: string) =>
  seeds.incidents.filter((incident) => matchesSearch(text, [incident.title, incident.description]));

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

/**
 * What the browser tests expect, read from the seed files themselves (never from the API): the
 * incidents and actors of `seeds/dataset/*.json` and the sector tree of `seeds/taxonomy`, with
 * the few rules the import applies to them (a date's period, a parent sector's sub-sectors).
 */
export interface SeedClaim {
  actor: string;
  confidence: number;
  status: string;
}

export interface SeedIncident {
  id: string;
  title: string;
  description: string;
  /** As written: 2022, 2022-02 or 2022-02-24. */
  startDate: string;
  endDate?: string;
  attackTypes: string[];
  sectors: string[];
  countries: { country: string }[];
  attributions: SeedClaim[];
}

export interface SeedActor {
  id: string;
  name: string;
  aliases: string[];
  type: string;
  origin?: { country: string };
}

export interface SeedSector {
  id: string;
  name: string;
  subsectors?: SeedSector[];
}

interface SeedFile {
  incidents: SeedIncident[];
  actors: SeedActor[];
}

const datasetDir = path.join(projectRoot, 'seeds', 'dataset');
const files = readdirSync(datasetDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(datasetDir, name), 'utf8')) as SeedFile);

export const seedIncidents: readonly SeedIncident[] = files.flatMap((file) => file.incidents);
export const seedActors: readonly SeedActor[] = files.flatMap((file) => file.actors);
export const seedSectors: readonly SeedSector[] = (
  JSON.parse(readFileSync(path.join(projectRoot, 'seeds', 'taxonomy', 'sectors.json'), 'utf8')) as {
    sectors: SeedSector[];
  }
).sectors;

export function seedActor(id: string): SeedActor {
  const actor = seedActors.find((a) => a.id === id);
  if (!actor) throw new Error(`the seeds have no actor ${id}`);
  return actor;
}

export function seedSector(id: string): SeedSector {
  const sector = seedSectors.flatMap((s) => [s, ...(s.subsectors ?? [])]).find((s) => s.id === id);
  if (!sector) throw new Error(`the taxonomy has no sector ${id}`);
  return sector;
}

/** The first and last day a partial date covers. */
function period(date: string): { first: string; last: string } {
  const [year = '', month, day] = date.split('-');
  if (day !== undefined) return { first: date, last: date };
  if (month !== undefined) {
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { first: `${date}-01`, last: `${date}-${String(lastDay).padStart(2, '0')}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** The first day of the incident's period: what incidents are sorted by. */
export const startDay = (incident: SeedIncident): string => period(incident.startDate).first;

/** The last day covered: the end's, or the start's when no end is known. */
export const endDay = (incident: SeedIncident): string =>
  period(incident.endDate ?? incident.startDate).last;

/** The filter's date condition: the incident's period overlaps [from, to]. */
export const overlaps =
  (from: string | undefined, to: string | undefined) =>
  (incident: SeedIncident): boolean =>
    (from === undefined || endDay(incident) >= from) &&
    (to === undefined || startDay(incident) <= to);

/** The filter's sector condition: the sector or one of its sub-sectors was hit. */
export const hitsSector = (id: string) => {
  const sector = seedSector(id);
  const keys = new Set([sector.id, ...(sector.subsectors ?? []).map((s) => s.id)]);
  return (incident: SeedIncident): boolean => incident.sectors.some((s) => keys.has(s));
};

/** The latest incidents as the API orders them: by start day, then key, both descending. */
export const latestFirst = (incidents: readonly SeedIncident[]): SeedIncident[] =>
  [...incidents].sort((a, b) => startDay(b).localeCompare(startDay(a)) || b.id.localeCompare(a.id));

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
  incidents: readonly SeedIncident[],
  claimPasses: (claim: SeedClaim) => boolean = () => true,
): ExpectedStats {
  const claims = incidents.map((i) => i.attributions.filter(claimPasses));
  const attributed = claims.filter((c) => c.length > 0).length;
  return {
    incidents: incidents.length,
    actors: new Set(claims.flat().map((c) => c.actor)).size,
    sectors: new Set(incidents.flatMap((i) => i.sectors)).size,
    countriesAffected: new Set(incidents.flatMap((i) => i.countries.map((c) => c.country))).size,
    attributedIncidents: attributed,
    unattributedIncidents: incidents.length - attributed,
  };
}

/**
 * Lucene's standard tokens, near enough for plain words: lower-case runs of letters and digits
 * (an apostrophe inside a word kept, as the tokenizer keeps it).
 */
const tokens = (text: string): string[] =>
  text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];

/** The full-text search: every word of `text` starts a token of one of the fields. */
export const matchesSearch =
  (text: string) =>
  (...fields: string[]): boolean => {
    const words = tokens(text);
    const found = fields.flatMap(tokens);
    return words.every((word) => found.some((token) => token.startsWith(word)));
  };

/** The top-level sector a sector lies in (itself when it is one). */
export function topLevelSectorOf(id: string): string {
  const parent = seedSectors.find(
    (s) => s.id === id || (s.subsectors ?? []).some((sub) => sub.id === id),
  );
  if (!parent) throw new Error(`the taxonomy has no sector ${id}`);
  return parent.id;
}

/**
 * The busiest-first counts the top lists give: incidents per key (each incident once per key),
 * most first, ties by key.
 */
export function busiest(
  incidents: readonly SeedIncident[],
  keysOf: (incident: SeedIncident) => readonly string[],
): { key: string; incidentCount: number }[] {
  const counts = new Map<string, number>();
  for (const incident of incidents)
    for (const key of new Set(keysOf(incident))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, incidentCount]) => ({ key, incidentCount }))
    .sort((a, b) => b.incidentCount - a.incidentCount || (a.key < b.key ? -1 : 1));
}

/** What the top lists count per incident: its actors, top-level sectors, affected countries. */
export const actorsOf = (incident: SeedIncident): string[] =>
  incident.attributions.map((c) => c.actor);
export const topLevelSectorsOf = (incident: SeedIncident): string[] =>
  incident.sectors.map(topLevelSectorOf);
export const countriesOf = (incident: SeedIncident): string[] =>
  incident.countries.map((c) => c.country);

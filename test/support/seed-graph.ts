import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

/**
 * The graph the seed files describe, computed from the files themselves (never from the API), so
 * that the explorer's graph view can be checked against it: every node by its global id, every
 * relationship the import writes, with the ends and the parallel key the API's edge ids use.
 */
interface SeedIncident {
  id: string;
  attackTypes: string[];
  sectors: string[];
  countries: { country: string }[];
  organizations: string[];
  campaign: string | null;
  sources: string[];
  attributions: { actor: string }[];
}

interface SeedActor {
  id: string;
  origin?: { country: string } | null;
  sponsors?: { country: string }[];
  affiliations?: { actor: string; kind: string }[];
}

interface SeedFile {
  actors: SeedActor[];
  campaigns: { id: string }[];
  organizations: { id: string; sectors: string[]; country: string | null }[];
  sources: { url: string }[];
  incidents: SeedIncident[];
}

interface SectorEntry {
  id: string;
  subsectors?: SectorEntry[];
}

export interface SeedEdge {
  key: string;
  source: string;
  target: string;
}

export interface SeedGraph {
  /** Global id → type. */
  nodes: Map<string, string>;
  edges: SeedEdge[];
  incidents: Map<string, SeedIncident>;
}

const readJson = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(path.join(projectRoot, ...parts), 'utf8'));

export function seedGraph(): SeedGraph {
  const nodes = new Map<string, string>();
  const edges = new Map<string, SeedEdge>();
  const incidents = new Map<string, SeedIncident>();
  const node = (type: string, key: string) => {
    const id = `${type}:${key}`;
    nodes.set(id, type);
    return id;
  };
  const edge = (type: string, source: string, target: string, parallel = '') => {
    const key = `${type}:${source}->${target}${parallel}`;
    edges.set(key, { key, source, target });
  };

  const walk = (entry: SectorEntry, parent: string | null) => {
    const id = node('Sector', entry.id);
    if (parent !== null) edge('SUBSECTOR_OF', id, parent);
    entry.subsectors?.forEach((child) => {
      walk(child, id);
    });
  };
  (readJson('seeds', 'taxonomy', 'sectors.json') as { sectors: SectorEntry[] }).sectors.forEach(
    (s) => {
      walk(s, null);
    },
  );

  const files = readdirSync(path.join(projectRoot, 'seeds', 'dataset')).filter((f) =>
    f.endsWith('.json'),
  );
  for (const file of files) {
    const seed = readJson('seeds', 'dataset', file) as SeedFile;
    for (const actor of seed.actors) {
      const id = node('Actor', actor.id);
      if (actor.origin) edge('ORIGINATES_FROM', id, node('Country', actor.origin.country));
      for (const sponsor of actor.sponsors ?? [])
        edge('SPONSORED_BY', id, node('Country', sponsor.country));
      for (const tie of actor.affiliations ?? [])
        edge('AFFILIATED_WITH', id, node('Actor', tie.actor), `#${tie.kind}`);
    }
    seed.campaigns.forEach((c) => node('Campaign', c.id));
    seed.sources.forEach((s) => node('Source', s.url));
    for (const org of seed.organizations) {
      const id = node('Organization', org.id);
      org.sectors.forEach((s) => {
        edge('IN_SECTOR', id, node('Sector', s));
      });
      if (org.country) edge('LOCATED_IN', id, node('Country', org.country));
    }
    for (const incident of seed.incidents) {
      const id = node('Incident', incident.id);
      incidents.set(id, incident);
      incident.sectors.forEach((s) => {
        edge('TARGETED', id, node('Sector', s));
      });
      incident.countries.forEach((c) => {
        edge('AFFECTED', id, node('Country', c.country));
      });
      incident.organizations.forEach((o) => {
        edge('HIT', id, node('Organization', o));
      });
      incident.sources.forEach((s) => {
        edge('REPORTED_BY', id, node('Source', s));
      });
      if (incident.campaign) edge('PART_OF', id, node('Campaign', incident.campaign));
      incident.attributions.forEach((a, i) => {
        edge('ATTRIBUTED_TO', id, node('Actor', a.actor), `#${i}`);
      });
    }
  }
  return { nodes, edges: [...edges.values()], incidents };
}

/**
 * What `neighborhood(ids, depth: 1)` holds: the start nodes and every node one relationship away,
 * either way, an incident only where `passes` lets it through (a filtered-out incident is neither
 * shown nor walked through), and every edge among the nodes kept.
 */
export function neighbourhoodCounts(
  seeds: SeedGraph,
  starts: string[],
  passes: (incident: SeedIncident) => boolean = () => true,
): { nodes: number; edges: number } {
  const allowed = (id: string) => {
    const incident = seeds.incidents.get(id);
    return incident === undefined || passes(incident);
  };
  const kept = new Set(starts.filter((id) => seeds.nodes.has(id) && allowed(id)));
  const startSet = new Set(kept);
  for (const { source, target } of seeds.edges) {
    if (startSet.has(source) && allowed(target)) kept.add(target);
    if (startSet.has(target) && allowed(source)) kept.add(source);
  }
  const edges = seeds.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return { nodes: kept.size, edges: edges.length };
}

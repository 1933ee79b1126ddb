import { cypher, type Executor } from '../db/database.js';

/** Keys an edit would link to, by kind. */
export interface ReferenceKeys {
  incidents?: readonly string[];
  actors?: readonly string[];
  organizations?: readonly string[];
  campaigns?: readonly string[];
  sources?: readonly string[];
}
export type ReferenceKind = keyof ReferenceKeys;

const EXISTING = cypher<{
  incidents: string[];
  actors: string[];
  organizations: string[];
  campaigns: string[];
  sources: { id: string; url: string }[];
}>(
  'references',
  `RETURN COLLECT { MATCH (n:Incident) WHERE n.id IN $incidents RETURN n.id } AS incidents,
          COLLECT { MATCH (n:Actor) WHERE n.id IN $actors RETURN n.id } AS actors,
          COLLECT { MATCH (n:Organization) WHERE n.id IN $organizations RETURN n.id } AS organizations,
          COLLECT { MATCH (n:Campaign) WHERE n.id IN $campaigns RETURN n.id } AS campaigns,
          COLLECT { MATCH (n:Source) WHERE n.id IN $sources RETURN {id: n.id, url: n.url} } AS sources`,
);

export interface FoundReferences {
  has(kind: ReferenceKind, key: string): boolean;
  /** A source's URL (the native format refers to sources by URL). */
  sourceUrl(key: string): string | undefined;
}

/** Which of the keys exist, every kind in one round trip. */
export async function findReferences(
  executor: Executor,
  keys: ReferenceKeys,
): Promise<FoundReferences> {
  const [row] = await executor.read(EXISTING, {
    incidents: keys.incidents ?? [],
    actors: keys.actors ?? [],
    organizations: keys.organizations ?? [],
    campaigns: keys.campaigns ?? [],
    sources: keys.sources ?? [],
  });
  const urls = new Map((row?.sources ?? []).map((s) => [s.id, s.url]));
  const found: Record<ReferenceKind, Set<string>> = {
    incidents: new Set(row?.incidents),
    actors: new Set(row?.actors),
    organizations: new Set(row?.organizations),
    campaigns: new Set(row?.campaigns),
    sources: new Set(urls.keys()),
  };
  return {
    has: (kind, key) => found[kind].has(key),
    sourceUrl: (key) => urls.get(key),
  };
}

import { cypher, type Transaction } from '../db/database.js';
import { lockIfStillThere } from './write-lock.js';

/** Keys an edit would link to, by kind. */
export interface ReferenceKeys {
  incidents?: readonly string[];
  actors?: readonly string[];
  organizations?: readonly string[];
  campaigns?: readonly string[];
  sources?: readonly string[];
}
export type ReferenceKind = keyof ReferenceKeys;

/** Locks the nodes of one label that are still there, in key order; binds their keys to `found`. */
const lockAll = (label: string, keys: string) =>
  `CALL () {
     UNWIND ${keys} AS key
     MATCH (n:${label} {id: key})
     ${lockIfStillThere('n', 'key')}
     RETURN collect(${label === 'Source' ? '{id: n.id, url: n.url}' : 'n.id'}) AS found
   }`;

/** Labels in the order write-lock.ts gives them. */
const LOCK_REFERENCES = cypher<{
  incidents: string[];
  actors: string[];
  organizations: string[];
  campaigns: string[];
  sources: { id: string; url: string }[];
}>(
  'lockReferences',
  `${lockAll('Incident', '$incidents')} WITH found AS incidents
   ${lockAll('Actor', '$actors')} WITH incidents, found AS actors
   ${lockAll('Organization', '$organizations')} WITH incidents, actors, found AS organizations
   ${lockAll('Campaign', '$campaigns')} WITH incidents, actors, organizations, found AS campaigns
   ${lockAll('Source', '$sources')}
   RETURN incidents, actors, organizations, campaigns, found AS sources`,
);

export interface FoundReferences {
  has(kind: ReferenceKind, key: string): boolean;
  /** A source's URL (the native format refers to sources by URL). */
  sourceUrl(key: string): string | undefined;
}

/** Sorted and without repeats: the order locks are taken in. */
const lockOrder = (keys: readonly string[] = []) => [...new Set(keys)].sort();

/**
 * Which of the keys exist, every kind in one round trip, each node locked until the transaction
 * ends: a deletion racing the write that refers to it waits for it, or is seen by it.
 */
export async function lockReferences(
  tx: Transaction,
  keys: ReferenceKeys,
): Promise<FoundReferences> {
  const [row] = await tx.run(LOCK_REFERENCES, {
    incidents: lockOrder(keys.incidents),
    actors: lockOrder(keys.actors),
    organizations: lockOrder(keys.organizations),
    campaigns: lockOrder(keys.campaigns),
    sources: lockOrder(keys.sources),
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

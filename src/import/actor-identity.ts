import { actorNameKey, externalIdKey } from '../domain/actor-names.js';
import type { ActorIdentityRow } from '../repositories/import-repository.js';
import type { ActorRecord, GraphRecords } from './records.js';

/**
 * The rule that makes the same actor from the seeds, MISP and ATT&CK one node:
 *   1. the same external id (ATT&CK G-id, MISP uuid, STIX id), else
 *   2. the incoming name equals a known actor's name or alias, or a known actor's name equals
 *      one of the incoming aliases (names compared by actorNameKey).
 * Alias-to-alias matches alone do not merge: vendors reuse loose aliases across groups, and a
 * wrong merge is worse than a missed one (mergeActors fixes a miss).
 */
interface KnownActor {
  id: string;
  nameKey: string;
  aliasKeys: Set<string>;
}

export interface IdentityResult {
  /** incoming id → the id it was recognised as (only where they differ). */
  renamed: Map<string, string>;
  notes: string[];
}

export function resolveActorIdentities(
  records: GraphRecords,
  existing: ActorIdentityRow[],
): IdentityResult {
  const byExternalId = new Map<string, string>();
  const byName = new Map<string, string>();
  const byAlias = new Map<string, string>();
  const known = new Map<string, KnownActor>();
  const remember = (
    id: string,
    name: string,
    aliases: readonly string[],
    externalIds: readonly string[],
  ): void => {
    const nameKey = actorNameKey(name);
    const entry = known.get(id) ?? { id, nameKey, aliasKeys: new Set<string>() };
    known.set(id, entry);
    if (!byName.has(nameKey)) byName.set(nameKey, id);
    for (const alias of aliases) {
      const key = actorNameKey(alias);
      entry.aliasKeys.add(key);
      if (!byAlias.has(key)) byAlias.set(key, id);
    }
    for (const externalId of externalIds) {
      const key = externalIdKey(externalId);
      if (!byExternalId.has(key)) byExternalId.set(key, id);
    }
  };
  for (const row of existing) remember(row.id, row.name, row.aliases ?? [], row.externalIds ?? []);

  const renamed = new Map<string, string>();
  const notes: string[] = [];
  const merged = new Map<string, ActorRecord>();
  for (const actor of records.actors) {
    const match =
      actor.externalIds
        .map((e) => byExternalId.get(externalIdKey(e)))
        .find((id) => id !== undefined) ??
      byName.get(actorNameKey(actor.name)) ??
      byAlias.get(actorNameKey(actor.name)) ??
      actor.aliases.map((a) => byName.get(actorNameKey(a))).find((id) => id !== undefined);
    const id = match ?? actor.id;
    if (id !== actor.id) {
      renamed.set(actor.id, id);
      notes.push(`actor "${actor.name}" (${actor.id}) is the known actor "${id}"; merged into it`);
    }
    remember(id, actor.name, actor.aliases, actor.externalIds);
    const previous = merged.get(id);
    merged.set(id, previous ? mergeActorRecords(previous, { ...actor, id }) : { ...actor, id });
  }
  records.actors = [...merged.values()];
  if (renamed.size > 0) applyRenames(records, renamed);
  return { renamed, notes };
}

/** Two descriptions of one actor in one import: lists unite, the first non-empty value wins. */
function mergeActorRecords(a: ActorRecord, b: ActorRecord): ActorRecord {
  const unite = (x: string[], y: string[]): string[] => [...new Set([...x, ...y])];
  const aliases = unite(a.aliases, [b.name, ...b.aliases]).filter(
    (alias) => actorNameKey(alias) !== actorNameKey(a.name),
  );
  return {
    ...a,
    aliases,
    type: a.type ?? b.type,
    motivations: unite(a.motivations, b.motivations),
    description: a.description ?? b.description,
    firstSeen: a.firstSeen ?? b.firstSeen,
    lastSeen: a.lastSeen ?? b.lastSeen,
    externalIds: unite(a.externalIds, b.externalIds),
    origin: a.origin ?? b.origin,
    sponsors: [...a.sponsors, ...b.sponsors],
    affiliations: [...a.affiliations, ...b.affiliations],
    targets:
      a.targets && b.targets
        ? {
            sectorIds: unite(a.targets.sectorIds, b.targets.sectorIds),
            countries: unite(a.targets.countries, b.targets.countries),
            confidence: a.targets.confidence ?? b.targets.confidence,
            sourceIds: unite(a.targets.sourceIds, b.targets.sourceIds),
          }
        : (a.targets ?? b.targets),
  };
}

function applyRenames(records: GraphRecords, renamed: Map<string, string>): void {
  const to = (id: string): string => renamed.get(id) ?? id;
  for (const actor of records.actors) {
    actor.affiliations = actor.affiliations
      .map((f) => ({ ...f, actorId: to(f.actorId) }))
      .filter((f) => f.actorId !== actor.id);
  }
  for (const incident of records.incidents) {
    incident.attributions = incident.attributions.map((a) => ({ ...a, actorId: to(a.actorId) }));
  }
}

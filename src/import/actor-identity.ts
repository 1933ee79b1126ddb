import { actorNameKey, externalIdKey } from '../domain/actor-names.js';
import type { ActorIdentityRow } from '../repositories/import-repository.js';
import type { ActorRecord, CampaignRecord, IncidentRecord } from './records.js';

/**
 * The rule that makes the same actor from the seeds, MISP and ATT&CK one node:
 *   1. the same external id (ATT&CK G-id, MISP uuid, STIX id), else
 *   2. the incoming name equals a known actor's name or alias, or a known actor's name equals
 *      one of the incoming aliases (names compared by actorNameKey).
 * Alias-to-alias matches alone do not merge: vendors reuse loose aliases across groups, and a
 * wrong merge is worse than a missed one (mergeActors fixes a miss).
 *
 * Only names and ids are kept, never whole records, so an import of any size can be recognised in
 * one pass: actors are recognised in import order, each against the database and the actors
 * before it, and the records are renamed later, as they are written.
 */
export class ActorIdentities {
  readonly #byExternalId = new Map<string, string>();
  readonly #byName = new Map<string, string>();
  readonly #byAlias = new Map<string, string>();
  /** incoming id → the id it was recognised as (only where they differ). */
  readonly #renamed = new Map<string, string>();
  /** How many incoming descriptions each recognised id has. */
  readonly #descriptions = new Map<string, number>();
  readonly #notes: string[] = [];

  constructor(existing: readonly ActorIdentityRow[]) {
    for (const row of existing)
      this.#remember(row.id, row.name, row.aliases ?? [], row.externalIds ?? []);
  }

  /** Recognises one incoming actor: the id it is known as from now on. */
  recognise(actor: ActorRecord): string {
    const match =
      actor.externalIds
        .map((e) => this.#byExternalId.get(externalIdKey(e)))
        .find((id) => id !== undefined) ??
      this.#byName.get(actorNameKey(actor.name)) ??
      this.#byAlias.get(actorNameKey(actor.name)) ??
      actor.aliases.map((a) => this.#byName.get(actorNameKey(a))).find((id) => id !== undefined);
    const id = match ?? actor.id;
    if (id !== actor.id) {
      this.#renamed.set(actor.id, id);
      this.#notes.push(
        `actor "${actor.name}" (${actor.id}) is the known actor "${id}"; merged into it`,
      );
    }
    this.#remember(id, actor.name, actor.aliases, actor.externalIds);
    this.#descriptions.set(id, (this.#descriptions.get(id) ?? 0) + 1);
    return id;
  }

  /** The id a reference to an incoming actor resolves to. */
  idOf(incomingId: string): string {
    return this.#renamed.get(incomingId) ?? incomingId;
  }

  /** How many descriptions of this (recognised) actor the import holds. */
  descriptionsOf(id: string): number {
    return this.#descriptions.get(id) ?? 0;
  }

  /** How many distinct actors the import describes, once recognised. */
  get recognisedCount(): number {
    return this.#descriptions.size;
  }

  get notes(): readonly string[] {
    return this.#notes;
  }

  #remember(
    id: string,
    name: string,
    aliases: readonly string[],
    externalIds: readonly string[],
  ): void {
    const nameKey = actorNameKey(name);
    if (!this.#byName.has(nameKey)) this.#byName.set(nameKey, id);
    for (const alias of aliases) {
      const key = actorNameKey(alias);
      if (!this.#byAlias.has(key)) this.#byAlias.set(key, id);
    }
    for (const externalId of externalIds) {
      const key = externalIdKey(externalId);
      if (!this.#byExternalId.has(key)) this.#byExternalId.set(key, id);
    }
  }

  /** An actor record as written: its recognised id, affiliations to recognised ids, none to itself. */
  renameActor(actor: ActorRecord): ActorRecord {
    const id = this.idOf(actor.id);
    return {
      ...actor,
      id,
      affiliations: actor.affiliations
        .map((f) => ({ ...f, actorId: this.idOf(f.actorId) }))
        .filter((f) => f.actorId !== id),
    };
  }

  /** A campaign as written: its claims name recognised actors. */
  renameCampaign(campaign: CampaignRecord): CampaignRecord {
    if (this.#renamed.size === 0) return campaign;
    return {
      ...campaign,
      attributions: campaign.attributions.map((a) => ({ ...a, actorId: this.idOf(a.actorId) })),
    };
  }

  /** An incident as written: its claims name recognised actors. */
  renameIncident(incident: IncidentRecord): IncidentRecord {
    if (this.#renamed.size === 0) return incident;
    return {
      ...incident,
      attributions: incident.attributions.map((a) => ({ ...a, actorId: this.idOf(a.actorId) })),
    };
  }
}

/**
 * Several descriptions of one actor in one import (the same id, or recognised as one) become one
 * record: each is held until the last has arrived, so only actors described more than once wait.
 */
export class ActorDescriptions {
  readonly #waiting = new Map<string, { record: ActorRecord; missing: number }>();

  constructor(private readonly identities: ActorIdentities) {}

  /** Takes incoming actors in import order; returns those now complete, renamed and merged. */
  add(actors: readonly ActorRecord[]): ActorRecord[] {
    const complete: ActorRecord[] = [];
    for (const incoming of actors) {
      const actor = this.identities.renameActor(incoming);
      const total = this.identities.descriptionsOf(actor.id);
      if (total <= 1) {
        complete.push(actor);
        continue;
      }
      const waiting = this.#waiting.get(actor.id);
      const merged = waiting
        ? { record: mergeActorRecords(waiting.record, actor), missing: waiting.missing - 1 }
        : { record: actor, missing: total - 1 };
      if (merged.missing > 0) {
        this.#waiting.set(actor.id, merged);
      } else {
        this.#waiting.delete(actor.id);
        complete.push(merged.record);
      }
    }
    return complete;
  }
}

/**
 * An actor's aliases without repeats and without its own name, compared without regard to case
 * ("APT28" and "apt28" are one alias; the first spelling is kept). The Cypher that adds aliases
 * to a stored actor compares alike (toLower).
 */
export function distinctAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  return aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Two descriptions of one actor in one import: lists unite, the first non-empty value wins; the
 * first name stays the name and a differing later one becomes an alias.
 */
export function mergeActorRecords(a: ActorRecord, b: ActorRecord): ActorRecord {
  const unite = <T>(x: T[], y: T[]): T[] => [...new Set([...x, ...y])];
  return {
    ...a,
    aliases: distinctAliases(a.name, [...a.aliases, b.name, ...b.aliases]),
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

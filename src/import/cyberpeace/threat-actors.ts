import { createHash } from 'node:crypto';
import { actorNameKey } from '../../domain/actor-names.js';
import { parsePartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { ActorRecord, DroppedValue } from '../records.js';
import { slugify } from '../slug.js';
import { actorTypeOf, isPlaceholder } from './cyberpeace-vocabulary.js';
import { threatActorSchema, type ThreatActor } from './event-schema.js';
import type { SourceCatalogue } from './source-catalogue.js';

/** Reports a value left out of a record that is imported; the caller knows where it stands. */
export type Drop = (dropped: Omit<DroppedValue, 'file' | 'location'>) => void;

const ATTACK_GROUP_ID = /^G\d{4}$/;

/**
 * The actors a file's events name, each read once: the platform repeats an actor's whole profile
 * on every event, so the first event's profile is the actor's, and events whose copy differs are
 * counted in a note rather than merged value by value.
 */
export class ThreatActors {
  readonly #byKey = new Map<string, { record: ActorRecord; profile: string; differing: number }>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly sources: SourceCatalogue,
  ) {}

  /**
   * The id of the actor an event names (a profile, or a bare name in `otherThreatActors`),
   * reading it on its first appearance; undefined, with the value reported, when it has no name.
   */
  idOf(actor: ThreatActor | string, field: string, drop: Drop): string | undefined {
    const profile = typeof actor === 'string' ? threatActorSchema.parse({ name: actor }) : actor;
    const name = profile.name?.trim() ?? '';
    if (name === '') {
      // An empty profile is how some exports say "no actor"; one with content is reported.
      const holdsSomething = Object.values(profile).some((value) =>
        Array.isArray(value)
          ? value.length > 0
          : typeof value === 'string'
            ? value.trim() !== ''
            : value !== undefined && value !== null,
      );
      if (holdsSomething)
        drop({ field, reason: 'a threat actor without a name', value: JSON.stringify(actor) });
      return undefined;
    }
    const key = profile._key?.trim() || `name:${actorNameKey(name)}`;
    const signature = JSON.stringify(actor);
    const known = this.#byKey.get(key);
    if (known) {
      if (known.profile !== signature && typeof actor !== 'string') known.differing += 1;
      return known.record.id;
    }
    const record = this.#read(profile, name, field, drop);
    this.#byKey.set(key, { record, profile: signature, differing: 0 });
    return record.id;
  }

  get records(): ActorRecord[] {
    return [...this.#byKey.values()].map((entry) => entry.record);
  }

  /** Actors whose profile differs from one event to another. */
  get notes(): string[] {
    return [...this.#byKey.values()]
      .filter((entry) => entry.differing > 0)
      .map(
        ({ record, differing }) =>
          `actor "${record.name}": ${differing} later event${differing === 1 ? '' : 's'} carry a different profile; the first was kept`,
      );
  }

  #read(actor: ThreatActor, name: string, field: string, drop: Drop): ActorRecord {
    const at = (name: string): string => `${field}.${name}`;
    const cited = (): string[] => [this.sources.platform()];
    const aliases = this.#aliases(actor.identifiers, name);
    const origin = this.#country(actor.origin, at('origin'), drop);
    const sponsor = this.#country(actor.allegiance, at('allegiance'), drop);
    const sectorIds = this.#sectors(actor.targetedSectors, at('targetedSectors'), drop);
    return {
      id:
        slugify(name) ||
        `cyberpeace-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`,
      name,
      aliases,
      type: this.#type(actor.type, at('type'), drop),
      motivations: [],
      description: (actor.Description ?? actor.description)?.trim() || null,
      firstSeen: this.#year(actor.active, at('active'), drop),
      lastSeen: null,
      externalIds: [
        ...(actor._key?.trim() ? [`cyberpeace:${actor._key.trim()}`] : []),
        ...aliases.filter((alias) => ATTACK_GROUP_ID.test(alias)),
      ],
      origin: origin ? { country: origin, confidence: null, sourceIds: cited() } : null,
      sponsors: sponsor ? [{ country: sponsor, confidence: null, sourceIds: cited() }] : [],
      affiliations: [],
      targets:
        sectorIds.length > 0
          ? { sectorIds, countries: [], confidence: null, sourceIds: cited() }
          : null,
    };
  }

  /** Comma-separated aliases, without repeats (case and punctuation aside) or the name itself. */
  #aliases(identifiers: string[], name: string): string[] {
    const seen = new Set([actorNameKey(name)]);
    return identifiers
      .flatMap((value) => value.split(','))
      .map((alias) => alias.trim())
      .filter((alias) => {
        const key = actorNameKey(alias);
        if (alias === '' || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  #type(value: string | null | undefined, field: string, drop: Drop): ActorRecord['type'] {
    if (!value || isPlaceholder(value)) return null;
    const mapped = actorTypeOf(value);
    if (mapped && 'type' in mapped) return mapped.type;
    drop({
      field,
      reason: mapped ? mapped.unmapped : 'unknown actor type in the cyberpeace vocabulary',
      value: value.trim(),
    });
    return null;
  }

  /** A country code or name → ISO alpha-2. */
  #country(value: string | null | undefined, field: string, drop: Drop): string | undefined {
    if (!value || isPlaceholder(value)) return undefined;
    const code = this.taxonomy.resolveCountry(value);
    if (!code) {
      const not = this.taxonomy.notACountry(value);
      drop({
        field,
        reason: not ? `not a country (${not})` : 'unknown country',
        value: value.trim(),
      });
    }
    return code;
  }

  #sectors(values: string[], field: string, drop: Drop): string[] {
    const ids = values
      .flatMap((value) => value.split(';'))
      .map((value) => value.trim())
      .filter((value) => value !== '')
      .flatMap((value) => naceSectors(this.taxonomy, value, field, drop));
    return [...new Set(ids)];
  }

  #year(value: string | undefined, field: string, drop: Drop): string | null {
    if (value === undefined || isPlaceholder(value)) return null;
    const year = value.trim();
    if (/^\d{4}$/.test(year) && !('error' in parsePartialDate(year))) return year;
    drop({ field, reason: 'expected a year', value: year });
    return null;
  }
}

/** A sector named in NACE Rev. 2 sections (or the platform's own names) → our sector ids. */
export function naceSectors(
  taxonomy: Taxonomy,
  value: string,
  field: string,
  drop: Drop,
): string[] {
  const mapped = taxonomy.mapSector('nace', value);
  if (mapped && 'ids' in mapped) return mapped.ids;
  drop({
    field,
    reason: mapped
      ? `maps to no sector of ours (${mapped.unmapped})`
      : 'unknown sector in the nace vocabulary',
    value: value.trim(),
  });
  return [];
}

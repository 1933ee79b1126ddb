import type { ActorType } from '../../domain/vocabulary.js';
import type { ActorRecord } from '../records.js';
import { slugify } from '../slug.js';
import { normaliseValue } from './cells.js';
import type { CsvRow } from './csv-row.js';
import type { CsvReaders } from './readers.js';

/** What a row says about the actors it names. */
export interface ActorFacts {
  origin: string | undefined;
  sponsors: string[];
  type: ActorType | undefined;
  aliases: string[];
  /** The columns origin and type come from, to name in a disagreement. */
  fields: { origin: string; type: string };
}

export function readActorFacts(row: CsvRow, readers: CsvReaders['actor']): ActorFacts {
  return {
    origin: row.one(readers.origin),
    sponsors: [...new Set(row.read(readers.sponsors))],
    type: row.one(readers.type),
    aliases: row.read(readers.aliases),
    fields: {
      origin: readers.origin?.columns.join(', ') ?? 'origin',
      type: readers.type?.columns.join(', ') ?? 'type',
    },
  };
}

/** Whether the row says anything about its actors (said with no actor named, it is dropped). */
export function saysAnything(facts: ActorFacts): boolean {
  return (
    facts.origin !== undefined ||
    facts.sponsors.length > 0 ||
    facts.type !== undefined ||
    facts.aliases.length > 0
  );
}

/** The id an actor name gets; '' when the name holds nothing to make one from. */
export function actorIdOf(name: string): string {
  return slugify(name);
}

interface Entry {
  record: ActorRecord;
  /** Where the kept origin and type came from. */
  originAt: string | undefined;
  typeAt: string | undefined;
}

/**
 * The actors of a file, one record each however many rows name them. Aliases, sponsors and
 * sources accumulate; an origin or a type is a single fact, so the first row that gives one wins
 * and a later row that disagrees is reported (a dropped value and a note naming both rows).
 */
export class ActorBook {
  readonly #actors = new Map<string, Entry>();
  readonly #notes: string[] = [];

  /** Adds what one row says about one actor it names. */
  add(name: string, facts: ActorFacts, row: CsvRow, sourceIds: string[]): void {
    const id = actorIdOf(name);
    const entry = this.#actors.get(id) ?? this.#create(id, name);
    const { record } = entry;
    if (facts.origin !== undefined) {
      if (!record.origin) {
        record.origin = { country: facts.origin, confidence: null, sourceIds: [...sourceIds] };
        entry.originAt = row.location;
      } else if (record.origin.country === facts.origin) {
        record.origin.sourceIds = union(record.origin.sourceIds, sourceIds);
      } else {
        const kept = { value: record.origin.country, at: entry.originAt };
        this.#disagree(record, 'origin', facts.fields.origin, kept, facts.origin, row);
      }
    }
    for (const country of facts.sponsors) {
      const known = record.sponsors.find((s) => s.country === country);
      if (known) known.sourceIds = union(known.sourceIds, sourceIds);
      else record.sponsors.push({ country, confidence: null, sourceIds: [...sourceIds] });
    }
    if (facts.type !== undefined) {
      if (record.type === null) {
        record.type = facts.type;
        entry.typeAt = row.location;
      } else if (record.type !== facts.type) {
        const kept = { value: record.type, at: entry.typeAt };
        this.#disagree(record, 'type', facts.fields.type, kept, facts.type, row);
      }
    }
    const names = new Set([record.name, ...record.aliases].map(normaliseValue));
    for (const alias of facts.aliases) {
      if (names.has(normaliseValue(alias))) continue;
      names.add(normaliseValue(alias));
      record.aliases.push(alias);
    }
  }

  records(): ActorRecord[] {
    return [...this.#actors.values()].map((e) => e.record);
  }

  /** The disagreements between rows, one line each. */
  get notes(): readonly string[] {
    return this.#notes;
  }

  #create(id: string, name: string): Entry {
    const entry: Entry = {
      record: {
        id,
        name,
        aliases: [],
        type: null,
        motivations: [],
        description: null,
        firstSeen: null,
        lastSeen: null,
        externalIds: [],
        origin: null,
        sponsors: [],
        affiliations: [],
        targets: null,
      },
      originAt: undefined,
      typeAt: undefined,
    };
    this.#actors.set(id, entry);
    return entry;
  }

  #disagree(
    record: ActorRecord,
    fact: 'origin' | 'type',
    field: string,
    kept: { value: string; at: string | undefined },
    other: string,
    row: CsvRow,
  ): void {
    row.drop(
      field,
      `disagrees with an earlier row about the actor's ${fact}; the first row's is kept`,
      other,
    );
    this.#notes.push(
      `actor "${record.name}": ${row.location} gives ${fact} ${other}, ${kept.at ?? 'an earlier row'} gave ${kept.value}; kept ${kept.value}`,
    );
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

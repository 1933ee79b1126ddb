import { describe, expect, it } from 'vitest';
import { fieldLimits, withinFieldLimits } from '../../src/import/field-limits.js';
import { actorSchema, incidentSchema } from '../../src/import/native/format.js';
import { emptyRecords, type ActorRecord, type ReadResult } from '../../src/import/records.js';

const actor = (changes: Partial<ActorRecord>): ActorRecord => ({
  id: 'crew',
  name: 'Crew',
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
  ...changes,
});

const readOf = (actors: ActorRecord[]): ReadResult => ({
  records: { ...emptyRecords(), actors },
  issues: [],
  locations: new Map(actors.map((a, i) => [`actors:${a.id}`, `values[${i}]`])),
  skipped: {},
  notes: [],
  dropped: [],
});

describe('field limits', () => {
  it('are the native format’s: a value at the limit passes its schema, one more character does not', () => {
    const name = (n: number) => 'x'.repeat(n);
    const base = { id: 'crew', type: 'CRIMINAL' };
    expect(actorSchema.safeParse({ ...base, name: name(fieldLimits.actorName) }).success).toBe(
      true,
    );
    expect(actorSchema.safeParse({ ...base, name: name(fieldLimits.actorName + 1) }).success).toBe(
      false,
    );
    const incident = {
      id: 'inc',
      title: 'T',
      startDate: '2024',
      sources: ['https://example.org/a'],
    };
    expect(
      incidentSchema.safeParse({ ...incident, description: name(fieldLimits.incidentDescription) })
        .success,
    ).toBe(true);
    expect(
      incidentSchema.safeParse({
        ...incident,
        description: name(fieldLimits.incidentDescription + 1),
      }).success,
    ).toBe(false);
  });

  it('move a record of any other format with a field over its limit to the issues, naming record and field', () => {
    const fine = actor({ id: 'fine', name: 'Fine', aliases: ['y'.repeat(fieldLimits.alias)] });
    const long = actor({
      id: 'long',
      name: 'x'.repeat(1_000_000),
      aliases: ['ok', 'z'.repeat(300_000)],
      description: 'd'.repeat(fieldLimits.description + 1),
    });
    const result = withinFieldLimits(readOf([fine, long]), 'galaxy.json');
    expect(result.records.actors.map((a) => a.id)).toEqual(['fine']);
    expect(result.issues).toEqual([
      {
        file: 'galaxy.json',
        kind: 'actors',
        location: 'values[1]',
        recordId: 'long',
        field: 'name',
        reason: `is 1000000 characters long; at most ${fieldLimits.actorName} characters are allowed`,
      },
      expect.objectContaining({ recordId: 'long', field: 'aliases.1' }),
      expect.objectContaining({ recordId: 'long', field: 'description' }),
    ]);
  });
});

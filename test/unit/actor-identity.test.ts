import { describe, expect, it } from 'vitest';
import { actorNameKey } from '../../src/domain/actor-names.js';
import { resolveActorIdentities } from '../../src/import/actor-identity.js';
import { emptyRecords, type ActorRecord } from '../../src/import/records.js';

const actor = (
  id: string,
  name: string,
  aliases: string[] = [],
  externalIds: string[] = [],
): ActorRecord => ({
  id,
  name,
  aliases,
  type: null,
  motivations: [],
  description: null,
  firstSeen: null,
  lastSeen: null,
  externalIds,
  origin: null,
  sponsors: [],
  affiliations: [],
  targets: null,
});

const existing = [
  { id: 'apt28', name: 'APT28', aliases: ['Fancy Bear', 'Sofacy'], externalIds: ['G0007'] },
];

describe('actorNameKey', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(actorNameKey('APT 28')).toBe(actorNameKey('apt28'));
    expect(actorNameKey('Fancy-Bear')).toBe(actorNameKey('fancy bear'));
    expect(actorNameKey('NoName057(16)')).toBe('noname05716');
  });
});

describe('resolveActorIdentities', () => {
  it.each([
    ['by ATT&CK G-id', actor('x', 'Strontium', [], ['g0007'])],
    ['by name = known alias', actor('sofacy', 'Sofacy')],
    ['by alias = known name', actor('pawn-storm', 'Pawn Storm', ['APT 28'])],
  ])('recognises a known actor %s and rewrites references to it', (_how, incoming) => {
    const records = emptyRecords();
    records.actors = [incoming];
    records.incidents = [
      { attributions: [{ actorId: incoming.id }] } as unknown as (typeof records.incidents)[number],
    ];
    const result = resolveActorIdentities(records, existing);
    expect(records.actors.map((a) => a.id)).toEqual(['apt28']);
    expect(records.incidents[0]?.attributions[0]?.actorId).toBe('apt28');
    expect(result.notes[0]).toMatch(/is the known actor "apt28"/);
  });

  it('does not merge on a shared alias alone', () => {
    const records = emptyRecords();
    records.actors = [actor('other', 'Other Group', ['Fancy Bear'])];
    resolveActorIdentities(records, existing);
    expect(records.actors.map((a) => a.id)).toEqual(['other']);
  });

  it('merges two descriptions of one actor in the same import, uniting aliases', () => {
    const records = emptyRecords();
    records.actors = [
      actor('sandworm', 'Sandworm', ['Voodoo Bear']),
      actor('apt44', 'APT44', ['Sandworm', 'Seashell Blizzard']),
    ];
    resolveActorIdentities(records, []);
    expect(records.actors).toHaveLength(1);
    expect(records.actors[0]?.aliases.sort()).toEqual([
      'APT44',
      'Seashell Blizzard',
      'Voodoo Bear',
    ]);
  });
});

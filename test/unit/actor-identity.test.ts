import { describe, expect, it } from 'vitest';
import { actorNameKey } from '../../src/domain/actor-names.js';
import { ActorDescriptions, ActorIdentities } from '../../src/import/actor-identity.js';
import type { ActorRecord, IncidentRecord } from '../../src/import/records.js';

const actor = (
  id: string,
  name: string,
  aliases: string[] = [],
  externalIds: string[] = [],
  affiliatedWith: string[] = [],
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
  affiliations: affiliatedWith.map((actorId) => ({ actorId, kind: 'COOPERATES' })),
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

describe('ActorIdentities', () => {
  it.each([
    ['by ATT&CK G-id', actor('x', 'Strontium', [], ['g0007'])],
    ['by name = known alias', actor('sofacy', 'Sofacy')],
    ['by alias = known name', actor('pawn-storm', 'Pawn Storm', ['APT 28'])],
  ])('recognises a known actor %s and rewrites references to it', (_how, incoming) => {
    const identities = new ActorIdentities(existing);
    expect(identities.recognise(incoming)).toBe('apt28');
    const incident = { attributions: [{ actorId: incoming.id }] } as unknown as IncidentRecord;
    expect(identities.renameIncident(incident).attributions[0]?.actorId).toBe('apt28');
    expect(identities.renameActor(incoming).id).toBe('apt28');
    expect(identities.notes[0]).toMatch(/is the known actor "apt28"/);
  });

  it('does not merge on a shared alias alone', () => {
    const identities = new ActorIdentities(existing);
    expect(identities.recognise(actor('other', 'Other Group', ['Fancy Bear']))).toBe('other');
  });

  it('recognises an actor by one described earlier in the same import', () => {
    const identities = new ActorIdentities([]);
    identities.recognise(actor('sandworm', 'Sandworm', ['Voodoo Bear']));
    expect(identities.recognise(actor('apt44', 'APT44', ['Sandworm']))).toBe('sandworm');
    expect(identities.recognisedCount).toBe(1);
  });
});

describe('ActorDescriptions', () => {
  it('merges two descriptions of one actor in the same import, uniting aliases', () => {
    const incoming = [
      actor('sandworm', 'Sandworm', ['Voodoo Bear']),
      actor('apt44', 'APT44', ['Sandworm', 'Seashell Blizzard']),
    ];
    const identities = new ActorIdentities([]);
    for (const a of incoming) identities.recognise(a);
    const descriptions = new ActorDescriptions(identities);
    // Read in separate batches, as a streamed file hands them over: the first waits for the second.
    expect(descriptions.add(incoming.slice(0, 1))).toEqual([]);
    const written = descriptions.add(incoming.slice(1));
    expect(written).toHaveLength(1);
    expect(written[0]?.id).toBe('sandworm');
    expect(written[0]?.aliases.sort()).toEqual(['APT44', 'Seashell Blizzard', 'Voodoo Bear']);
  });

  it('keeps the first description’s name, and each alias once whatever its case', () => {
    const incoming = [
      actor('sandworm', 'Sandworm', ['Voodoo Bear', 'voodoo bear']),
      actor('apt44', 'APT44', ['SANDWORM', 'VOODOO BEAR', 'apt44']),
    ];
    const identities = new ActorIdentities([]);
    for (const a of incoming) identities.recognise(a);
    const descriptions = new ActorDescriptions(identities);
    const [written] = [
      ...descriptions.add(incoming.slice(0, 1)),
      ...descriptions.add(incoming.slice(1)),
    ];
    expect(written?.name).toBe('Sandworm');
    expect(written?.aliases).toEqual(['Voodoo Bear', 'APT44']);
  });

  it('hands on an actor described once at once, under its recognised id', () => {
    const identities = new ActorIdentities(existing);
    const incoming = actor('sofacy', 'Sofacy', [], [], ['other-group']);
    identities.recognise(incoming);
    const [written] = new ActorDescriptions(identities).add([incoming]);
    expect(written?.id).toBe('apt28');
  });
});

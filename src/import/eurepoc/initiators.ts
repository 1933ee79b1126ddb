import { createHash } from 'node:crypto';
import { actorNameKey } from '../../domain/actor-names.js';
import type { ActorType } from '../../domain/vocabulary.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { ActorRecord } from '../records.js';
import { slugify } from '../slug.js';
import { isPlaceholder, type DropValue } from './cells.js';
import type { EurepocVocabulary } from './eurepoc-vocabulary.js';

/** An ATT&CK group id, alone or followed by the group's ATT&CK name: "G0032 (Lazarus Group)". */
const ATTACK_GROUP = /^(G\d{4})\b/;

export interface InitiatorName {
  name: string;
  aliases: string[];
  /** ATT&CK group ids, as the ATT&CK importer stores them ("G0032"). */
  externalIds: string[];
}

/**
 * EuRepoC joins an initiator's names and its ATT&CK id with "/" ("Lazarus Group/Labyrinth
 * Chollima/G0032 (Lazarus Group)"): the first name is the actor's, the others its aliases.
 * Undefined when the cell names nobody.
 */
export function parseInitiatorName(text: string): InitiatorName | undefined {
  const parts = text
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !isPlaceholder(part));
  const externalIds = parts.flatMap((part) => ATTACK_GROUP.exec(part)?.[1] ?? []);
  const names = parts.filter((part) => !ATTACK_GROUP.test(part));
  const [name, ...rest] = names;
  if (name === undefined) return undefined;
  const seen = new Set([actorNameKey(name)]);
  const aliases = rest.filter((alias) => {
    const key = actorNameKey(alias);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { name, aliases, externalIds: [...new Set(externalIds)] };
}

/** What EuRepoC says of one initiator, on one row. */
export interface InitiatorFacts {
  name: InitiatorName;
  country: string | undefined;
  category: string | undefined;
  subcategory: string | undefined;
  sourceIds: string[];
  confidence: number;
}

/**
 * One initiator → an actor record: its origin from the initiator's country, its type from the
 * category (then "<category> > <subcategory>" if that is more precise). Values that map nowhere
 * are dropped through `drop`.
 */
export function initiatorActor(
  facts: InitiatorFacts,
  fields: { country: string; category: string },
  taxonomy: Taxonomy,
  vocabulary: EurepocVocabulary,
  drop: DropValue,
): ActorRecord {
  const origin = facts.country === undefined ? undefined : taxonomy.resolveCountry(facts.country);
  if (facts.country !== undefined && !origin)
    drop(fields.country, 'unknown country', facts.country);
  return {
    id: actorIdOf(facts.name.name),
    name: facts.name.name,
    aliases: facts.name.aliases,
    type: actorTypeOf(facts.category, facts.subcategory, fields.category, vocabulary, drop),
    motivations: [],
    description: null,
    firstSeen: null,
    lastSeen: null,
    externalIds: facts.name.externalIds,
    origin: origin
      ? { country: origin, confidence: facts.confidence, sourceIds: facts.sourceIds }
      : null,
    sponsors: [],
    affiliations: [],
    targets: null,
  };
}

function actorTypeOf(
  category: string | undefined,
  subcategory: string | undefined,
  field: string,
  vocabulary: EurepocVocabulary,
  drop: DropValue,
): ActorType | null {
  if (category === undefined) return null;
  // A known subcategory decides; an unknown one leaves the category to decide.
  const precise =
    subcategory === undefined ? undefined : vocabulary.actorType(`${category} > ${subcategory}`);
  const found = precise ?? vocabulary.actorType(category);
  if (found && 'value' in found) return found.value;
  drop(
    field,
    found
      ? `maps to no actor type of ours (${found.unmapped})`
      : 'unknown initiator category in the eurepoc vocabulary',
    subcategory === undefined ? category : `${category} > ${subcategory}`,
  );
  return null;
}

/** An actor's id from its name; a name with no Latin letter or digit ("Кибер Армия") gets a hash. */
export function actorIdOf(name: string): string {
  return (
    slugify(name) ||
    `actor-${createHash('sha256').update(actorNameKey(name)).digest('hex').slice(0, 16)}`
  );
}

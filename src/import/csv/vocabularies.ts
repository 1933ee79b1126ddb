import {
  actorTypes,
  attributionBases,
  attributionStatuses,
  impactCategories,
} from '../../domain/vocabulary.js';
import type { AttackTypeVocabulary, SectorVocabulary, Taxonomy } from '../../taxonomy/taxonomy.js';
import { createRegionResolver } from './regions.js';

/** What a value names: values of ours, nothing on purpose (why), or nothing we know (why). */
export type Resolved<T> = { values: T[] } | { none: string } | { unknown: string };

/** How one field's values are understood, and what its value map may point at. */
export interface Vocabulary<T> {
  resolve(text: string): Resolved<T>;
  /** A value-map target → what it names; undefined when it names nothing of ours. */
  target(value: string | number): T | undefined;
  /** What a target must be, for the mapping's error messages. */
  targets: string;
}

/** Where an incident happened: a country, or a region named instead of one. */
export type Place = { country: string } | { region: string };

export const textVocabulary: Vocabulary<string> = {
  resolve: (text) => ({ values: [text] }),
  target: (value) => String(value),
  targets: 'text',
};

export const urlVocabulary: Vocabulary<string> = {
  resolve: (text) =>
    /^https?:\/\/\S+$/.test(text) ? { values: [text] } : { unknown: 'not an http(s) URL' },
  target: () => undefined,
  targets: 'a URL',
};

export function sectorVocabulary(
  taxonomy: Taxonomy,
  vocabulary: SectorVocabulary,
): Vocabulary<string> {
  return {
    resolve: (text) => {
      const mapped = taxonomy.mapSector(vocabulary, text);
      if (mapped === undefined)
        return { unknown: `unknown sector in the ${vocabulary} vocabulary` };
      return 'ids' in mapped
        ? { values: mapped.ids }
        : { none: `maps to no sector of ours (${mapped.unmapped})` };
    },
    target: (value) => oneId(taxonomy.mapSector('native', String(value))),
    targets: 'a sector id or name',
  };
}

export function attackTypeVocabulary(
  taxonomy: Taxonomy,
  vocabulary: AttackTypeVocabulary,
): Vocabulary<string> {
  return {
    resolve: (text) => {
      const mapped = taxonomy.mapAttackType(vocabulary, text);
      if (mapped === undefined)
        return { unknown: `unknown attack type in the ${vocabulary} vocabulary` };
      return 'ids' in mapped
        ? { values: mapped.ids }
        : { none: `maps to no attack type of ours (${mapped.unmapped})` };
    },
    target: (value) => oneId(taxonomy.mapAttackType('native', String(value))),
    targets: 'an attack type id or name',
  };
}

function oneId(mapped: ReturnType<Taxonomy['mapSector']>): string | undefined {
  return mapped && 'ids' in mapped ? mapped.ids[0] : undefined;
}

/**
 * Countries in any common spelling, and regions named where a country would be ("Europe
 * (region)", "EU"): a region is kept as a region, never turned into a country.
 */
export function placeVocabulary(taxonomy: Taxonomy): Vocabulary<Place> {
  const regionOf = createRegionResolver(taxonomy.countries);
  const place = (text: string): Place | undefined => {
    const region = regionOf(text);
    if (region !== undefined) return { region };
    const country = taxonomy.resolveCountry(text);
    return country === undefined ? undefined : { country };
  };
  return {
    resolve: (text) => {
      const found = place(text);
      if (found) return { values: [found] };
      const not = taxonomy.notACountry(text);
      return not === undefined
        ? { unknown: 'unknown country' }
        : { none: `not a country (${not})` };
    },
    target: (value) => place(String(value)),
    targets: 'a country (code or name) or a region (UN M49 name, "EU", "Global")',
  };
}

/** Countries only, for fields where a region means nothing (an actor's origin, a sponsor). */
export function countryVocabulary(taxonomy: Taxonomy): Vocabulary<string> {
  return {
    resolve: (text) => {
      const country = taxonomy.resolveCountry(text);
      if (country !== undefined) return { values: [country] };
      const not = taxonomy.notACountry(text);
      return not === undefined
        ? { unknown: 'unknown country' }
        : { none: `not a country (${not})` };
    },
    target: (value) => taxonomy.resolveCountry(String(value)),
    targets: 'a country (code or name)',
  };
}

/**
 * One of our closed vocabularies, its ids read without regard to case, spaces or hyphens
 * ("Security industry" is SECURITY_INDUSTRY).
 */
function enumVocabulary<T extends string>(ids: readonly T[], label: string): Vocabulary<T> {
  const key = (text: string): string =>
    text
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
  const byKey = new Map(ids.map((id) => [key(id), id]));
  const find = (text: string): T | undefined => byKey.get(key(text));
  return {
    resolve: (text) => {
      const id = find(text);
      return id === undefined ? { unknown: `unknown ${label}` } : { values: [id] };
    },
    target: (value) => find(String(value)),
    targets: `one of ${ids.join(', ')}`,
  };
}

export const actorTypeVocabulary = enumVocabulary(actorTypes, 'actor type');
export const basisVocabulary = enumVocabulary(attributionBases, 'attribution basis');
export const statusVocabulary = enumVocabulary(attributionStatuses, 'attribution status');
export const impactCategoryVocabulary = enumVocabulary(impactCategories, 'impact category');

/** A claim's confidence: a number from 0 to 100, or a word the value map turns into one. */
export const confidenceVocabulary: Vocabulary<number> = {
  resolve: (text) => {
    const value = Number(text);
    return text !== '' && Number.isInteger(value) && value >= 0 && value <= 100
      ? { values: [value] }
      : { unknown: 'not a confidence from 0 to 100, nor in the value map' };
  },
  target: (value) => (typeof value === 'number' ? value : undefined),
  targets: 'a confidence from 0 to 100',
};

/** A number (a score, an amount), as trackers write them: "1,200.5" reads as 1200.5. */
export const numberVocabulary: Vocabulary<number> = {
  resolve: (text) => {
    const value = Number(text.replace(/,/g, ''));
    return Number.isFinite(value) ? { values: [value] } : { unknown: 'not a number' };
  },
  target: (value) => (typeof value === 'number' ? value : undefined),
  targets: 'a number',
};

/**
 * Actor names, except values that are prose rather than a name ("Believed to be the work of …"):
 * those matching an ignore pattern, or longer than maxWords words.
 */
export function actorNameVocabulary(
  ignore: readonly string[],
  maxWords: number | undefined,
): Vocabulary<string> {
  const patterns = ignore.map((p) => new RegExp(p, 'i'));
  return {
    resolve: (text) => {
      if (patterns.some((p) => p.test(text)))
        return { none: 'prose, not an actor name (matches an ignore pattern)' };
      if (maxWords !== undefined && text.split(/\s+/).length > maxWords)
        return { none: `prose, not an actor name (more than ${maxWords} words)` };
      return { values: [text] };
    },
    target: (value) => String(value),
    targets: 'an actor name',
  };
}

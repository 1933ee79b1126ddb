import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { ActorRecord, StateClaimRecord } from '../records.js';
import type { MispValue } from './misp-cluster.js';
import type { ValueTally } from './value-tally.js';

const ATTACK_GROUP_ID = /^G\d{4}$/;

/** What turning a galaxy's values into actors needs, and the values it leaves out. */
export interface ActorReading {
  taxonomy: Taxonomy;
  /** The galaxy itself: every claim of a value cites it. */
  sourceId: string;
  notCountries: ValueTally;
  unmappedSectors: ValueTally;
  unknownValues: ValueTally;
}

/** A galaxy value → an actor, with its origin, sponsors and reported victims; no affiliations yet. */
export function actorOf(reading: ActorReading, value: MispValue, id: string): ActorRecord {
  const { value: name, uuid, meta, description } = value;
  const sectors = sectorIdsOf(reading, [
    ...meta['cfr-target-category'],
    ...meta['targeted-sector'],
  ]);
  const origin = originOf(reading, meta);
  const victims = [...new Set(countriesOf(reading, meta['cfr-suspected-victims']))];
  const sponsors = [...new Set(countriesOf(reading, meta['cfr-suspected-state-sponsor']))];
  const synonyms = meta.synonyms.map((s) => s.trim());
  return {
    id,
    name,
    aliases: [...new Set(synonyms.filter((s) => s !== '' && s !== name))],
    type: null,
    motivations: [],
    description: description?.trim() ?? null,
    firstSeen: null,
    lastSeen: null,
    externalIds: [`misp:${uuid}`, ...synonyms.filter((s) => ATTACK_GROUP_ID.test(s))],
    origin,
    sponsors: sponsors.map((country) => ({
      country,
      confidence: null,
      sourceIds: [reading.sourceId],
    })),
    affiliations: [],
    targets:
      victims.length > 0 || sectors.length > 0
        ? {
            sectorIds: sectors,
            countries: victims,
            confidence: null,
            sourceIds: [reading.sourceId],
          }
        : null,
  };
}

/** The country the galaxy says the actor comes from, with its attribution confidence. */
function originOf(reading: ActorReading, meta: MispValue['meta']): StateClaimRecord | null {
  const stated = meta['attribution-confidence'];
  const confidence = stated === undefined ? null : Number(stated);
  const country = meta.country ? reading.taxonomy.resolveCountry(meta.country) : undefined;
  if (meta.country && !country) reading.unknownValues.add(`origin country "${meta.country}"`);
  if (!country) return null;
  return {
    country,
    confidence: Number.isFinite(confidence) ? confidence : null,
    sourceIds: [reading.sourceId],
  };
}

/** Country names → codes; a name that is no country (a region, "Unknown") is counted and left out. */
function countriesOf(reading: ActorReading, names: string[]): string[] {
  return names.flatMap((text) => {
    const code = reading.taxonomy.resolveCountry(text);
    if (code) return [code];
    if (reading.taxonomy.notACountry(text) !== undefined) reading.notCountries.add(text.trim());
    else reading.unknownValues.add(`country "${text.trim()}"`);
    return [];
  });
}

/** Sector names → our sectors, as the MISP mapping table says; other values are counted. */
function sectorIdsOf(reading: ActorReading, names: string[]): string[] {
  const ids = names.flatMap((text) => {
    const mapped = reading.taxonomy.mapSector('misp', text);
    if (mapped && 'ids' in mapped) return mapped.ids;
    if (mapped) reading.unmappedSectors.add(text.trim());
    else reading.unknownValues.add(`sector "${text.trim()}"`);
    return [];
  });
  return [...new Set(ids)];
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedsDir } from '../paths.js';
import { allCountries, createCountryResolver, type CountryRecord } from './countries.js';

const taxonomyDir = path.join(seedsDir, 'taxonomy');

const nis2Schema = z.object({ sector: z.string(), annex: z.enum(['I', 'II']) }).nullable();
const subsectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  stixIndustry: z.string(),
  nis2: nis2Schema,
});
const sectorsFileSchema = z.object({
  sectors: z.array(subsectorSchema.extend({ subsectors: z.array(subsectorSchema).default([]) })),
});
const attackTypesFileSchema = z.object({
  attackTypes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
});
const sectorMappingFileSchema = z.object({
  mappings: z.record(z.string(), z.array(z.string())),
  unmapped: z.record(z.string(), z.string()).default({}),
});
const attackTypeMappingFileSchema = z.record(z.string(), z.record(z.string(), z.array(z.string())));
const countryAliasesFileSchema = z.object({
  aliases: z.record(z.string(), z.string()),
  notCountries: z.record(z.string(), z.string()).default({}),
});

export interface SectorRecord {
  id: string;
  name: string;
  description: string | null;
  stixIndustry: string;
  nis2Sector: string | null;
  nis2Annex: string | null;
  parentId: string | null;
}

export interface AttackTypeRecord {
  id: string;
  name: string;
  description: string;
}

/** Vocabularies of other trackers whose sector names we map onto ours. */
export const sectorVocabularies = ['native', 'misp', 'cfr', 'eurepoc', 'nace'] as const;
export type SectorVocabulary = (typeof sectorVocabularies)[number];
/** Vocabularies whose incident types we map onto our attack types. */
export const attackTypeVocabularies = ['native', 'misp', 'cfr', 'eurepoc', 'cyberpeace'] as const;
export type AttackTypeVocabulary = (typeof attackTypeVocabularies)[number];

export type Mapped = { ids: string[] } | { unmapped: string } | undefined;

export interface Taxonomy {
  sectors: SectorRecord[];
  attackTypes: AttackTypeRecord[];
  countries: CountryRecord[];
  isSector(id: string): boolean;
  isAttackType(id: string): boolean;
  /** A sector name in a vocabulary → our sector ids; `unmapped` when known to map nowhere. */
  mapSector(vocabulary: SectorVocabulary, value: string): Mapped;
  mapAttackType(vocabulary: AttackTypeVocabulary, value: string): Mapped;
  /** A country code or name in any common spelling → ISO alpha-2. */
  resolveCountry(text: string): string | undefined;
  /** Why a value that looks like a country is known not to be one (e.g. "U.S. satellite sector"). */
  notACountry(text: string): string | undefined;
}

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(taxonomyDir, name), 'utf8')) as unknown;

/** Lookups ignore case and surrounding space: trackers are inconsistent about both. */
const normalise = (value: string): string => value.trim().toLowerCase();

function lookupTable(file: z.infer<typeof sectorMappingFileSchema>) {
  const mapped = new Map(Object.entries(file.mappings).map(([k, v]) => [normalise(k), v]));
  const unmapped = new Map(Object.entries(file.unmapped).map(([k, v]) => [normalise(k), v]));
  return (value: string): Mapped => {
    const ids = mapped.get(normalise(value));
    if (ids) return { ids };
    const reason = unmapped.get(normalise(value));
    return reason === undefined ? undefined : { unmapped: reason };
  };
}

/** An incident type mapped to an empty list is known and maps to no attack type ("Unknown"). */
function attackTypeTable(table: Record<string, string[]>): z.infer<typeof sectorMappingFileSchema> {
  const entries = Object.entries(table);
  return {
    mappings: Object.fromEntries(entries.filter(([, ids]) => ids.length > 0)),
    unmapped: Object.fromEntries(
      entries
        .filter(([, ids]) => ids.length === 0)
        .map(([value]) => [value, 'a known value that names no attack type']),
    ),
  };
}

interface SectorMappingFile {
  file: string;
  table: z.infer<typeof sectorMappingFileSchema>;
}

/** Sectors with their sub-sectors: a filter on a parent sector includes its children. */
export function withSubsectors(ids: string[], taxonomy: Taxonomy): string[] {
  const all = new Set(ids);
  for (const sector of taxonomy.sectors)
    if (sector.parentId && all.has(sector.parentId)) all.add(sector.id);
  return [...all];
}

let cached: Taxonomy | undefined;

/** Reads seeds/taxonomy once per process and checks that every mapping points at a real id. */
export function loadTaxonomy(): Taxonomy {
  if (cached) return cached;
  const sectorsFile = sectorsFileSchema.parse(readJson('sectors.json'));
  const sectors: SectorRecord[] = sectorsFile.sectors.flatMap((top) => [
    toSector(top, null),
    ...top.subsectors.map((sub) => toSector(sub, top.id)),
  ]);
  const sectorIds = new Set(sectors.map((s) => s.id));
  const attackTypes = attackTypesFileSchema.parse(readJson('attack-types.json')).attackTypes;
  const attackTypeIds = new Set(attackTypes.map((a) => a.id));

  const sectorMappingFiles = {
    misp: 'mappings/misp-sectors.json',
    cfr: 'mappings/cfr-target-categories.json',
    eurepoc: 'mappings/eurepoc-receivers.json',
    nace: 'mappings/nace-sections.json',
  } as const;
  const sectorMappings = Object.fromEntries(
    Object.entries(sectorMappingFiles).map(([vocabulary, file]) => [
      vocabulary,
      { file, table: sectorMappingFileSchema.parse(readJson(file)) },
    ]),
  ) as Record<keyof typeof sectorMappingFiles, SectorMappingFile>;
  const sectorTables = {
    misp: lookupTable(sectorMappings.misp.table),
    cfr: lookupTable(sectorMappings.cfr.table),
    eurepoc: lookupTable(sectorMappings.eurepoc.table),
    nace: lookupTable(sectorMappings.nace.table),
  };
  const attackTypeFile = attackTypeMappingFileSchema.parse(readJson('mappings/attack-types.json'));
  const attackTables = Object.fromEntries(
    Object.entries(attackTypeFile).map(([vocabulary, table]) => [
      vocabulary,
      lookupTable(attackTypeTable(table)),
    ]),
  );
  const countryFile = countryAliasesFileSchema.parse(readJson('country-aliases.json'));
  const notCountries = new Map(
    Object.entries(countryFile.notCountries).map(([k, v]) => [normalise(k), v]),
  );

  const nativeSector = idOrNameLookup(sectors);
  const nativeAttackType = idOrNameLookup(attackTypes);
  const taxonomy: Taxonomy = {
    sectors,
    attackTypes,
    countries: allCountries(),
    isSector: (id) => sectorIds.has(id),
    isAttackType: (id) => attackTypeIds.has(id),
    mapSector: (vocabulary, value) => {
      if (vocabulary === 'native') return nativeSector(value);
      return sectorTables[vocabulary](value);
    },
    mapAttackType: (vocabulary, value) => {
      if (vocabulary === 'native') return nativeAttackType(value);
      return attackTables[vocabulary]?.(value);
    },
    resolveCountry: createCountryResolver(countryFile.aliases),
    notACountry: (text) => notCountries.get(normalise(text)),
  };
  assertMappingsPointAtKnownIds(
    sectorIds,
    attackTypeIds,
    Object.values(sectorMappings),
    attackTypeFile,
    countryFile.aliases,
  );
  cached = taxonomy;
  return taxonomy;
}

/**
 * Our own vocabulary read as people write it: an id or a name, in any case ("Public
 * administration", "public-administration", "Hack and leak", "hack_and_leak").
 */
function idOrNameLookup(
  entries: readonly { id: string; name: string }[],
): (value: string) => Mapped {
  const byKey = new Map<string, string>();
  for (const { id, name } of entries) {
    byKey.set(normalise(id), id);
    byKey.set(normalise(name), id);
  }
  return (value) => {
    const id = byKey.get(normalise(value));
    return id === undefined ? undefined : { ids: [id] };
  };
}

function toSector(entry: z.infer<typeof subsectorSchema>, parentId: string | null): SectorRecord {
  return {
    id: entry.id,
    name: entry.name,
    description: entry.description ?? null,
    stixIndustry: entry.stixIndustry,
    nis2Sector: entry.nis2?.sector ?? null,
    nis2Annex: entry.nis2?.annex ?? null,
    parentId,
  };
}

/** A mapping that names an id we do not have is a bug in the data; fail loudly at load. */
function assertMappingsPointAtKnownIds(
  sectorIds: Set<string>,
  attackTypeIds: Set<string>,
  sectorMappings: SectorMappingFile[],
  attackTypeFile: Record<string, Record<string, string[]>>,
  countryAliases: Record<string, string>,
): void {
  const problems: string[] = [];
  for (const { file, table } of sectorMappings) {
    for (const [value, ids] of Object.entries(table.mappings)) {
      for (const id of ids)
        if (!sectorIds.has(id)) problems.push(`${file}: "${value}" maps to unknown sector "${id}"`);
    }
  }
  for (const [vocabulary, table] of Object.entries(attackTypeFile)) {
    for (const [value, ids] of Object.entries(table)) {
      for (const id of ids) {
        if (!attackTypeIds.has(id))
          problems.push(
            `mappings/attack-types.json: ${vocabulary} "${value}" maps to unknown attack type "${id}"`,
          );
      }
    }
  }
  const codes = new Set(allCountries().map((c) => c.iso2));
  for (const [name, code] of Object.entries(countryAliases)) {
    if (!codes.has(code))
      problems.push(`country-aliases.json: "${name}" maps to unknown country code "${code}"`);
  }
  if (problems.length > 0)
    throw new Error(`Invalid taxonomy in seeds/taxonomy:\n  ${problems.join('\n  ')}`);
}

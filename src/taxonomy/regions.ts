import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedsDir } from '../paths.js';
import { allCountries, m49Areas, m49AreasOf } from './countries.js';

/**
 * The regions an incident filter may name: the UN M49 regions, sub-regions and intermediate
 * regions, the European Union, and "Global" (what trackers write for an operation without
 * borders). A region holds its countries and, for incidents that name regions instead of
 * countries, the regions inside it.
 */
export type RegionKind = 'REGION' | 'SUB_REGION' | 'INTERMEDIATE_REGION' | 'UNION' | 'GLOBAL';

export interface RegionRecord {
  name: string;
  kind: RegionKind;
  /** The region it lies in; null at the top. */
  parent: string | null;
  /** ISO alpha-2 codes of its countries, sorted; none for Global, which names no country. */
  countryCodes: string[];
}

/** What a filter naming some regions matches: affected countries, or regions an incident names. */
export interface RegionScope {
  countryCodes: string[];
  /** The regions named and every region inside them, lower-cased. */
  names: string[];
}

const m49Kinds: Record<number, RegionKind> = {
  1: 'REGION',
  2: 'SUB_REGION',
  3: 'INTERMEDIATE_REGION',
};

const euFileSchema = z.object({ members: z.array(z.string().regex(/^[A-Z]{2}$/)) });

const readSeed = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(seedsDir, name), 'utf8')) as unknown;

let cached: RegionRecord[] | undefined;

/** Every region, M49's in its order, then EU and Global. */
export function allRegions(): RegionRecord[] {
  if (cached) return cached;
  const members = new Map<string, string[]>();
  const join = (region: string, iso2: string) =>
    members.set(region, [...(members.get(region) ?? []), iso2]);
  for (const country of allCountries()) {
    // Region and sub-region as the country carries them (supplemented where M49 is silent), and
    // the intermediate region M49 may add.
    const areas = new Set([
      country.region,
      country.subregion,
      ...m49AreasOf(country.iso3).map((a) => a.name),
    ]);
    for (const area of areas) if (area !== null) join(area, country.iso2);
  }
  const eu = euFileSchema.parse(readSeed('eu-member-states.json')).members;
  cached = [
    ...m49Areas().map((area) => ({
      name: area.name,
      kind: m49Kinds[area.type] ?? 'REGION',
      parent: area.parent,
      countryCodes: (members.get(area.name) ?? []).sort(),
    })),
    // Not an M49 area: the union is listed under Europe, where trackers place it.
    { name: 'EU', kind: 'UNION', parent: 'Europe', countryCodes: [...eu].sort() },
    { name: 'Global', kind: 'GLOBAL', parent: null, countryCodes: [] },
  ];
  return cached;
}

/** A region by name, whatever its case. */
export function findRegion(name: string): RegionRecord | undefined {
  const wanted = name.trim().toLowerCase();
  return allRegions().find((region) => region.name.toLowerCase() === wanted);
}

/** The countries and region names a filter on these regions matches. */
export function regionScope(regions: readonly RegionRecord[]): RegionScope {
  const names = new Set<string>();
  const countryCodes = new Set<string>();
  const within = (name: string) => {
    if (names.has(name.toLowerCase())) return;
    names.add(name.toLowerCase());
    for (const inner of allRegions()) if (inner.parent === name) within(inner.name);
  };
  for (const region of regions) {
    within(region.name);
    for (const code of region.countryCodes) countryCodes.add(code);
  }
  return { countryCodes: [...countryCodes].sort(), names: [...names].sort() };
}

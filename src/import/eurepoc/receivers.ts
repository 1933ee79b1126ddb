import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { OrganizationRecord } from '../records.js';
import { slugify } from '../slug.js';
import { isPlaceholder, type DropValue } from './cells.js';
import type { EurepocVocabulary } from './eurepoc-vocabulary.js';

/** One receiver of an incident, as EuRepoC codes it: placeholders already left out. */
export interface Receiver {
  countries: string[];
  names: string[];
  /** Categories and their subcategories, aligned by position. */
  categories: string[];
  subcategories: string[];
}

export interface PlacedReceivers {
  countries: { iso2: string; primary: boolean }[];
  regions: string[];
  sectorIds: string[];
  organizations: OrganizationRecord[];
}

/** Region receivers are written "Europe (region)": they name no country. */
const REGION = /\(region\)\s*$/i;

/**
 * Receivers → the incident's countries (the first receiver's is primary), the regions it names
 * instead of a country, its sectors and the organisations named as receivers. A value that maps
 * nowhere is dropped and reported through its receiver's `drop`; the receiver keeps the rest.
 */
export function placeReceivers(
  receivers: { receiver: Receiver; drop: DropValue }[],
  taxonomy: Taxonomy,
  vocabulary: EurepocVocabulary,
): PlacedReceivers {
  const countries: string[] = [];
  const regions: string[] = [];
  const sectorIds: string[] = [];
  const organizations: OrganizationRecord[] = [];
  for (const { receiver, drop } of receivers) {
    const own = { countries: [] as string[], sectors: [] as string[] };
    for (const value of receiver.countries) {
      if (REGION.test(value)) {
        const region = vocabulary.region(value);
        if (region && 'value' in region) regions.push(region.value);
        else
          drop(
            'receiver_country',
            region
              ? `a region of no UN M49 name (${region.unmapped})`
              : 'unknown region in the eurepoc vocabulary',
            value,
          );
        continue;
      }
      const code = taxonomy.resolveCountry(value);
      if (code) own.countries.push(code);
      else {
        const not = taxonomy.notACountry(value);
        drop('receiver_country', not ? `not a country (${not})` : 'unknown country', value);
      }
    }
    receiver.categories.forEach((category, i) => {
      own.sectors.push(...sectorsOf(category, receiver.subcategories[i], taxonomy, drop));
    });
    countries.push(...own.countries);
    sectorIds.push(...own.sectors);
    for (const name of receiver.names) {
      // A receiver named after its country is the country, already placed.
      if (taxonomy.resolveCountry(name)) continue;
      const organization = organizationOf(name, own.countries[0] ?? null, own.sectors);
      if (organization) organizations.push(organization);
    }
  }
  return {
    countries: [...new Set(countries)].map((iso2, i) => ({ iso2, primary: i === 0 })),
    regions: [...new Set(regions)],
    sectorIds: [...new Set(sectorIds)],
    organizations: mergeOrganizations(organizations),
  };
}

/**
 * A category and its subcategory → sectors: "<category> > <subcategory>" first, then the category
 * alone, so an unknown subcategory still places the receiver in its category's sector.
 */
function sectorsOf(
  category: string,
  subcategory: string | undefined,
  taxonomy: Taxonomy,
  drop: DropValue,
): string[] {
  const sub = subcategory !== undefined && !isPlaceholder(subcategory) ? subcategory : undefined;
  if (sub !== undefined) {
    const value = `${category} > ${sub}`;
    const mapped = taxonomy.mapSector('eurepoc', value);
    if (mapped && 'ids' in mapped) return mapped.ids;
    if (mapped) {
      drop('receiver_category_subcode', `maps to no sector of ours (${mapped.unmapped})`, value);
      return [];
    }
    drop(
      'receiver_category_subcode',
      'unknown receiver subcategory in the eurepoc vocabulary',
      value,
    );
  }
  const mapped = taxonomy.mapSector('eurepoc', category);
  if (mapped && 'ids' in mapped) return mapped.ids;
  drop(
    'receiver_category',
    mapped
      ? `maps to no sector of ours (${mapped.unmapped})`
      : 'unknown receiver category in the eurepoc vocabulary',
    category,
  );
  return [];
}

/**
 * A receiver's name → an organisation, its id scoped by its country (or "eurepoc" without one) so
 * that generic names ("Ministry of Defence") of different countries stay apart.
 */
function organizationOf(
  name: string,
  country: string | null,
  sectorIds: string[],
): OrganizationRecord | undefined {
  const slug = slugify(name);
  if (!slug) return undefined;
  return {
    id: `${country ? country.toLowerCase() : 'eurepoc'}-${slug}`.slice(0, 128),
    name: name.trim(),
    sectorIds: [...new Set(sectorIds)],
    country,
  };
}

/** The same organisation named twice (two receivers, two incidents) is one, with both's sectors. */
export function mergeOrganizations(organizations: OrganizationRecord[]): OrganizationRecord[] {
  const byId = new Map<string, OrganizationRecord>();
  for (const organization of organizations) {
    const known = byId.get(organization.id);
    byId.set(
      organization.id,
      known
        ? { ...known, sectorIds: [...new Set([...known.sectorIds, ...organization.sectorIds])] }
        : organization,
    );
  }
  return [...byId.values()];
}

import type { CountryRecord } from '../../taxonomy/countries.js';
import { normaliseValue } from './cells.js';

/** Names for the whole world and the European Union, beside the UN M49 regions. */
const supranational: Record<string, string> = {
  eu: 'EU',
  'european union': 'EU',
  global: 'Global',
  worldwide: 'Global',
  world: 'Global',
};

/** EuRepoC marks a receiver that is a region: "Europe (region)", "Global (region)". */
const REGION_SUFFIX = /\s*\(region\)$/i;

/**
 * A value naming a region rather than a country → the region's name as stored on the incident:
 * a UN M49 region or sub-region as M49 spells it ("Eastern Europe"), "EU" or "Global".
 * Undefined for anything else, countries included.
 */
export function createRegionResolver(
  countries: readonly CountryRecord[],
): (text: string) => string | undefined {
  const byName = new Map(Object.entries(supranational));
  for (const country of countries)
    for (const name of [country.region, country.subregion])
      if (name) byName.set(normaliseValue(name), name);
  return (text) => byName.get(normaliseValue(text.replace(REGION_SUFFIX, '')));
}

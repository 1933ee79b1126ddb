import { describe, expect, it } from 'vitest';
import { allRegions, findRegion, regionScope } from '../../src/taxonomy/regions.js';

const region = (name: string) => {
  const found = findRegion(name);
  if (!found) throw new Error(`no region ${name}`);
  return found;
};

describe('the regions a filter names', () => {
  it('lists every M49 region, sub-region and intermediate region once, then EU and Global', () => {
    const regions = allRegions();
    expect(new Set(regions.map((r) => r.name)).size).toBe(regions.length);
    expect(
      regions
        .filter((r) => r.kind === 'REGION')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(regions.filter((r) => r.kind === 'SUB_REGION')).toHaveLength(17);
    expect(regions.filter((r) => r.kind === 'INTERMEDIATE_REGION')).toHaveLength(7);
    expect(regions.slice(-2).map((r) => r.name)).toEqual(['EU', 'Global']);
  });

  it('finds a region whatever its case, and nothing for an unknown name', () => {
    expect(findRegion(' eastern EUROPE ')?.name).toBe('Eastern Europe');
    expect(findRegion('Narnia')).toBeUndefined();
  });

  it('gives each region its countries, areas M49 leaves out placed by the supplement', () => {
    expect(region('Eastern Europe').countryCodes).toEqual(expect.arrayContaining(['UA', 'PL']));
    expect(region('Eastern Asia').countryCodes).toContain('TW');
    expect(region('Southern Europe').countryCodes).toContain('XK');
    expect(region('South America').countryCodes).toContain('BR');
    expect(region('Latin America and the Caribbean').countryCodes).toContain('BR');
    expect(region('EU').countryCodes).toHaveLength(27);
    expect(region('EU').countryCodes).not.toContain('GB');
    expect(region('Global').countryCodes).toEqual([]);
  });

  it('reaches the regions inside those named, for incidents that name a region', () => {
    const europe = regionScope([region('Europe')]);
    expect(europe.names).toEqual(
      expect.arrayContaining(['europe', 'eastern europe', 'western europe', 'eu']),
    );
    expect(europe.names).not.toContain('global');
    expect(europe.countryCodes).toEqual(expect.arrayContaining(['UA', 'FR']));
    expect(regionScope([region('EU')]).names).toEqual(['eu']);
    expect(regionScope([region('Americas')]).names).toContain('south america');
  });
});

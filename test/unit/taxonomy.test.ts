import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
/** Excerpts of the MISP galaxy's threat-actor and sector clusters, values untouched. */
const mispDir = path.join(projectRoot, 'test', 'fixtures', 'misp-galaxy');

describe('sectors', () => {
  it('form a tree of about 23 top-level sectors, each mapped to STIX and, where one exists, NIS2', () => {
    const top = taxonomy.sectors.filter((s) => s.parentId === null);
    expect(top.length).toBeGreaterThanOrEqual(20);
    expect(top.length).toBeLessThanOrEqual(25);
    expect(top.map((s) => s.id)).toEqual(
      expect.arrayContaining(['health', 'energy', 'water', 'civil-society', 'political-processes']),
    );
    for (const sector of taxonomy.sectors) expect(sector.stixIndustry).toMatch(/^[a-z-]+$/);
    expect(taxonomy.sectors.find((s) => s.id === 'hospitals')).toMatchObject({
      parentId: 'health',
      nis2Sector: 'Health',
    });
    expect(taxonomy.sectors.find((s) => s.id === 'defence')?.nis2Sector).toBeNull();
  });

  it('give every sub-sector an existing parent and a unique id', () => {
    const ids = taxonomy.sectors.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of taxonomy.sectors) if (s.parentId) expect(ids).toContain(s.parentId);
    for (const id of [
      'hospitals',
      'pharmaceuticals',
      'medical-devices',
      'health-insurance',
      'public-health',
    ]) {
      expect(taxonomy.sectors.find((s) => s.id === id)?.parentId).toBe('health');
    }
    for (const id of ['electricity', 'oil', 'gas', 'nuclear', 'district-heating']) {
      expect(taxonomy.sectors.find((s) => s.id === id)?.parentId).toBe('energy');
    }
  });
});

describe('countries', () => {
  it('are every ISO 3166-1 country with its UN M49 region', () => {
    expect(taxonomy.countries.length).toBeGreaterThanOrEqual(249);
    expect(taxonomy.countries.find((c) => c.iso2 === 'UA')).toMatchObject({
      iso3: 'UKR',
      region: 'Europe',
      subregion: 'Eastern Europe',
    });
    expect(taxonomy.countries.find((c) => c.iso2 === 'KE')).toMatchObject({
      region: 'Africa',
      subregion: 'Sub-Saharan Africa',
    });
    expect(taxonomy.countries.filter((c) => c.region === null).map((c) => c.iso2)).toEqual(['AQ']);
  });

  it.each([
    ['United States', 'US'],
    ['USA', 'US'],
    ['Russian Federation', 'RU'],
    ['Iran, Islamic Republic of', 'IR'],
    ['South Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['  ukraine ', 'UA'],
    ['UKR', 'UA'],
    ['de', 'DE'],
  ])('resolve "%s" to %s', (name, code) => {
    expect(taxonomy.resolveCountry(name)).toBe(code);
  });

  it('do not resolve what is not a country, and say why when known', () => {
    expect(taxonomy.resolveCountry('Atlantis')).toBeUndefined();
    expect(taxonomy.resolveCountry('U.S. satellite and aerospace sector')).toBeUndefined();
    expect(taxonomy.notACountry('U.S. satellite and aerospace sector')).toBeDefined();
  });
});

interface MispValue {
  meta?: Record<string, unknown>;
}
const asList = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];

describe('mappings from the MISP galaxy', () => {
  const actors = (
    JSON.parse(readFileSync(path.join(mispDir, 'threat-actor.json'), 'utf8')) as {
      values: MispValue[];
    }
  ).values;
  const sectors = (
    JSON.parse(readFileSync(path.join(mispDir, 'sector.json'), 'utf8')) as {
      values: { value: string }[];
    }
  ).values;

  it('cover every sector value, with trailing spaces and any case, mapped or reported as unmapped', () => {
    const values = new Set([
      ...sectors.map((s) => s.value),
      ...actors.flatMap((a) => [
        ...asList(a.meta?.['targeted-sector']),
        ...asList(a.meta?.['cfr-target-category']),
      ]),
    ]);
    expect(values).toContain('Academia - University ');
    expect(values.size).toBe(66);
    const unknown = [...values].filter((v) => taxonomy.mapSector('misp', v) === undefined);
    expect(unknown).toEqual([]);
    expect(taxonomy.mapSector('misp', 'Academia - University ')).toEqual({
      ids: ['higher-education'],
    });
  });

  it('resolve every suspected victim to a country or to a known non-country', () => {
    const victims = new Set(actors.flatMap((a) => asList(a.meta?.['cfr-suspected-victims'])));
    const unresolved = [...victims].filter(
      (v) => !taxonomy.resolveCountry(v) && taxonomy.notACountry(v) === undefined,
    );
    expect(unresolved).toEqual([]);
    // Names, not codes, and some of them no country at all.
    expect(victims).toContain('United States');
    expect(victims).toContain('U.S. satellite and aerospace sector');
    expect([...victims].filter((v) => taxonomy.notACountry(v) !== undefined)).toHaveLength(21);
  });

  it('map every CFR incident type onto our attack types', () => {
    const types = new Set(actors.flatMap((a) => asList(a.meta?.['cfr-type-of-incident'])));
    // The excerpt holds every type the whole galaxy uses.
    expect([...types].sort()).toEqual([
      'Business Email Compromise',
      'Defacement',
      'Denial of service',
      'Espionage',
      'Extortion',
      'Financial Theft',
      'Information Operations',
      'Sabotage',
    ]);
    const unknown = [...types].filter((t) => taxonomy.mapAttackType('cfr', t) === undefined);
    expect(unknown).toEqual([]);
  });
});

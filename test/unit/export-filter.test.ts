import { describe, expect, it } from 'vitest';
import { parseExportFilter, type FilterValues } from '../../src/export/export-filter.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const parse = (values: FilterValues) => parseExportFilter(values, taxonomy);
const problemsOf = (values: FilterValues) =>
  (parse(values).problems ?? []).map((p) => `${p.field}=${p.value}: ${p.reason}`);

describe('the export filter', () => {
  it('is empty when nothing is given', () => {
    expect(parse({}).conditions).toEqual({
      from: null,
      to: null,
      sectorIds: null,
      countryCodes: null,
      originCountryCodes: null,
      actorIds: null,
      attackTypes: null,
      minConfidence: null,
      attributionStatuses: null,
      crossBorder: null,
      datasetIds: null,
      regions: null,
      attributed: null,
      impactCategories: null,
    });
  });

  it('reads dates at their precision: from the first day, to the last', () => {
    expect(parse({ from: ['2022'], to: ['2022-02'] }).conditions).toMatchObject({
      from: '2022-01-01',
      to: '2022-02-28',
    });
    expect(parse({ from: ['2024-02-29'], to: ['2024-02-29'] }).conditions).toMatchObject({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('refuses what is no calendar date, naming the field and value', () => {
    expect(problemsOf({ from: ['garbage'] })).toEqual([
      'from=garbage: expected YYYY, YYYY-MM or YYYY-MM-DD, got "garbage"',
    ]);
    expect(problemsOf({ from: ['2022-02-30'] })).toEqual([
      'from=2022-02-30: "2022-02-30" is not a real date (2022-02 has 28 days)',
    ]);
    expect(problemsOf({ to: ['2022-13-45'] })).toEqual([
      'to=2022-13-45: "2022-13-45" has no month 13',
    ]);
    expect(problemsOf({ from: ['2023'], to: ['2022-12'] })).toEqual([
      'from=2023: after to=2022-12',
    ]);
  });

  it('takes repeated list values as one list, comma-separated ones too', () => {
    expect(parse({ actorIds: ['sandworm', 'apt28,Actor:apt29'] }).conditions?.actorIds).toEqual([
      'sandworm',
      'apt28',
      'apt29',
    ]);
  });

  it('refuses a single-valued field given twice rather than keeping one', () => {
    expect(problemsOf({ from: ['2022', '2023'] })).toEqual([
      'from=2022,2023: given 2 times; from takes one value',
    ]);
    expect(problemsOf({ minConfidence: ['50', '60'] })).toEqual([
      'minConfidence=50,60: given 2 times; minConfidence takes one value',
    ]);
  });

  it('expands a sector to its sub-sectors and accepts its global id', () => {
    const sectors = parse({ sectorIds: ['Sector:energy'] }).conditions?.sectorIds ?? [];
    expect(sectors[0]).toBe('energy');
    expect(sectors).toEqual(
      expect.arrayContaining(
        taxonomy.sectors.filter((s) => s.parentId === 'energy').map((s) => s.id),
      ),
    );
  });

  it('resolves countries as the API does', () => {
    expect(parse({ countryCodes: ['ua', 'USA'] }).conditions?.countryCodes).toEqual(['UA', 'US']);
  });

  it('checks enums, numbers and booleans', () => {
    expect(
      parse({ minConfidence: ['50'], attributionStatuses: ['ATTRIBUTED'], crossBorder: ['false'] })
        .conditions,
    ).toMatchObject({ minConfidence: 50, attributionStatuses: ['ATTRIBUTED'], crossBorder: false });
    expect(
      problemsOf({
        minConfidence: ['101'],
        attributionStatuses: ['CONFIRMED'],
        crossBorder: ['yes'],
      }),
    ).toEqual([
      'minConfidence=101: not a whole number from 0 to 100',
      'attributionStatuses=CONFIRMED: not one of CLAIMED, SUSPECTED, ATTRIBUTED, DISPUTED, RETRACTED',
      'crossBorder=yes: not true or false',
    ]);
    expect(problemsOf({ minConfidence: ['-1'] })).toEqual([
      'minConfidence=-1: not a whole number from 0 to 100',
    ]);
  });

  it('names every bad value at once, a formula among them', () => {
    expect(
      problemsOf({
        sectorIds: ['energy,=HYPERLINK("http://x")'],
        countryCodes: ['Atlantis'],
        actorIds: ['Sector:energy', ''],
        attackTypes: ['@SUM(A1)'],
        form: ['2022'],
      }),
    ).toEqual([
      'form=2022: not a filter; the filters are from, to, sectorIds, countryCodes, originCountryCodes, actorIds, attackTypes, minConfidence, attributionStatuses, crossBorder, datasetIds, regions, attributed, impactCategories',
      'sectorIds==HYPERLINK("http://x"): not a sector (the sectors query lists them)',
      'countryCodes=Atlantis: not a country (use ISO 3166-1 codes such as UA)',
      'actorIds=Sector:energy: not an actor id (a lowercase slug such as sandworm, or Actor:sandworm)',
      'actorIds=: empty',
      'attackTypes=@SUM(A1): not an attack type (the attackTypes query lists them)',
    ]);
  });

  it('reads datasets, regions, attribution and impact categories as the API does', () => {
    const { conditions } = parse({
      datasetIds: ['Dataset:cyberpeace,eurepoc'],
      regions: ['eu'],
      attributed: ['true'],
      impactCategories: ['DATA'],
    });
    expect(conditions).toMatchObject({
      datasetIds: ['cyberpeace', 'eurepoc'],
      attributed: true,
      impactCategories: ['DATA'],
    });
    expect(conditions?.regions?.countryCodes).toHaveLength(27);
    expect(conditions?.regions?.names).toEqual(['eu']);
    expect(
      problemsOf({
        datasetIds: ['Not A Slug'],
        regions: ['Narnia'],
        impactCategories: ['data'],
        attributed: ['yes'],
      }),
    ).toEqual([
      'regions=Narnia: not a region (the regions query lists them)',
      'datasetIds=Not A Slug: not a dataset id (a lowercase slug, or Dataset:…; the datasets query lists them)',
      'attributed=yes: not true or false',
      'impactCategories=data: not one of DISRUPTION, DATA, DISINFORMATION, DESTRUCTION, OTHER, UNKNOWN',
    ]);
    expect(problemsOf({ attributed: ['false'], crossBorder: ['true'] })).toEqual([
      "crossBorder=true: speaks of an attributed actor's origin, so cannot go with attributed=false",
    ]);
  });

  it('caps a list at the filter maximum', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `actor-${i}`);
    expect(problemsOf({ actorIds: [many.join(',')] })).toEqual([
      'actorIds=1001 values: more than 1000 values, the most a filter takes',
    ]);
    expect(parse({ actorIds: many.slice(0, 1000) }).conditions?.actorIds).toHaveLength(1000);
  });
});

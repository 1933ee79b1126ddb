import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEurepoc } from '../../src/import/eurepoc/read-eurepoc.js';
import { detectFormat } from '../../src/import/formats.js';
import { loadEurepocVocabulary } from '../../src/import/eurepoc/eurepoc-vocabulary.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const fixture = (name: string) => {
  const file = path.join(projectRoot, 'test/fixtures/eurepoc', name);
  return { file, text: readFileSync(file, 'utf8') };
};
const release = [
  fixture('global_dataset.csv'),
  fixture('attributions.csv'),
  fixture('receivers.csv'),
];
const taxonomy = loadTaxonomy();
const incidentOf = (result: ReturnType<typeof readEurepoc>, id: string) =>
  result.records.incidents.find((i) => i.id === `eurepoc-${id}`);

describe('readEurepoc on the release with its companions', () => {
  const result = readEurepoc(release, taxonomy);

  it('keeps every incident but the one without a start date, and says why', () => {
    expect(result.records.incidents).toHaveLength(24);
    expect(result.issues).toEqual([
      {
        file: release[0]?.file,
        kind: 'incidents',
        location: 'line 8',
        recordId: '1007',
        field: 'start_date',
        reason: 'EuRepoC gives no start date; an incident needs one',
      },
    ]);
  });

  it('makes one claim per attribution row and initiator, keyed by attribution_ID', () => {
    const incident = incidentOf(result, '1001');
    expect(incident?.attributions).toEqual([
      expect.objectContaining({
        actorId: 'sandworm',
        basis: 'GOVERNMENT',
        status: 'ATTRIBUTED',
        confidence: 85,
        claimedBy: 'Security Service of Ukraine (SBU); Ukraine',
        assessedAt: '2022-02-25',
        key: 'att-001',
      }),
      expect.objectContaining({ basis: 'SECURITY_INDUSTRY', claimedBy: 'ESET', key: 'att-002' }),
      expect.objectContaining({ basis: 'INTERNATIONAL_ORGANIZATION', key: 'att-003' }),
    ]);
    const keys = result.records.incidents.flatMap((i) =>
      i.attributions.flatMap((a) => a.key ?? []),
    );
    // 36 rows: one names no initiator, one belongs to the rejected incident, one names two.
    expect(keys).toHaveLength(35);
    expect(new Set(keys).size).toBe(34);
    expect(result.skipped).toEqual({ 'attribution rows naming no initiator': 1 });
  });

  it("claims an incident's own initiator when no attribution row names the incident", () => {
    expect(incidentOf(result, '1009')?.attributions).toEqual([
      expect.objectContaining({
        actorId: 'lazarus-group',
        claimedBy: 'EuRepoC',
        basis: 'MEDIA',
        key: null,
      }),
    ]);
  });

  it('makes one actor of names, aliases and ATT&CK id joined with "/", with origin and type', () => {
    const sandworm = result.records.actors.find((a) => a.id === 'sandworm');
    expect(sandworm).toMatchObject({
      name: 'Sandworm',
      aliases: ['Voodoo Bear', 'Electrum'],
      externalIds: ['G0034'],
      type: 'STATE',
      origin: { country: 'RU', confidence: 85 },
    });
    expect(result.records.actors.filter((a) => a.externalIds.includes('G0034'))).toHaveLength(1);
    expect(result.dropped).toContainEqual(
      expect.objectContaining({
        field: 'attributed_initiator_country',
        reason: 'another row gives APT28 the origin RU; the first is kept',
        value: 'UA',
      }),
    );
  });

  it('keeps regions named as receivers on the incident, inventing no country', () => {
    expect(incidentOf(result, '1002')).toMatchObject({ countries: [], regions: ['Europe'] });
    expect(incidentOf(result, '1003')).toMatchObject({
      countries: [{ iso2: 'UA', primary: true }],
      regions: ['Global'],
    });
    expect(result.dropped).toContainEqual(
      expect.objectContaining({ value: 'NATO (region)', field: 'receiver_country' }),
    );
  });

  it("lets the receiver file's rows replace the incident file's receiver columns", () => {
    expect(incidentOf(result, '1001')).toMatchObject({
      countries: [
        { iso2: 'UA', primary: true },
        { iso2: 'LV', primary: false },
      ],
      sectorIds: ['government-national', 'military', 'energy'],
      organizationIds: ['ua-ministry-of-foreign-affairs', 'ua-ministry-of-defence'],
    });
  });

  it('reads nested receiver lists with subcategories aligned to categories', () => {
    expect(incidentOf(result, '1011')).toMatchObject({
      countries: [
        { iso2: 'DE', primary: true },
        { iso2: 'GB', primary: false },
      ],
      sectorIds: ['activists-and-dissidents', 'ngos'],
    });
    expect(incidentOf(result, '1017')).toMatchObject({
      countries: [{ iso2: 'LT', primary: true }],
      sectorIds: ['energy'],
    });
  });

  it('keeps the start of an incident that ends before it, and reports the end', () => {
    expect(incidentOf(result, '1006')).toMatchObject({
      startDate: '2022-03-10',
      endDate: '2022-03-10',
      endPrecision: null,
    });
    expect(result.dropped).toContainEqual(
      expect.objectContaining({ field: 'end_date', value: '2022-03-01', location: 'line 7' }),
    );
    expect(incidentOf(result, '1004')).toMatchObject({
      startDate: '2021-05-01',
      endDate: '2021-05-31',
      datePrecision: 'MONTH',
    });
  });

  it("records the incident's impact, citing its sources", () => {
    const incident = incidentOf(result, '1001');
    expect(incident?.impact).toEqual({
      categories: [
        { category: 'DISRUPTION', description: null },
        { category: 'OTHER', description: null },
      ],
      cyberIntensity: {
        unweighted: 2,
        weighted: 4,
        targetMultiplier: 'Moderate - Targeting critical infrastructure',
      },
      functional: 'Days (< 7 days)',
      intelligence: 'Minor data breach',
      political: [{ measure: 'affected_entities', level: 'Low (< 10 entities)' }],
      economic: 'Millions',
      economicValue: { amount: 2500000, currency: 'Euro (EUR)' },
      casualties: null,
      sourceIds: incident?.sourceIds,
    });
  });

  it('stores no "Not available" anywhere, and reports every value it leaves out', () => {
    expect(JSON.stringify(result.records)).not.toMatch(/not available/i);
    expect(result.dropped).toContainEqual(
      expect.objectContaining({
        field: 'sources_url',
        reason: 'not an http(s) URL',
        value: 'www.example.org/no-scheme',
      }),
    );
    expect(result.dropped).toContainEqual(
      expect.objectContaining({
        field: 'receiver_country',
        reason: 'unknown country',
        value: 'Atlantis',
      }),
    );
    expect(result.dropped).toContainEqual(
      expect.objectContaining({
        field: 'attribution_basis',
        reason: 'unknown attribution basis in the eurepoc vocabulary',
        value: 'Political attribution statement',
      }),
    );
  });
});

describe('readEurepoc on files that do not fit', () => {
  const csv = (file: string, ...lines: string[]) => ({ file, text: lines.join('\n') });

  it('refuses a file that is none of the three, and a release without its incident file', () => {
    const result = readEurepoc([csv('other.csv', 'a,b', '1,2')], taxonomy);
    expect(result.issues).toEqual([
      {
        file: 'other.csv',
        location: 'line 1',
        reason:
          'not an EuRepoC incident, attribution or receiver file: its header has none of "incident_type", "attribution_ID", "receiver_country"',
      },
    ]);
    const alone = readEurepoc([release[1] ?? fixture('attributions.csv')], taxonomy);
    expect(alone.issues[0]?.reason).toMatch(/none of these files is the EuRepoC incident file/);
    expect(alone.records.incidents).toEqual([]);
  });

  it('names the columns a recognised file lacks', () => {
    const result = readEurepoc([csv('global.csv', 'ID,name,incident_type')], taxonomy);
    expect(result.issues[0]?.reason).toMatch(
      /^the EuRepoC incidents file lacks the columns "description", "start_date"/,
    );
  });

  it('reports attribution and receiver rows naming an incident the incident file lacks', () => {
    const attributions = release[1]?.text.split('\n') ?? [];
    const receivers = release[2]?.text.split('\n') ?? [];
    const result = readEurepoc(
      [
        release[0] ?? fixture('global_dataset.csv'),
        csv(
          'attributions.csv',
          attributions[0] ?? '',
          (attributions[1] ?? '').replace(/^1001,/, '9999,'),
        ),
        csv('receivers.csv', receivers[0] ?? '', (receivers[1] ?? '').replace(/^1001,/, '9999,')),
      ],
      taxonomy,
    );
    expect(result.issues.filter((i) => i.recordId === '9999')).toEqual([
      expect.objectContaining({
        file: 'attributions.csv',
        location: 'line 2',
        field: 'incident_ID',
        reason: 'the attribution row names an incident the incident file does not have',
        value: '9999',
      }),
      expect.objectContaining({ file: 'receivers.csv', field: 'ID', value: '9999' }),
    ]);
  });

  it('drops a list cell it cannot read, keeping the rest of the row', () => {
    const lines = release[0]?.text.split('\n') ?? [];
    const broken = (lines[2] ?? '').replace("[['Europe (region)']]", "[['Europe (region)']");
    const result = readEurepoc([csv('global.csv', lines[0] ?? '', broken)], taxonomy);
    expect(result.records.incidents).toHaveLength(1);
    expect(result.dropped).toContainEqual(
      expect.objectContaining({
        field: 'receiver_country',
        reason: expect.stringMatching(/^not a readable list: /) as string,
        value: "[['Europe (region)']",
      }),
    );
  });
});

describe('the eurepoc vocabulary', () => {
  it('names regions by UN M49 region or sub-region, "EU" or "Global"', () => {
    const known = new Set(['EU', 'Global']);
    for (const country of taxonomy.countries) {
      if (country.region) known.add(country.region);
      if (country.subregion) known.add(country.subregion);
    }
    const table = JSON.parse(
      readFileSync(path.join(projectRoot, 'seeds/taxonomy/mappings/eurepoc.json'), 'utf8'),
    ) as { regions: { mappings: Record<string, string> } };
    for (const region of Object.values(table.regions.mappings)) expect(known).toContain(region);
    expect(loadEurepocVocabulary().region('europe (REGION)')).toEqual({ value: 'Europe' });
  });
});

describe('telling an EuRepoC CSV from another CSV', () => {
  it('reads the incident and attribution files as eurepoc by their header, any other CSV as csv', () => {
    for (const { file, text } of release.slice(0, 2))
      expect(detectFormat(file, text)).toBe('eurepoc');
    expect(detectFormat('export.csv', 'Title,Date,incident_type\n')).toBe('csv');
  });
});

import { describe, expect, it } from 'vitest';
import { csvMappingSchema } from '../../src/import/csv/mapping.js';
import { readCsv } from '../../src/import/csv/read-csv.js';
import type { ReadResult } from '../../src/import/records.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();

const quote = (cell: string): string =>
  /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** Reads rows (the first is the header) with a mapping, as `cig import` would. */
function read(rows: string[][], mapping: object): ReadResult {
  const text = rows.map((row) => row.map(quote).join(',')).join('\n');
  return readCsv(text, 'test.csv', csvMappingSchema.parse(mapping), taxonomy);
}

const base = { title: 'Title', startDate: 'Date', sources: 'Source' };
const header = ['Title', 'Date', 'Source'];
const row = (title: string, ...rest: string[]): string[] => [
  title,
  '2022-03-01',
  'https://example.org/a',
  ...rest,
];

describe('value maps', () => {
  const mapping = (extra: object = {}) => ({
    columns: {
      ...base,
      sectors: {
        column: 'Sector',
        split: ';',
        values: { ICT: ['it-service-providers', 'Telecommunications'], Unknown: null },
        ...extra,
      },
    },
  });

  it('map a value to several of our ids, by id or name', () => {
    const result = read([[...header, 'Sector'], row('A', 'ict')], mapping());
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]?.sectorIds).toEqual([
      'it-service-providers',
      'telecommunications',
    ]);
  });

  it('drop a value mapped to null, counted, and keep the row', () => {
    const result = read([[...header, 'Sector'], row('A', 'Unknown;Energy')], mapping());
    expect(result.records.incidents[0]?.sectorIds).toEqual(['energy']);
    expect(result.dropped).toEqual([
      {
        file: 'test.csv',
        location: 'line 2',
        field: 'Sector',
        reason: 'mapped to nothing by the mapping',
        value: 'Unknown',
      },
    ]);
  });

  it('reject the row for an unknown value by default, naming field, reason and value apart', () => {
    const result = read([[...header, 'Sector'], row('A', 'Administrative / Support')], mapping());
    expect(result.records.incidents).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        kind: 'incidents',
        location: 'line 2',
        field: 'Sector',
        reason: 'unknown sector in the native vocabulary',
        value: 'Administrative / Support',
      }),
    ]);
  });

  it('drop an unknown value instead when the mapping says so, counted', () => {
    const result = read(
      [[...header, 'Sector'], row('A', 'Administrative / Support;Energy')],
      mapping({ unknownValues: 'drop-value' }),
    );
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]?.sectorIds).toEqual(['energy']);
    expect(result.dropped).toMatchObject([
      { reason: 'unknown sector in the native vocabulary', value: 'Administrative / Support' },
    ]);
  });

  it('take the mapping-level unknownValues setting, a column overriding it', () => {
    const rows = [[...header, 'Sector', 'Type'], row('A', 'Nowhere', 'Nothing')];
    const result = read(rows, {
      unknownValues: 'drop-value',
      columns: {
        ...base,
        sectors: 'Sector',
        attackTypes: { column: 'Type', unknownValues: 'reject-row' },
      },
    });
    expect(result.issues.map((i) => [i.field, i.value])).toEqual([['Type', 'Nothing']]);
  });

  it('drop a value the taxonomy knows maps to nothing (CFR "Private sector"), keeping the row', () => {
    const result = read([[...header, 'Category'], row('A', 'Private sector')], {
      columns: { ...base, sectors: { column: 'Category', vocabulary: 'cfr' } },
    });
    expect(result.records.incidents).toHaveLength(1);
    expect(result.dropped).toMatchObject([
      {
        field: 'Category',
        value: 'Private sector',
        reason: expect.stringMatching(/^maps to no sector of ours/) as string,
      },
    ]);
  });

  it('are checked against the taxonomy before any row is read', () => {
    const result = read([[...header, 'Sector'], row('A', 'x')], {
      columns: {
        ...base,
        sectors: { column: 'Sector', values: { ICT: 'information-technology', ict: null } },
      },
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        location: 'file',
        reason:
          'the mapping is invalid: columns.sectors.values: "ICT" maps to "information-technology", which is not a sector id or name; columns.sectors.values: "ict" is listed twice (case and spaces aside)',
      }),
    ]);
    expect(result.issues[0]?.kind).toBeUndefined();
  });
});

describe('our own vocabularies', () => {
  it('accept our names as well as our ids, without regard to case', () => {
    const result = read(
      [[...header, 'Sector', 'Type'], row('A', 'Public administration', 'Hack And Leak')],
      {
        columns: { ...base, sectors: 'Sector', attackTypes: 'Type' },
      },
    );
    expect(result.records.incidents[0]).toMatchObject({
      sectorIds: ['public-administration'],
      attackTypes: ['HACK_AND_LEAK'],
    });
  });
});

describe('cells', () => {
  it('read one field from several columns, in order, without repeats', () => {
    const rows = [
      ['Title', 'Date', 'Sources 1', 'Sources 2', 'Sources 3'],
      [
        'A',
        '2022-03-01',
        'https://example.org/1',
        '',
        'https://example.org/1 https://example.org/3',
      ],
    ];
    const result = read(rows, {
      columns: {
        title: 'Title',
        startDate: 'Date',
        sources: { column: ['Sources 1', 'Sources 2', 'Sources 3'], split: ' ' },
      },
    });
    expect(result.records.sources.map((s) => s.url)).toEqual([
      'https://example.org/1',
      'https://example.org/3',
    ]);
    expect(result.records.incidents[0]?.sourceIds).toHaveLength(2);
  });

  it('read placeholders as empty, mapping-wide or per column', () => {
    const rows = [[...header, 'Country', 'Sector'], row('A', 'Not available', 'Unknown')];
    const result = read(rows, {
      empty: ['Not available'],
      columns: { ...base, countries: 'Country', sectors: { column: 'Sector', empty: ['Unknown'] } },
    });
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]).toMatchObject({ countries: [], sectorIds: [] });
  });

  it('reject a row whose list literal is malformed, with the position', () => {
    const rows = [[...header, 'Country'], row('A', "['Ukraine' 'Poland']")];
    const result = read(rows, {
      columns: { ...base, countries: { column: 'Country', list: 'python' } },
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'Country',
        reason: expect.stringMatching(
          /^malformed list literal: expected "," or "]" at character 12/,
        ) as string,
      }),
    ]);
  });

  it('keep a region named as a country as a region, never a country', () => {
    const rows = [
      [...header, 'Country'],
      row('A', "['Europe (region)', 'Ukraine', 'EU', 'Global (region)']"),
    ];
    const result = read(rows, {
      columns: { ...base, countries: { column: 'Country', list: 'python' } },
    });
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]).toMatchObject({
      countries: [{ iso2: 'UA', primary: true }],
      regions: ['Europe', 'EU', 'Global'],
    });
  });
});

describe('aligned receiver columns', () => {
  const mapping = {
    columns: base,
    receivers: {
      countries: { column: 'receiver_country', list: 'python' },
      sectors: {
        column: 'receiver_category',
        list: 'python',
        values: { 'State institutions': 'public-administration', Other: null },
      },
      organizations: { column: 'receiver_name', list: 'python' },
    },
  };
  const head = [...header, 'receiver_country', 'receiver_category', 'receiver_name'];

  it('give the n-th receiver the n-th country and categories; the first receiver is primary', () => {
    const rows = [
      head,
      row(
        'A',
        "['Poland', 'Ukraine']",
        "[['State institutions'], ['Media', 'Other']]",
        "['Ministry', 'TV channel']",
      ),
    ];
    const result = read(rows, mapping);
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]).toMatchObject({
      countries: [
        { iso2: 'PL', primary: true },
        { iso2: 'UA', primary: false },
      ],
      sectorIds: ['public-administration', 'media'],
      organizationIds: ['ministry', 'tv-channel'],
    });
    expect(result.records.organizations).toEqual([
      { id: 'ministry', name: 'Ministry', sectorIds: ['public-administration'], country: 'PL' },
      { id: 'tv-channel', name: 'TV channel', sectorIds: ['media'], country: 'UA' },
    ]);
  });

  it('reject a row whose aligned columns count different receivers', () => {
    const rows = [head, row('A', "['Poland', 'Ukraine']", "[['Media']]", '')];
    const result = read(rows, mapping);
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'receiver_country, receiver_category',
        reason: 'aligned receiver columns list different numbers of receivers',
        value: 'receiver_country: 2, receiver_category: 1',
      }),
    ]);
  });

  it('must be one column of lists', () => {
    expect(() =>
      csvMappingSchema.parse({
        columns: base,
        receivers: { countries: { column: ['a', 'b'], list: 'python' } },
      }),
    ).toThrow(/an aligned column is one column whose cells are lists/);
  });
});

describe('per-row claims', () => {
  const mapping = {
    columns: { ...base, actors: 'Actor' },
    claims: {
      confidence: { column: 'Confidence', values: { Possible: 30, Probable: 60, Confirmed: 90 } },
      basis: { column: 'Basis', values: { 'Security firm': 'SECURITY_INDUSTRY' } },
      status: 'Status',
      claimedBy: 'By',
      assessedAt: 'Assessed',
    },
    attribution: { confidence: 40, basis: 'MEDIA', status: 'SUSPECTED', claimedBy: 'Tracker' },
  };
  const head = [...header, 'Actor', 'Confidence', 'Basis', 'Status', 'By', 'Assessed'];

  it('take the row confidence (mapped or a number), basis, status, claimant and date', () => {
    const rows = [
      head,
      row('A', 'Sandworm', 'Confirmed ', 'Security firm', 'attributed', 'ESET', '2022-04-12'),
      row('B', 'Sandworm', '75', 'government', '', '', ''),
    ];
    const result = read(rows, mapping);
    expect(result.issues).toEqual([]);
    expect(result.records.incidents.map((i) => i.attributions[0])).toMatchObject([
      {
        actorId: 'sandworm',
        confidence: 90,
        basis: 'SECURITY_INDUSTRY',
        status: 'ATTRIBUTED',
        claimedBy: 'ESET',
        assessedAt: '2022-04-12',
      },
      {
        actorId: 'sandworm',
        confidence: 75,
        basis: 'GOVERNMENT',
        status: 'SUSPECTED',
        claimedBy: 'Tracker',
        assessedAt: null,
      },
    ]);
  });

  it('reject a row whose confidence is neither a number nor mapped', () => {
    const result = read([head, row('A', 'Sandworm', 'Likely', '', '', '', '')], mapping);
    expect(result.issues).toMatchObject([{ field: 'Confidence', value: 'Likely' }]);
  });
});

describe('actor columns', () => {
  const mapping = {
    columns: { ...base, actors: { column: 'Actor', split: ';' } },
    actor: {
      origin: 'Origin',
      sponsors: { column: 'Sponsor', split: ';' },
      type: { column: 'Type', values: { 'Nation State': 'STATE', Collective: 'HACKTIVIST' } },
      aliases: { column: 'Aliases', split: ',' },
    },
  };
  const head = [...header, 'Actor', 'Origin', 'Sponsor', 'Type', 'Aliases'];

  it('describe the actor named on the row; rows that disagree are reported, the first kept', () => {
    const rows = [
      head,
      row('A', 'Sandworm', 'RU', 'Russia', 'Nation State', 'Voodoo Bear, IRIDIUM'),
      row('B', 'Sandworm', 'Russian Federation', '', '', 'voodoo bear, Seashell Blizzard'),
      row('C', 'sandworm', 'UA', '', 'Collective', ''),
    ];
    const result = read(rows, mapping);
    expect(result.issues).toEqual([]);
    expect(result.records.actors).toHaveLength(1);
    expect(result.records.actors[0]).toMatchObject({
      name: 'Sandworm',
      type: 'STATE',
      origin: { country: 'RU' },
      sponsors: [{ country: 'RU' }],
      aliases: ['Voodoo Bear', 'IRIDIUM', 'Seashell Blizzard'],
    });
    expect(result.records.actors[0]?.origin?.sourceIds).toHaveLength(1);
    expect(result.dropped.map((d) => [d.location, d.field, d.value])).toEqual([
      ['line 4', 'Origin', 'UA'],
      ['line 4', 'Type', 'HACKTIVIST'],
    ]);
    expect(result.notes).toEqual([
      'actor "Sandworm": line 4 gives origin UA, line 2 gave RU; kept RU',
      'actor "Sandworm": line 4 gives type HACKTIVIST, line 2 gave STATE; kept STATE',
    ]);
  });

  it('drop what a row says of an actor when it names none', () => {
    const result = read([head, row('A', '', 'RU', '', '', '')], mapping);
    expect(result.records.incidents).toHaveLength(1);
    expect(result.dropped).toMatchObject([
      { reason: 'says something of an actor, but the row names none', value: 'origin RU' },
    ]);
  });

  it('leave out prose that is not an actor name, counted', () => {
    const rows = [
      [...header, 'Affiliations'],
      row('A', 'Believed to be the work of Fancy Bear'),
      row('B', 'APT 28'),
    ];
    const result = read(rows, {
      columns: {
        ...base,
        actors: { column: 'Affiliations', ignore: ['^believed to be'], maxWords: 4 },
      },
    });
    expect(result.records.incidents.map((i) => i.attributions.map((a) => a.actorId))).toEqual([
      [],
      ['apt-28'],
    ]);
    expect(result.dropped).toMatchObject([
      {
        value: 'Believed to be the work of Fancy Bear',
        reason: 'prose, not an actor name (matches an ignore pattern)',
      },
    ]);
  });
});

describe('victims and impact', () => {
  it('make the victim organisation a record linked to the incident, with its sector and country', () => {
    const rows = [
      [...header, 'Victim', 'Sector', 'Country'],
      row('A', 'Viasat', 'Telecommunications', 'Ukraine'),
    ];
    const result = read(rows, {
      columns: { ...base, organizations: 'Victim', sectors: 'Sector', countries: 'Country' },
    });
    expect(result.records.organizations).toEqual([
      { id: 'viasat', name: 'Viasat', sectorIds: ['telecommunications'], country: 'UA' },
    ]);
    expect(result.records.incidents[0]?.organizationIds).toEqual(['viasat']);
  });

  it('read impact categories with their descriptions, scores and levels, citing the row sources', () => {
    const rows = [
      [
        ...header,
        'Impact',
        'Impact details',
        'Intensity',
        'Functional',
        'Politics',
        'Cost',
        'Currency',
      ],
      row(
        'A',
        'Disruption|Data',
        'Sites down|Records leaked',
        '4.5',
        'Day (< 24h)',
        'Moderate',
        '1,200',
        'EUR',
      ),
    ];
    const result = read(rows, {
      columns: base,
      impact: {
        categories: { column: 'Impact', split: '|' },
        descriptions: { column: 'Impact details', split: '|' },
        weightedIntensity: 'Intensity',
        functional: 'Functional',
        political: { 'affected entities': 'Politics' },
        economicValue: 'Cost',
        economicCurrency: 'Currency',
      },
    });
    expect(result.issues).toEqual([]);
    const incident = result.records.incidents[0];
    expect(incident?.impact).toEqual({
      categories: [
        { category: 'DISRUPTION', description: 'Sites down' },
        { category: 'DATA', description: 'Records leaked' },
      ],
      cyberIntensity: { unweighted: null, weighted: 4.5, targetMultiplier: null },
      functional: 'Day (< 24h)',
      intelligence: null,
      political: [{ measure: 'affected entities', level: 'Moderate' }],
      economic: null,
      economicValue: { amount: 1200, currency: 'EUR' },
      casualties: null,
      sourceIds: incident?.sourceIds,
    });
  });
});

describe('dates', () => {
  const mapping = { dateFormat: 'mm/dd/yyyy', columns: base };
  const rowOn = (date: string): string[] => ['A ' + date, date, 'https://example.org/a'];

  it('refuse the whole file when a date is valid only in the other day/month order', () => {
    const result = read(
      [header, rowOn('1/15/2022'), rowOn('13/02/2022'), rowOn('25/12/2021')],
      mapping,
    );
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ location: 'file', field: 'dateFormat' });
    expect(result.issues[0]?.kind).toBeUndefined();
    expect(result.issues[0]?.reason).toMatch(
      /line 3 Date "13\/02\/2022", line 4 Date "25\/12\/2021"/,
    );
  });

  it('count the rows whose date reads both ways', () => {
    const result = read([header, rowOn('3/4/2022'), rowOn('12/25/2022')], mapping);
    expect(result.issues).toEqual([]);
    expect(result.records.incidents[0]?.startDate).toBe('2022-03-04');
    expect(result.notes).toEqual([
      expect.stringMatching(/^1 row\(s\) have dates valid as both/) as string,
    ]);
  });
});

describe('countries in prose', () => {
  it('become the affected countries, the first found primary; prose naming none is counted', () => {
    const rows = [
      [...header, 'Victims'],
      row('A', 'Government agencies in Ukraine and Poland'),
      row('B', 'The Democratic National Committee'),
      row('C', 'Ukrainian energy companies'),
    ];
    const result = read(rows, {
      columns: {
        ...base,
        countries: { column: 'Victims', find: 'country-names', values: { Ukrainian: 'UA' } },
      },
    });
    expect(result.records.incidents.map((i) => i.countries)).toEqual([
      [
        { iso2: 'UA', primary: true },
        { iso2: 'PL', primary: false },
      ],
      [],
      [{ iso2: 'UA', primary: true }],
    ]);
    expect(result.dropped).toMatchObject([{ location: 'line 3', reason: 'names no country' }]);
  });
});

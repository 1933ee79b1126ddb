import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actorTypeOf,
  claimGrade,
  impactCategoryOf,
} from '../../src/import/cyberpeace/cyberpeace-vocabulary.js';
import { readCyberPeace } from '../../src/import/cyberpeace/read-cyberpeace.js';
import { normaliseSourceUrl } from '../../src/import/cyberpeace/source-url.js';
import { detectFormat } from '../../src/import/formats.js';
import type { IncidentRecord } from '../../src/import/records.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const fixtures = path.join(projectRoot, 'test', 'fixtures', 'cyberpeace');
const taxonomy = loadTaxonomy();
const read = (name: string) =>
  readCyberPeace(readFileSync(path.join(fixtures, name), 'utf8'), name, taxonomy);

/** The NACE Rev. 2 sections: letter, official title, and the platform's short name if known. */
const sections: [string, string, string?][] = [
  ['A', 'Agriculture, forestry and fishing', 'Agriculture'],
  ['B', 'Mining and quarrying', 'Mining'],
  ['C', 'Manufacturing', 'Manufacturing'],
  ['D', 'Electricity, gas, steam and air conditioning supply', 'Energy'],
  ['E', 'Water supply; sewerage, waste management and remediation activities', 'Water'],
  ['F', 'Construction', 'Construction'],
  ['G', 'Wholesale and retail trade; repair of motor vehicles and motorcycles', 'Trade'],
  ['H', 'Transportation and storage', 'Transportation'],
  ['I', 'Accommodation and food service activities', 'Accommodation'],
  ['J', 'Information and communication', 'ICT'],
  ['K', 'Financial and insurance activities', 'Financial'],
  ['L', 'Real estate activities', 'Real estate'],
  ['M', 'Professional, scientific and technical activities', 'Professional / scientific'],
  ['N', 'Administrative and support service activities', 'Administrative / Support'],
  ['O', 'Public administration and defence; compulsory social security', 'Public administration'],
  ['P', 'Education', 'Education'],
  ['Q', 'Human health and social work activities', 'Health'],
  ['R', 'Arts, entertainment and recreation', 'Arts'],
  ['S', 'Other service activities', 'Other service'],
  [
    'T',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    'Households',
  ],
  [
    'U',
    'Activities of extraterritorial organisations and bodies',
    'Extraterritorial organizations',
  ],
];

describe('the NACE Rev. 2 section vocabulary', () => {
  it('knows every section by letter, official title and short name, alike', () => {
    for (const names of sections) {
      const [first, ...rest] = names.map((name) => taxonomy.mapSector('nace', name ?? ''));
      expect(first, names[0]).toBeDefined();
      for (const other of rest) expect(other, names[0]).toEqual(first);
    }
  });

  it('maps each section to at most one sector, and no two sections to the same', () => {
    const ids = sections.flatMap(([letter]) => {
      const mapped = taxonomy.mapSector('nace', letter);
      return mapped && 'ids' in mapped ? mapped.ids : [];
    });
    for (const [letter] of sections) {
      const mapped = taxonomy.mapSector('nace', letter);
      if (mapped && 'ids' in mapped) expect(mapped.ids).toHaveLength(1);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(16);
  });

  it('knows the platform’s own divisions, case aside', () => {
    expect(taxonomy.mapSector('nace', 'media')).toEqual({ ids: ['media'] });
    expect(taxonomy.mapSector('nace', 'Nonprofit ')).toEqual({ ids: ['ngos'] });
    for (const name of ['Civilians', 'Criminal Group', 'Unknown', 'Households'])
      expect(taxonomy.mapSector('nace', name)).toHaveProperty('unmapped');
    expect(taxonomy.mapSector('nace', 'Spaceports')).toBeUndefined();
  });
});

describe('the CyberPeace vocabularies', () => {
  it('maps every event type the platform lists, and knows Unknown names none', () => {
    const expected: Record<string, string[]> = {
      DDoS: ['DDOS'],
      Wiper: ['WIPER'],
      'Hack And Leak': ['HACK_AND_LEAK'],
      Defacement: ['DEFACEMENT'],
      Malware: ['MALWARE'],
      Phishing: ['PHISHING'],
      Cyberespionage: ['ESPIONAGE'],
      'Cyber-Enabled Information Operation': ['INFORMATION_OPERATION'],
      Ransomware: ['RANSOMWARE'],
    };
    for (const [type, ids] of Object.entries(expected))
      expect(taxonomy.mapAttackType('cyberpeace', type)).toEqual({ ids });
    expect(taxonomy.mapAttackType('cyberpeace', 'Unknown')).toHaveProperty('unmapped');
    expect(taxonomy.mapAttackType('cyberpeace', 'Cryptojacking')).toBeUndefined();
  });

  it('grades confidence on the Admiralty scale, trailing spaces and case aside', () => {
    expect(claimGrade('Possible')).toEqual({ confidence: 50, status: 'SUSPECTED' });
    expect(claimGrade('Probable ')).toEqual({ confidence: 70, status: 'SUSPECTED' });
    expect(claimGrade('CONFIRMED')).toEqual({ confidence: 90, status: 'ATTRIBUTED' });
    expect(claimGrade('Likely')).toBeUndefined();
  });

  it('maps actor types, leaving an individual without a type', () => {
    expect(actorTypeOf('Collective')).toEqual({ type: 'HACKTIVIST' });
    expect(actorTypeOf('Nation State')).toEqual({ type: 'STATE' });
    expect(actorTypeOf('cybercriminal')).toEqual({ type: 'CRIMINAL' });
    expect(actorTypeOf('Individual')).toHaveProperty('unmapped');
    expect(actorTypeOf('Insider')).toBeUndefined();
  });

  it('maps impact categories by name', () => {
    expect(impactCategoryOf(' Disruption')).toBe('DISRUPTION');
    expect(impactCategoryOf('Disinformation')).toBe('DISINFORMATION');
    expect(impactCategoryOf('Psychological')).toBeUndefined();
  });
});

describe('normaliseSourceUrl', () => {
  it('gives links without a scheme https://', () => {
    expect(normaliseSourceUrl(' t.me/channel/123 ')).toEqual({ url: 'https://t.me/channel/123' });
    expect(normaliseSourceUrl('www.example.org')).toEqual({ url: 'https://www.example.org' });
    expect(normaliseSourceUrl('http://example.org/a?b=c')).toEqual({
      url: 'http://example.org/a?b=c',
    });
  });

  it('refuses what cannot be a web address', () => {
    for (const text of ['', 'Telegram channel', 'N/A', 'ftp://example.org/x', 'https://intranet/x'])
      expect(normaliseSourceUrl(text)).toHaveProperty('error');
  });
});

describe('detectFormat', () => {
  it('recognises a CyberPeace export by its records, and nothing else as one', () => {
    const head = readFileSync(path.join(fixtures, 'events.json'), 'utf8');
    expect(detectFormat('export.json', head)).toBe('cyberpeace');
    expect(detectFormat('x.json', '[{"name": "an array of something else", "_key": 1}]')).toBe(
      undefined,
    );
  });
});

describe('reading a CyberPeace export', () => {
  const result = read('events.json');
  const incident = (key: string): IncidentRecord => {
    const found = result.records.incidents.find((i) => i.id === `cp-${key}`);
    if (!found) throw new Error(`no incident cp-${key}`);
    return found;
  };

  it('keeps every event of the fixture, each actor once', () => {
    expect(result.issues).toEqual([]);
    expect(result.records.incidents).toHaveLength(30);
    expect(result.records.actors.map((a) => a.name).sort()).toEqual([
      'Copper Wolves',
      'Frost Collective',
      'Grey Ledger',
      'Harbor Bear',
      'Lantern Group',
      'Odd Values Crew',
      'Pale Fox',
      'Quiet Owl',
    ]);
  });

  it('reads the core of an event: id, title, day, types, sectors, country, external id', () => {
    expect(incident('1002')).toMatchObject({
      title: 'Wiper at an energy company',
      startDate: '2022-02-25',
      endDate: '2022-02-25',
      datePrecision: 'DAY',
      attackTypes: ['WIPER'],
      sectorIds: ['energy'],
      countries: [{ iso2: 'UA', primary: true }],
      externalIds: ['cyberpeace:1002'],
    });
    expect(incident('1021').sectorIds).toEqual(['water', 'finance', 'digital-infrastructure']);
  });

  it('grades each claim by its event, made by the platform on public reporting', () => {
    const grades = Object.fromEntries(
      result.records.incidents.map((i) => [
        i.id,
        i.attributions.map((a) => `${a.actorId}:${a.confidence}:${a.status}`),
      ]),
    );
    expect(grades['cp-1001']).toEqual(['frost-collective:90:ATTRIBUTED']);
    expect(grades['cp-1002']).toEqual(['harbor-bear:70:SUSPECTED']);
    expect(grades['cp-1003']).toEqual(['frost-collective:50:SUSPECTED']);
    expect(grades['cp-1015']).toEqual([
      'frost-collective:70:SUSPECTED',
      'pale-fox:70:SUSPECTED',
      'copper-wolves:70:SUSPECTED',
    ]);
    // Unattributed events, and attributed ones without a grade on the scale, have no claim.
    for (const key of ['1006', '1010', '1029', '1030', '1025', '1026'])
      expect(grades[`cp-${key}`]).toEqual([]);
    expect(incident('1001').attributions[0]).toMatchObject({
      basis: 'MEDIA',
      claimedBy: 'CyberPeace Institute',
      sourceIds: incident('1001').sourceIds,
    });
  });

  it('reads the actor profile: type, aliases, origin, allegiance, victimology, first seen', () => {
    const harbor = result.records.actors.find((a) => a.name === 'Harbor Bear');
    expect(harbor).toMatchObject({
      id: 'harbor-bear',
      type: 'STATE',
      aliases: ['HB-1', 'Harbour Bear', 'G9901'],
      externalIds: ['cyberpeace:5002', 'G9901'],
      firstSeen: '2014',
      description: 'A synthetic state actor.',
      origin: { country: 'RU', confidence: null },
      sponsors: [{ country: 'RU', confidence: null }],
      targets: { sectorIds: ['energy', 'digital-infrastructure'], countries: [] },
    });
    const frost = result.records.actors.find((a) => a.name === 'Frost Collective');
    // "FrostCollective" and "frost collective" are the name again, case and spaces aside.
    expect(frost?.aliases).toEqual(['Frost Team']);
    expect(frost?.type).toBe('HACKTIVIST');
    const ledger = result.records.actors.find((a) => a.name === 'Grey Ledger');
    expect(ledger).toMatchObject({ type: 'CRIMINAL', origin: null, sponsors: [] });
    expect(result.notes).toContain(
      'actor "Harbor Bear": 1 later event carry a different profile; the first was kept',
    );
  });

  it('keeps impacts with their descriptions, citing the event’s sources', () => {
    expect(incident('1002').impact).toEqual({
      categories: [
        { category: 'DESTRUCTION', description: 'Workstations wiped' },
        { category: 'DISRUPTION', description: 'Billing halted' },
      ],
      cyberIntensity: null,
      functional: null,
      intelligence: null,
      political: [],
      economic: null,
      economicValue: null,
      casualties: null,
      sourceIds: incident('1002').sourceIds,
    });
    expect(incident('1020').impact?.categories.map((c) => c.category)).toEqual([
      'DISRUPTION',
      'DESTRUCTION',
      'DATA',
      'DISINFORMATION',
      'OTHER',
      'UNKNOWN',
    ]);
    expect(incident('1029').impact).toBeNull();
  });

  it('normalises links, keeps titles and publishers, and cites the platform when no link is usable', () => {
    const byUrl = new Map(result.records.sources.map((s) => [s.url, s]));
    expect(byUrl.get('https://t.me/frost_collective/123')).toMatchObject({
      title: null,
      publisher: 'Telegram',
    });
    expect(byUrl.get('https://www.example.net/defacement')?.title).toBe('Site defaced');
    // Cited untitled first, then with a title: the title is kept.
    expect(byUrl.get('https://news.example.org/property')?.title).toBe('Property agency follow-up');
    const platform = byUrl.get('https://cyberpeaceinstitute.org/');
    expect(platform?.publisher).toBe('CyberPeace Institute');
    expect(incident('1022').sourceIds).toEqual([platform?.id]);
    expect(incident('1023').sourceIds).toEqual([platform?.id]);
    expect(result.notes).toContain(
      '2 events name no source with a usable link; they cite the CyberPeace Institute platform',
    );
  });

  it('reports every value left out, with field, reason and value', () => {
    const dropped = result.dropped.map((d) => `${d.location} ${d.field}: ${d.value}`);
    expect(dropped).toEqual(
      expect.arrayContaining([
        '[9] event.type: Unknown',
        '[9] sectors[0].division: Unknown',
        '[12] sectors[0].division: Real estate',
        '[16] sectors[1].division: Civilians',
        '[21] sources[0].URL: Telegram channel of the group',
        '[23] event.type: Cryptojacking',
        '[23] sectors[0].division: Spaceports',
        '[23] impacts[0].category: Psychological',
        '[23] threatActor.origin: Atlantis',
        '[23] threatActor.allegiance: Atlantis',
        '[23] threatActor.type: Insider',
        '[23] threatActor.active: 20xx',
        '[3] threatActor.type: Individual',
        '[24] location.country: Lithuania',
        '[24] event.eventConfidence: ',
        '[25] event.eventConfidence: Likely',
      ]),
    );
    expect(result.dropped).toHaveLength(24);
    expect(result.dropped.find((d) => d.value === 'Spaceports')?.reason).toBe(
      'unknown sector in the nace vocabulary',
    );
    expect(result.dropped.every((d) => d.file === 'events.json')).toBe(true);
  });

  it('rejects only events without a key, a name or a day, repeated keys and malformed records', () => {
    const malformed = read('malformed.json');
    expect(malformed.records.incidents.map((i) => i.id)).toEqual(['cp-2001']);
    expect(
      malformed.issues.map((i) => `${i.location} ${i.recordId ?? '-'} ${i.field ?? '-'}`),
    ).toEqual([
      '[1] - event',
      '[2] 2003 event.eventName',
      '[3] 2004 event.eventDateFrom',
      '[4] 2005 event.eventDateFrom',
      '[5] 2001 event._key',
      '[6] 2007 sources',
      '[7] - -',
    ]);
    expect(malformed.issues.every((i) => i.kind === 'incidents')).toBe(true);
  });

  it('takes an empty actor profile for none, and reports one that has content but no name', () => {
    const event = (key: string, threatActor: object) => ({
      event: {
        _key: key,
        eventName: 'x',
        eventDateFrom: '2022-01-01',
        eventConfidence: 'Possible',
      },
      sources: [{ URL: 'https://example.org/x' }],
      threatActor,
    });
    const result = readCyberPeace(
      JSON.stringify([event('1', {}), event('2', { name: ' ', origin: 'RU' })]),
      'x.json',
      taxonomy,
    );
    expect(result.records.incidents.map((i) => i.attributions)).toEqual([[], []]);
    expect(result.dropped).toEqual([
      {
        file: 'x.json',
        location: '[1]',
        field: 'threatActor',
        reason: 'a threat actor without a name',
        value: expect.stringContaining('"origin":"RU"') as string,
      },
    ]);
  });

  it('refuses a file that is no array of event records as a whole', () => {
    const result = readCyberPeace('{"events": []}', 'x.json', taxonomy);
    expect(result.issues).toEqual([
      {
        file: 'x.json',
        location: 'file',
        reason: 'not a CyberPeace export (expected a JSON array of event records)',
      },
    ]);
  });
});

describe('the README example of a CyberPeace record', () => {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('#### CyberPeace Institute events'));
  const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

  it('becomes what the README says', () => {
    const result = readCyberPeace(`[${example}]`, 'readme.json', taxonomy);
    expect(result.issues).toEqual([]);
    const [incident] = result.records.incidents;
    expect(incident).toMatchObject({
      id: 'cp-1001',
      externalIds: ['cyberpeace:1001'],
      startDate: '2022-02-24',
      attackTypes: ['DDOS'],
      sectorIds: ['public-administration'],
      countries: [{ iso2: 'UA', primary: true }],
      impact: { categories: [{ category: 'DISRUPTION', description: 'Portal offline for hours' }] },
      attributions: [
        {
          actorId: 'frost-collective',
          confidence: 70,
          status: 'SUSPECTED',
          basis: 'MEDIA',
          claimedBy: 'CyberPeace Institute',
        },
      ],
    });
    expect(result.records.sources.map((s) => s.url)).toContain('https://t.me/some_channel/123');
    expect(result.records.actors).toMatchObject([
      {
        id: 'frost-collective',
        type: 'HACKTIVIST',
        aliases: ['Frost Team'],
        externalIds: ['cyberpeace:5001'],
        firstSeen: '2022',
        origin: { country: 'RU' },
        sponsors: [{ country: 'RU' }],
        targets: { sectorIds: ['public-administration', 'finance'] },
      },
    ]);
  });
});

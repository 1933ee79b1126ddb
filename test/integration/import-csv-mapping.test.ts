import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { countDataNodes, graphSnapshot } from '../support/graph-snapshot.js';
import { importFile } from '../support/import.js';

const fixture = (name: string): string => path.join(projectRoot, 'test/fixtures', name);
const tracker = fixture('csv/conflict-tracker.csv');
const trackerMapping = fixture('csv/conflict-tracker-mapping.json');
const cfr = fixture('cfr/cfr-tracker.csv');
const cfrMapping = path.join(projectRoot, 'examples/cfr/cfr-mapping.json');
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
});

const read = <T>(query: string): Promise<T[]> =>
  database.executor().read(cypher<T>('test:csv-mapping', query));

describe('a tracker export read through a mapping that says what it means', () => {
  it('keeps every row it can, with per-row confidence, actor facts, victims and regions', async () => {
    const report = await importFile(database, tracker, { mappingFile: trackerMapping });
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'line 5',
        field: 'Attack type',
        reason: 'unknown attack type in the native vocabulary',
        value: 'Quantum hack',
      }),
    ]);
    expect(report.written.incidents).toMatchObject({ created: 4 });
    const incidents = await read<{
      id: string;
      sectors: string[];
      types: string[];
      countries: string[];
      regions: string[] | null;
      claims: { actor: string; confidence: number; claimedBy: string }[];
      victims: string[];
      sources: number;
    }>(
      `MATCH (i:Incident) RETURN i.id AS id, i.attackTypes AS types, i.regions AS regions,
         [(i)-[:TARGETED]->(s) | s.id] AS sectors, [(i)-[:AFFECTED]->(c) | c.iso2] AS countries,
         [(i)-[r:ATTRIBUTED_TO]->(a) | {actor: a.name, confidence: r.confidence, claimedBy: r.claimedBy}] AS claims,
         [(i)-[:HIT]->(o) | o.name] AS victims, size([(i)-[:REPORTED_BY]->(s) | s]) AS sources
       ORDER BY id`,
    );
    for (const incident of incidents) incident.sectors.sort();
    expect(incidents.map((i) => i.id)).toEqual(['ct-ct-1', 'ct-ct-2', 'ct-ct-3', 'ct-ct-5']);
    const [first, second, third, fifth] = incidents;
    expect(first).toMatchObject({
      sectors: ['it-service-providers', 'public-administration', 'telecommunications'],
      types: ['WIPER'],
      claims: [{ actor: 'Sandworm', confidence: 85, claimedBy: 'Example conflict tracker' }],
      victims: ['Ministry of Digital Affairs'],
      sources: 2,
    });
    expect(second).toMatchObject({
      sectors: [],
      types: ['HACK_AND_LEAK'],
      claims: [{ confidence: 30 }],
    });
    expect(third).toMatchObject({
      countries: [],
      regions: ['Europe'],
      types: ['ESPIONAGE'],
      claims: [{ actor: 'Sandworm', confidence: 60 }],
      sources: 1,
    });
    expect(fifth).toMatchObject({ claims: [], sectors: ['transport'], types: ['DDOS'] });
  });

  it('gives the actors their origin, type and aliases; the first row wins a disagreement, reported', async () => {
    const report = await importFile(database, tracker, { mappingFile: trackerMapping });
    const actors = await read<{ name: string; type: string; origin: string[]; aliases: string[] }>(
      `MATCH (a:Actor) RETURN a.name AS name, a.type AS type, a.aliases AS aliases,
         [(a)-[:ORIGINATES_FROM]->(c) | c.iso2] AS origin ORDER BY name`,
    );
    expect(actors).toEqual([
      { name: 'Ghostwriter', type: 'HACKTIVIST', origin: ['BY'], aliases: ['UNC1151'] },
      {
        name: 'Sandworm',
        type: 'STATE',
        origin: ['RU'],
        aliases: expect.arrayContaining([
          'Voodoo Bear',
          'IRIDIUM',
          'Seashell Blizzard',
        ]) as string[],
      },
    ]);
    expect(report.notes).toContain(
      'actor "Sandworm": line 4 gives origin CN, line 2 gave RU; kept RU',
    );
    expect(report.dropped.map((d) => [d.location, d.field, d.value])).toEqual([
      ['line 3', 'Sectors', 'Administrative / Support'],
      ['line 4', 'Actor origin', 'CN'],
    ]);
  });

  it('is idempotent', async () => {
    await importFile(database, tracker, { mappingFile: trackerMapping });
    const first = await graphSnapshot(database);
    const again = await importFile(database, tracker, { mappingFile: trackerMapping });
    expect(again.written.incidents).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await graphSnapshot(database)).toEqual(first);
  });
});

describe('the CFR Cyber Operations Tracker through the shipped example mapping', () => {
  it('loads at least 95% of the rows, the missing one reported', async () => {
    const report = await importFile(database, cfr, { mappingFile: cfrMapping });
    expect(report.read.incidents + report.rejected.incidents).toBe(30);
    expect(report.written.incidents?.created).toBeGreaterThanOrEqual(0.95 * 30);
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'line 30',
        reason: 'every incident needs at least one source URL',
      }),
    ]);
  });

  it('makes the sponsor the actor’s sponsor, and never turns prose into an actor', async () => {
    const report = await importFile(database, cfr, { mappingFile: cfrMapping });
    const actors = await read<{ name: string; sponsors: string[] }>(
      `MATCH (a:Actor) RETURN a.name AS name, [(a)-[:SPONSORED_BY]->(c) | c.iso2] AS sponsors ORDER BY name`,
    );
    expect(actors).toContainEqual({ name: 'Sandworm', sponsors: ['RU'] });
    expect(actors).toContainEqual({ name: 'Lazarus Group', sponsors: ['KP'] });
    expect(actors).toContainEqual({ name: 'DarkSide', sponsors: [] });
    expect(actors.filter((a) => /believed|possibly/i.test(a.name))).toEqual([]);
    expect(report.dropped).toContainEqual(
      expect.objectContaining({
        field: 'Affiliations',
        reason: 'prose, not an actor name (matches an ignore pattern)',
        value: 'Believed to be the work of Fancy Bear',
      }),
    );
  });

  it('reads affected countries from the free-text victims, the first named primary', async () => {
    await importFile(database, cfr, { mappingFile: cfrMapping });
    const rows = await read<{ title: string; countries: { iso2: string; primary: boolean }[] }>(
      `MATCH (i:Incident) RETURN i.title AS title,
         COLLECT { MATCH (i)-[r:AFFECTED]->(c) RETURN {iso2: c.iso2, primary: r.primary} ORDER BY r.primary DESC, c.iso2 } AS countries`,
    );
    const countriesOf = (title: string) => rows.find((r) => r.title === title)?.countries;
    expect(countriesOf('Wiper against government networks')).toEqual([
      { iso2: 'UA', primary: true },
      { iso2: 'PL', primary: false },
    ]);
    expect(countriesOf('Theft of party emails')).toEqual([{ iso2: 'US', primary: true }]);
    expect(countriesOf('Espionage on diplomats')).toEqual([]);
  });

  it('drops "Private sector" as a sector, counted, and keeps the row', async () => {
    const report = await importFile(database, cfr, { mappingFile: cfrMapping });
    const privateSector = report.dropped.filter((d) => d.value === 'Private sector');
    expect(privateSector.length).toBeGreaterThan(0);
    const pipeline = await read<{ sectors: string[] }>(
      `MATCH (i:Incident {title: 'Ransomware at a pipeline operator'}) RETURN [(i)-[:TARGETED]->(s) | s.id] AS sectors`,
    );
    expect(pipeline).toEqual([{ sectors: [] }]);
  });

  it('reads m/d/yyyy dates and says how many rows read both ways', async () => {
    const report = await importFile(database, cfr, { mappingFile: cfrMapping });
    const [row] = await read<{ start: string }>(
      `MATCH (i:Incident {title: 'Espionage against defence contractors'}) RETURN toString(i.startDate) AS start`,
    );
    expect(row?.start).toBe('2019-03-04');
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^11 row\(s\) have dates valid as both mm\/dd\/yyyy and dd\/mm\/yyyy/),
    );
  });

  it('refuses a file whose dates are day-first, with examples, writing nothing', async () => {
    const report = await importFile(database, fixture('cfr/cfr-day-first.csv'), {
      mappingFile: cfrMapping,
    });
    expect(report.readable).toBe(false);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]?.reason).toMatch(
      /^2 date\(s\) are valid only as dd\/mm\/yyyy, .*line 3 Date "13\/02\/2022", line 4 Date "25\/12\/2021"/,
    );
    expect(await countDataNodes(database)).toBe(0);
  });
});

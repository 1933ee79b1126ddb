import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stats } from '../../src/analysis/stats.js';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile } from '../support/import.js';

/** Synthetic event records in the platform's shape, every quirk of the format among them. */
const fixtures = path.join(projectRoot, 'test', 'fixtures', 'cyberpeace');
const events = path.join(fixtures, 'events.json');
const eventCount = (JSON.parse(readFileSync(events, 'utf8')) as unknown[]).length;
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});

const read = <Row>(name: string, text: string) =>
  database.executor().read(cypher<Row>(`test:${name}`, text));

describe('importing a CyberPeace Institute platform export', () => {
  it('loads every event, recognised without --format, and again with the same result', async () => {
    const first = await importFile(database, events);
    expect(first.issues).toEqual([]);
    expect(first.read.incidents).toBe(eventCount);
    const created = first.written.incidents?.created ?? 0;
    expect(created / eventCount).toBeGreaterThanOrEqual(0.99);
    expect(created).toBe(30);
    expect(first.written.actors?.created).toBe(8);
    expect(first.dropped).toHaveLength(24);
    const snapshot = await graphSnapshot(database);

    const second = await importFile(database, events, { format: 'cyberpeace' });
    expect(second.written.incidents).toEqual({ created: 0, updated: 0, unchanged: 30 });
    expect(await graphSnapshot(database)).toEqual(snapshot);
  });

  it('keeps each event’s confidence on its claim, made by the platform', async () => {
    const claims = await read<{
      incident: string;
      actor: string;
      confidence: number;
      status: string;
      claimedBy: string;
      basis: string;
    }>(
      'cyberpeaceClaims',
      `MATCH (i:Incident)-[r:ATTRIBUTED_TO]->(a:Actor)
       RETURN i.id AS incident, a.id AS actor, r.confidence AS confidence, r.status AS status,
              r.claimedBy AS claimedBy, r.basis AS basis ORDER BY incident, actor`,
    );
    const byIncident = new Map<string, string[]>();
    for (const c of claims)
      byIncident.set(c.incident, [
        ...(byIncident.get(c.incident) ?? []),
        `${c.actor}:${c.confidence}:${c.status}`,
      ]);
    expect(byIncident.get('cp-1001')).toEqual(['frost-collective:90:ATTRIBUTED']);
    expect(byIncident.get('cp-1002')).toEqual(['harbor-bear:70:SUSPECTED']);
    expect(byIncident.get('cp-1003')).toEqual(['frost-collective:50:SUSPECTED']);
    expect(byIncident.get('cp-1015')).toEqual([
      'copper-wolves:70:SUSPECTED',
      'frost-collective:70:SUSPECTED',
      'pale-fox:70:SUSPECTED',
    ]);
    // Unattributed, or attributed with no grade on the scale (reported as dropped).
    for (const id of ['cp-1006', 'cp-1010', 'cp-1025', 'cp-1026', 'cp-1029', 'cp-1030'])
      expect(byIncident.has(id)).toBe(false);
    expect(byIncident.size).toBe(24);
    expect(new Set(claims.map((c) => `${c.claimedBy}|${c.basis}`))).toEqual(
      new Set(['CyberPeace Institute|MEDIA']),
    );
  });

  it('gives each actor its origin, allegiance as sponsor, type, aliases and reported victimology', async () => {
    const actors = await read<{
      id: string;
      type: string;
      aliases: string[];
      externalIds: string[];
      firstSeen: string | null;
      origin: string[];
      sponsors: string[];
      sectors: string[];
    }>(
      'cyberpeaceActors',
      `MATCH (a:Actor)
       RETURN a.id AS id, a.type AS type, a.aliases AS aliases, a.externalIds AS externalIds,
              a.firstSeen AS firstSeen,
              [(a)-[:ORIGINATES_FROM]->(c) | c.iso2] AS origin,
              [(a)-[:SPONSORED_BY]->(c) | c.iso2] AS sponsors,
              [(a)-[:TARGETS]->(s:Sector) | s.id] AS sectors ORDER BY id`,
    );
    const actor = (id: string) => actors.find((a) => a.id === id);
    expect(actor('harbor-bear')).toMatchObject({
      type: 'STATE',
      firstSeen: '2014',
      origin: ['RU'],
      sponsors: ['RU'],
    });
    expect(actor('harbor-bear')?.aliases.sort()).toEqual(['G9901', 'HB-1', 'Harbour Bear']);
    expect(actor('harbor-bear')?.externalIds.sort()).toEqual(['G9901', 'cyberpeace:5002']);
    expect(actor('harbor-bear')?.sectors.sort()).toEqual(['digital-infrastructure', 'energy']);
    expect(actor('frost-collective')).toMatchObject({
      type: 'HACKTIVIST',
      aliases: ['Frost Team'],
      origin: ['RU'],
    });
    expect(actor('grey-ledger')).toMatchObject({ type: 'CRIMINAL', origin: [], sponsors: [] });
    // An individual, and a type the platform does not know: no type of ours.
    expect(actor('lantern-group')).toMatchObject({ type: 'UNKNOWN', origin: ['UA'] });
    expect(actor('odd-values-crew')).toMatchObject({ type: 'UNKNOWN', origin: [] });
  });

  it('links sectors through NACE, the country and normalised sources', async () => {
    const [row] = await read<{
      sectors: string[];
      countries: string[];
      sources: { url: string; title: string | null; publisher: string | null }[];
    }>(
      'cyberpeaceIncident',
      `MATCH (i:Incident {id: 'cp-1020'})
       RETURN [(i)-[:TARGETED]->(s) | s.id] AS sectors,
              [(i)-[:AFFECTED {primary: true}]->(c) | c.iso2] AS countries,
              [(i)-[:REPORTED_BY]->(s) | s {.url, .title, .publisher}] AS sources`,
    );
    expect(row?.sectors).toEqual(['health']);
    expect(row?.countries).toEqual(['PL']);
    expect(row?.sources.map((s) => s.url).sort()).toEqual([
      'https://news.example.org/hospital',
      'https://t.me/ledger_news/77',
    ]);
    const [platform] = await read<{ cited: string[] }>(
      'cyberpeacePlatform',
      `MATCH (s:Source {url: 'https://cyberpeaceinstitute.org/'})<-[:REPORTED_BY]-(i:Incident)
       RETURN collect(i.id) AS cited`,
    );
    expect(platform?.cited.sort()).toEqual(['cp-1022', 'cp-1023']);
  });

  it('answers stats over the export as the mapping says, and leaves only origin-less actors unknown', async () => {
    const counts = await stats(database.executor(), {}, 'INCIDENTS');
    // Thirteen countries are named; fifteen divisions map to a sector of ours (K and
    // "Information and communication" are other names of "Financial" and "ICT").
    expect(counts).toMatchObject({
      incidents: 30,
      actors: 8,
      sectors: 15,
      countriesAffected: 13,
      attributedIncidents: 24,
    });
    const withoutOrigin = await read<{ id: string }>(
      'cyberpeaceNoOrigin',
      `MATCH (:Incident)-[:ATTRIBUTED_TO]->(a:Actor) WHERE NOT (a)-[:ORIGINATES_FROM]->()
       RETURN DISTINCT a.id AS id ORDER BY id`,
    );
    // Grey Ledger gives no origin, Copper Wolves is a bare name, Odd Values Crew's is no country.
    expect(withoutOrigin.map((a) => a.id)).toEqual([
      'copper-wolves',
      'grey-ledger',
      'odd-values-crew',
    ]);
  });

  it('rejects malformed events with their location and keeps the rest', async () => {
    const report = await importFile(database, path.join(fixtures, 'malformed.json'));
    expect(report.read.incidents).toBe(1);
    expect(report.rejected.incidents).toBe(7);
    expect(report.written.incidents?.created).toBe(1);
    expect(report.issues.map((i) => `${i.location} ${i.field ?? '-'}`)).toEqual([
      '[1] event',
      '[2] event.eventName',
      '[3] event.eventDateFrom',
      '[4] event.eventDateFrom',
      '[5] event._key',
      '[6] sources',
      '[7] -',
    ]);
  });
});

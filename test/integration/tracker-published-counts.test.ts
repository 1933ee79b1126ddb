import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import isoCountries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase, PREPARATION_TIMEOUT, testConfig } from '../support/database.js';
import { importFile } from '../support/import.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The CyberPeace Institute platform publishes its headline counts (attacks, actors, sectors,
 * countries) up to a date. Imported as one dataset among others, `stats` restricted to that
 * dataset and date must give the counts tallied straight from the export, the sectors through the
 * documented NACE mapping; and `crossBorder` must list apart exactly the lines of actors the
 * export gives no origin for. The tally below reads the file on its own, not through the reader.
 */
const fixtures = path.join(projectRoot, 'test', 'fixtures');
const events = path.join(fixtures, 'cyberpeace', 'events.json');
const naceMapping = path.join(projectRoot, 'seeds', 'taxonomy', 'mappings', 'nace-sections.json');
/** A day inside the fixture's span, so the date restriction leaves events out. */
const CUT_OFF = '2022-03-20';
/** The platform's confidence grades; an attribution without one is no claim. */
const GRADES = new Set(['possible', 'probable', 'confirmed']);

const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json') as isoCountries.LocaleData);

interface PlatformActor {
  name?: string | null;
  origin?: string | null;
}
interface PlatformEvent {
  event: { eventDateFrom: string; eventConfidence?: string | null };
  location?: { country?: string | null; countryAbbreviation?: string | null } | null;
  sectors?: { division?: string | null }[] | null;
  threatActor?: PlatformActor | null;
  otherThreatActors?: (PlatformActor | string)[] | null;
}

const platformEvents = JSON.parse(readFileSync(events, 'utf8')) as PlatformEvent[];
const nace = new Map(
  Object.entries(
    (JSON.parse(readFileSync(naceMapping, 'utf8')) as { mappings: Record<string, string[]> })
      .mappings,
  ).map(([division, sectors]) => [division.toLowerCase(), sectors]),
);

/** The calendar day the platform files an event under: the date as written, offset and all. */
const dayOf = (event: PlatformEvent) => event.event.eventDateFrom.slice(0, 10);

function countryOf(event: PlatformEvent): string | undefined {
  const code = event.location?.countryAbbreviation?.trim();
  if (code) return code.toUpperCase();
  return isoCountries.getAlpha2Code(event.location?.country ?? '', 'en');
}

function actorsOf(event: PlatformEvent): { name: string; origin: string | undefined }[] {
  if (!GRADES.has(event.event.eventConfidence?.trim().toLowerCase() ?? '')) return [];
  return [event.threatActor, ...(event.otherThreatActors ?? [])]
    .map((actor) => (typeof actor === 'string' ? { name: actor } : actor))
    .filter((actor): actor is PlatformActor => Boolean(actor?.name?.trim()))
    .map((actor) => ({
      name: (actor.name ?? '').trim(),
      origin: isoCountries.isValid(actor.origin?.trim() ?? '') ? actor.origin?.trim() : undefined,
    }));
}

const sectorsOf = (event: PlatformEvent) => [
  ...new Set((event.sectors ?? []).flatMap((s) => nace.get(s.division?.toLowerCase() ?? '') ?? [])),
];

/** The headline counts and the lines of origin-less actors, as the export itself gives them. */
function tally(until: string) {
  const kept = platformEvents.filter((event) => dayOf(event) <= until);
  const actors = new Set(kept.flatMap((e) => actorsOf(e).map((a) => a.name.toLowerCase())));
  const countries = new Set(kept.flatMap((e) => countryOf(e) ?? []));
  const sectors = new Set(kept.flatMap(sectorsOf));
  const unknownOrigin = new Map<string, number>();
  for (const event of kept)
    for (const actor of actorsOf(event).filter((a) => a.origin === undefined))
      for (const sector of sectorsOf(event)) {
        const line = `${actor.name}|${sector}|${countryOf(event) ?? '?'}`;
        unknownOrigin.set(line, (unknownOrigin.get(line) ?? 0) + 1);
      }
  return {
    stats: {
      incidents: kept.length,
      actors: actors.size,
      sectors: sectors.size,
      countriesAffected: countries.size,
    },
    unknownOrigin: [...unknownOrigin].map(([line, count]) => `${line}|${count}`).sort(),
  };
}

let database: Database;
let api: TestServer;
let datasetId: string;

beforeAll(async () => {
  database = await openEmptyDatabase(testConfig(PREPARATION_TIMEOUT));
  api = await startTestServer(testConfig(), database);
  // Another tracker's incidents in the same graph: the dataset restriction must leave them out.
  await importFile(database, path.join(fixtures, 'eurepoc', 'global_dataset.csv'), {
    format: 'eurepoc',
    companions: [
      path.join(fixtures, 'eurepoc', 'attributions.csv'),
      path.join(fixtures, 'eurepoc', 'receivers.csv'),
    ],
  });
  await importFile(database, events, { datasetName: 'CyberPeace platform export' });
  const { datasets } = await query<{ datasets: { key: string; name: string }[] }>(
    '{ datasets { key name } }',
  );
  datasetId = datasets.find((d) => d.name === 'CyberPeace platform export')?.key ?? '';
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

async function query<T>(text: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await api.graphql(text, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const STATS = `query ($filter: IncidentFilter) {
  stats(filter: $filter) { incidents actors sectors countriesAffected }
}`;

const CROSS_BORDER = `query ($filter: IncidentFilter) {
  crossBorder(filter: $filter, first: 100) {
    edges { node { actor { name } origin { code } } }
    unknownOrigin {
      actor { name } origin { code } sector { key } affectedCountry { code } incidentCount
    }
  }
}`;

interface CrossBorderAnswer {
  crossBorder: {
    edges: { node: { actor: { name: string }; origin: { code: string } | null } }[];
    unknownOrigin: {
      actor: { name: string };
      origin: { code: string } | null;
      sector: { key: string };
      affectedCountry: { code: string };
      incidentCount: number;
    }[];
  };
}

describe('a CyberPeace export, restricted to its dataset and a date', () => {
  it('gives the incident, actor, country and (through NACE) sector counts of the export', async () => {
    const expected = tally(CUT_OFF);
    // The restrictions bite: the date leaves events out, the other dataset adds incidents.
    expect(expected.stats.incidents).toBeLessThan(platformEvents.length);
    const all = await query<{ stats: { incidents: number } }>(STATS, {
      filter: { to: CUT_OFF },
    });
    expect(all.stats.incidents).toBeGreaterThan(expected.stats.incidents);

    const { stats } = await query<{ stats: typeof expected.stats }>(STATS, {
      filter: { datasetIds: [datasetId], to: CUT_OFF },
    });
    expect(stats).toEqual(expected.stats);
    const whole = await query<{ stats: typeof expected.stats }>(STATS, {
      filter: { datasetIds: [datasetId] },
    });
    expect(whole.stats).toEqual(tally('9999-12-31').stats);
  });

  it('lists under unknownOrigin only the lines of actors the export gives no origin', async () => {
    const expected = tally(CUT_OFF).unknownOrigin;
    expect(expected.length).toBeGreaterThan(0);
    const { crossBorder } = await query<CrossBorderAnswer>(CROSS_BORDER, {
      filter: { datasetIds: [datasetId], to: CUT_OFF },
    });
    expect(
      crossBorder.unknownOrigin
        .map((row) => {
          expect(row.origin).toBeNull();
          return `${row.actor.name}|${row.sector.key}|${row.affectedCountry.code}|${row.incidentCount}`;
        })
        .sort(),
    ).toEqual(expected);
    // And no actor without an origin is placed among the cross-border lines.
    const originless = new Set(expected.map((line) => line.split('|')[0]));
    for (const { node } of crossBorder.edges) {
      expect(node.origin).not.toBeNull();
      expect(originless.has(node.actor.name)).toBe(false);
    }
  });
});

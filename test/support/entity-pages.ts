import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

/*
 * What the browser tests of the actor, incident, sector and country pages expect, worked out from
 * the seed files (the records the importer reads from them, and the sector tree), never from the
 * API; and the few steps those tests take on a page again and again.
 */

const taxonomy = loadTaxonomy();
export const seeds = (await readSeedDataset(taxonomy)).read.records;

export function seedIncident(key: string): IncidentRecord {
  const incident = seeds.incidents.find((i) => i.id === key);
  if (!incident) throw new Error(`the seeds have no incident ${key}`);
  return incident;
}

export function seedActor(key: string) {
  const actor = seeds.actors.find((a) => a.id === key);
  if (!actor) throw new Error(`the seeds have no actor ${key}`);
  return actor;
}

export const sourceUrl = (sourceId: string): string => {
  const source = seeds.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`the seeds have no source ${sourceId}`);
  return source.url;
};

/** The sector and, for a top-level one, its sub-sectors: what its incidents count. */
export function sectorFamily(sectorId: string): Set<string> {
  return new Set([
    sectorId,
    ...taxonomy.sectors.filter((s) => s.parentId === sectorId).map((s) => s.id),
  ]);
}

export const parentSector = (sectorId: string): string | null =>
  taxonomy.sectors.find((s) => s.id === sectorId)?.parentId ?? null;

export const subsectorsOf = (sectorId: string): string[] =>
  taxonomy.sectors.filter((s) => s.parentId === sectorId).map((s) => s.id);

/** The incident's period overlaps the range, as the filter's `from` and `to` mean it. */
export const overlaps = (incident: IncidentRecord, from?: string, to?: string): boolean =>
  (from === undefined || incident.endDate >= from) &&
  (to === undefined || incident.startDate <= to);

export const attributedTo = (incident: IncidentRecord, actorId: string): boolean =>
  incident.attributions.some((claim) => claim.actorId === actorId);

/** The start as the source knows it: 2022, 2022-02 or 2022-02-24. */
export function dateAtPrecision(incident: IncidentRecord): string {
  if (incident.datePrecision === 'YEAR') return incident.startDate.slice(0, 4);
  if (incident.datePrecision === 'MONTH') return incident.startDate.slice(0, 7);
  return incident.startDate;
}

/** How many of the incidents each key (a sector, a country, an actor) stands behind. */
export function countBy(
  incidents: IncidentRecord[],
  keysOf: (incident: IncidentRecord) => string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents)
    for (const key of new Set(keysOf(incident))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * How long a test waits for the page to show an answer: the API and the browser share the test
 * machine with the database, so an answer can take seconds. A wait, not a bound on answer time.
 */
export const patience = { timeout: 20_000 } as const;

/** The path of a link, without the filter it carries. */
export const pathOf = (href: string | null): string => new URL(href ?? '', 'http://x').pathname;

export async function hrefsIn(locator: Locator): Promise<string[]> {
  return readEach(locator, async (link) => (await link.getAttribute('href')) ?? '');
}

/** Reads something from every element a locator finds, in page order. */
export async function readEach<T>(
  locator: Locator,
  read: (element: Locator) => Promise<T>,
): Promise<T[]> {
  return Promise.all((await locator.all()).map(read));
}

/** Waits for the page's title (its one h1) to read `name`. */
export async function expectTitle(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  await expect.poll(() => heading.count(), patience).toBe(1);
}

/** A titled part of a page (the pages name each section by its heading). */
export const sectionOf = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** The incident count a paged incident list shows above its first page. */
export async function shownIncidentCount(section: Locator): Promise<number> {
  const figure = section.locator('[data-figure="incident-count"]');
  await expect.poll(() => figure.count(), patience).toBe(1);
  return Number.parseInt((await figure.textContent()) ?? '', 10);
}

/**
 * Presses "More incidents" until the list has no next page, and gives the incidents listed, in
 * order, by the key in their link and the date shown beside it.
 */
export async function allListedIncidents(
  section: Locator,
): Promise<{ key: string; date: string }[]> {
  await shownIncidentCount(section);
  const links = section.getByRole('link');
  const more = section.getByRole('button', { name: 'More incidents' });
  while ((await more.count()) > 0) {
    const before = await links.count();
    await more.click();
    await expect.poll(() => links.count(), patience).toBeGreaterThan(before);
  }
  return readEach(section.getByRole('listitem'), async (item) => ({
    key: keyOfPath(pathOf(await item.getByRole('link').getAttribute('href'))),
    date: (await item.locator('time').textContent()) ?? '',
  }));
}

/** The object a page's path names (`/incidents/2022-02-viasat-ka-sat` → its key). */
export const keyOfPath = (path: string): string =>
  decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));

/** The incident counts a count table shows, by the key of each row. */
export async function countTable(table: Locator): Promise<Map<string, number>> {
  await expect.poll(() => table.locator('tbody tr').count(), patience).toBeGreaterThan(0);
  const rows = await readEach(
    table.locator('tbody tr'),
    async (row) =>
      [
        (await row.getAttribute('data-key')) ?? '',
        Number(await row.locator('td').first().textContent()),
      ] as const,
  );
  return new Map(rows);
}

/**
 * The incident page shows what the seed records for the incident: its dates at their precision,
 * every claim (actor, status, confidence, who, when, sources; strongest first), its sectors, its
 * countries marked primary or spill-over, and its sources as links that tell the other site nothing.
 */
export async function expectIncidentAsSeeded(page: Page, incident: IncidentRecord): Promise<void> {
  await expectTitle(page, incident.title);
  const field = (name: string) => page.locator(`[data-field="${name}"]`);
  expect(await field('date').locator('time').textContent()).toBe(dateAtPrecision(incident));
  expect(await field('period').textContent()).toBe(`${incident.startDate} – ${incident.endDate}`);

  const claims = sectionOf(page, 'Attribution claims').locator('tbody tr');
  const shown = await readEach(claims, async (row) => {
    const cells = await row.locator('td').allTextContents();
    return {
      actor: pathOf(await row.locator('th a').getAttribute('href')),
      status: cells[1]?.toUpperCase(),
      confidence: Number(await row.locator('[data-confidence]').getAttribute('data-confidence')),
      claimedBy: cells[3],
      assessedAt: cells[4],
      sources: (await hrefsIn(row.locator('.sources a'))).sort(),
    };
  });
  const expected = incident.attributions.map((claim) => ({
    actor: `/actors/${claim.actorId}`,
    status: claim.status,
    confidence: claim.confidence,
    claimedBy: claim.claimedBy,
    assessedAt: claim.assessedAt,
    sources: claim.sourceIds.map(sourceUrl).sort(),
  }));
  const order = (a: { claimedBy: string | null | undefined }, b: typeof a) =>
    (a.claimedBy ?? '') < (b.claimedBy ?? '') ? -1 : 1;
  expect([...shown].sort(order)).toEqual(expected.sort(order));
  // Strongest first.
  const confidences = shown.map((claim) => claim.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

  expect((await hrefsIn(field('sectors').getByRole('link'))).map(pathOf).sort()).toEqual(
    incident.sectorIds.map((id) => `/sectors/${id}`).sort(),
  );
  const countries = await readEach(field('countries').getByRole('listitem'), async (item) => {
    const primary = (await item.getAttribute('data-primary')) === 'true';
    return {
      iso2: keyOfPath(pathOf(await item.getByRole('link').getAttribute('href'))),
      primary,
      marked: (await item.textContent())?.includes(primary ? '(primary)' : '(spill-over)'),
    };
  });
  const byCode = (a: { iso2: string }, b: { iso2: string }) => (a.iso2 < b.iso2 ? -1 : 1);
  expect(countries.sort(byCode)).toEqual(
    incident.countries.map(({ iso2, primary }) => ({ iso2, primary, marked: true })).sort(byCode),
  );
  const sources = sectionOf(page, 'Sources').getByRole('link');
  expect((await hrefsIn(sources)).sort()).toEqual(incident.sourceIds.map(sourceUrl).sort());
  for (const rel of await readEach(sources, (link) => link.getAttribute('rel')))
    expect(rel).toBe('noopener noreferrer');
}

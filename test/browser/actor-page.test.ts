import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  allListedIncidents,
  attributedTo,
  countBy,
  countTable,
  dateAtPrecision,
  expectIncidentAsSeeded,
  expectTitle,
  hrefsIn,
  overlaps,
  parentSector,
  pathOf,
  patience,
  readEach,
  sectionOf,
  seedActor,
  seeds,
  shownIncidentCount,
  sourceUrl,
} from '../support/entity-pages.js';
import { useSeededApi } from '../support/seeded.js';

const seeded = useSeededApi();
const chromium = useBrowser();

/** The seed actor with the most incidents, claims and affiliations. */
const actorKey = 'sandworm';
const actor = seedActor(actorKey);
const incidentsOf = (from?: string): IncidentRecord[] =>
  seeds.incidents.filter((i) => attributedTo(i, actorKey) && overlaps(i, from));

/**
 * Jaccard similarity of the actors' targets (top-level sectors and affected countries of their
 * incidents), most similar first, as `coTargeting` defines it.
 */
function similarActors(): { key: string; score: number }[] {
  const targetsOf = (key: string): Set<string> =>
    new Set(
      seeds.incidents
        .filter((i) => attributedTo(i, key))
        .flatMap((i) => [
          ...i.sectorIds.map((s) => `sector:${parentSector(s) ?? s}`),
          ...i.countries.map((c) => `country:${c.iso2}`),
        ]),
    );
  const mine = targetsOf(actorKey);
  return seeds.actors
    .filter((other) => other.id !== actorKey)
    .map((other) => {
      const theirs = targetsOf(other.id);
      const shared = [...theirs].filter((t) => mine.has(t)).length;
      return {
        key: other.id,
        shared,
        score: shared / (mine.size + theirs.size - shared),
      };
    })
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.score - a.score || b.shared - a.shared || (a.key < b.key ? -1 : 1))
    .slice(0, 10);
}

describe('the actor page', () => {
  it("shows the actor's names, origin and sponsor claims, and every incident newest first", async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/actors/${actorKey}`);
    const { page } = explorer;
    await expectTitle(page, actor.name);
    expect(await page.locator('[data-field="aliases"] .tag').allTextContents()).toEqual(
      actor.aliases,
    );
    expect(await page.locator('[data-field="external-ids"] .tag').allTextContents()).toEqual(
      actor.externalIds,
    );

    const claims = sectionOf(page, 'Origin and sponsors');
    const origin = claims.locator('tr[data-claim="origin"]');
    expect(actor.origin).not.toBeNull();
    expect(pathOf(await origin.getByRole('link').first().getAttribute('href'))).toBe(
      `/countries/${actor.origin?.country}`,
    );
    expect(await origin.locator('[data-confidence]').getAttribute('data-confidence')).toBe(
      String(actor.origin?.confidence),
    );
    expect((await hrefsIn(origin.locator('.sources a'))).sort()).toEqual(
      actor.origin?.sourceIds.map(sourceUrl).sort(),
    );
    expect(await claims.locator('tr[data-claim="sponsor"]').count()).toBe(actor.sponsors.length);

    const incidents = sectionOf(page, 'Incidents');
    const expected = incidentsOf();
    expect(await shownIncidentCount(incidents)).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(20);
    expect(await incidents.getByRole('link').count()).toBe(20);
    const targetTables = sectionOf(page, 'Targets').getByRole('table');
    await expect.poll(() => targetTables.count(), patience).toBe(2);
    await screenshot(page, 'actor');

    const listed = await allListedIncidents(incidents);
    expect(listed.map((i) => i.key).sort()).toEqual(expected.map((i) => i.id).sort());
    const byKey = new Map(expected.map((i) => [i.id, i]));
    const starts = listed.map(({ key }) => byKey.get(key)?.startDate ?? '');
    expect(starts).toEqual([...starts].sort().reverse());
    for (const { key, date } of listed) {
      const incident = byKey.get(key);
      expect(incident && dateAtPrecision(incident)).toBe(date);
    }
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('counts the sectors and countries its incidents hit, and a date filter in the address changes them', async () => {
    for (const from of [undefined, '2022-01-01']) {
      const address = `/actors/${actorKey}${from ? `?from=${from}` : ''}`;
      const explorer = await openPage(chromium.browser, seeded.api.url, address);
      const { page } = explorer;
      const incidents = incidentsOf(from);
      expect(await shownIncidentCount(sectionOf(page, 'Incidents'))).toBe(incidents.length);
      const targets = sectionOf(page, 'Targets');
      const sectors = targets.getByRole('table', { name: 'Incidents per sector' });
      expect(await countTable(sectors)).toEqual(countBy(incidents, (i) => i.sectorIds));
      const countries = targets.getByRole('table', { name: 'Incidents per country' });
      expect(await countTable(countries)).toEqual(
        countBy(incidents, (i) => i.countries.map((c) => c.iso2)),
      );
      // Links to other views carry the filter, so the question goes on with the analyst.
      const sectorLink = await sectors.getByRole('link').first().getAttribute('href');
      expect(sectorLink?.includes(`from=${from}`)).toBe(from !== undefined);
      expectCleanPage(explorer);
      await page.context().close();
    }
    expect(incidentsOf('2022-01-01').length).toBeLessThan(incidentsOf().length);
  });

  it('lists similar actors by shared targets and its affiliations, each a link', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/actors/${actorKey}`);
    const { page } = explorer;
    const similar = sectionOf(page, 'Similar actors').getByRole('table');
    await expect.poll(() => similar.locator('tbody tr').count(), patience).toBeGreaterThan(0);
    const rows = await readEach(similar.locator('tbody tr'), async (row) => ({
      path: pathOf(await row.locator('th a').getAttribute('href')),
      score: await row.locator('td').first().textContent(),
    }));
    expect(rows).toEqual(
      similarActors().map(({ key, score }) => ({
        path: `/actors/${key}`,
        score: score.toFixed(2),
      })),
    );

    // Affiliations are recorded on either side: here, the actors that name this one.
    const affiliated = seeds.actors.filter((a) =>
      a.affiliations.some((link) => link.actorId === actorKey),
    );
    expect(affiliated.length).toBeGreaterThan(0);
    const affiliations = sectionOf(page, 'Affiliations');
    expect((await hrefsIn(affiliations.getByRole('link'))).map(pathOf).sort()).toEqual(
      affiliated.map((a) => `/actors/${a.id}`).sort(),
    );
    expect(await sectionOf(page, 'Reported victimology').textContent()).toContain(
      'name no incidents',
    );
    await expect
      .poll(
        () => page.getByRole('link', { name: 'Show in the graph' }).getAttribute('href'),
        patience,
      )
      .toBe(`/graph?node=Actor%3A${actorKey}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('opens an incident from the list, which matches its seed record, and goes back', async () => {
    // The ten newest incidents are on the first page whatever the order of equal dates below them.
    const newest = incidentsOf()
      .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
      .slice(0, 10);
    const [mostClaimed] = newest.sort((a, b) => b.attributions.length - a.attributions.length);
    if (!mostClaimed) throw new Error('the actor has no incident in the seeds');
    expect(mostClaimed.attributions.length).toBeGreaterThan(1);
    const explorer = await openPage(chromium.browser, seeded.api.url, `/actors/${actorKey}`);
    const { page } = explorer;
    await sectionOf(page, 'Incidents').getByRole('link', { name: mostClaimed.title }).click();
    await expectIncidentAsSeeded(page, mostClaimed);
    expect(new URL(page.url()).pathname).toBe(`/incidents/${mostClaimed.id}`);
    await page.goBack();
    await expectTitle(page, actor.name);
    expect(new URL(page.url()).pathname).toBe(`/actors/${actorKey}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when no actor has the key', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/actors/no-such-actor');
    const { page } = explorer;
    await expectTitle(page, 'No such actor');
    expectCleanPage(explorer);
    await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { expectCleanPage, openPage, useBrowser } from '../support/browser.js';
import {
  allListedIncidents,
  countBy,
  countTable,
  expectTitle,
  hrefsIn,
  keyOfPath,
  overlaps,
  patience,
  parentSector,
  pathOf,
  sectionOf,
  sectorFamily,
  seeds,
  shownIncidentCount,
  subsectorsOf,
} from '../support/entity-pages.js';
import { useSeededApi } from '../support/seeded.js';

const seeded = useSeededApi();
const chromium = useBrowser();

const from = '2022-01-01';

/** Incidents counted per actor named by any of their claims. */
const actorCounts = (incidents: IncidentRecord[]) =>
  countBy(incidents, (i) => i.attributions.map((claim) => claim.actorId));

/** The top-level sector whose incidents (its own and its sub-sectors') the seeds have most of. */
function busiestParentSector(): string {
  const counts = countBy(seeds.incidents, (i) => i.sectorIds.map((s) => parentSector(s) ?? s));
  const [busiest] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!busiest) throw new Error('the seeds have no incident with a sector');
  return busiest[0];
}

describe('the sector page', () => {
  const sectorId = busiestParentSector();
  const family = sectorFamily(sectorId);
  const incidentsOf = (since?: string) =>
    seeds.incidents.filter((i) => i.sectorIds.some((s) => family.has(s)) && overlaps(i, since));

  it("counts its sub-sectors' incidents with its own, and the actors behind them", async () => {
    expect(subsectorsOf(sectorId).length).toBeGreaterThan(0);
    const explorer = await openPage(chromium.browser, seeded.api.url, `/sectors/${sectorId}`);
    const { page } = explorer;
    const incidents = sectionOf(page, 'Incidents');
    expect(await shownIncidentCount(incidents)).toBe(incidentsOf().length);
    const listed = await allListedIncidents(incidents);
    expect(listed.map((i) => i.key).sort()).toEqual(
      incidentsOf()
        .map((i) => i.id)
        .sort(),
    );
    expect(await countTable(sectionOf(page, 'Actors').getByRole('table'))).toEqual(
      actorCounts(incidentsOf()),
    );
    expect(
      (await hrefsIn(page.locator('[data-field="subsectors"]').getByRole('link')))
        .map(pathOf)
        .sort(),
    ).toEqual(
      subsectorsOf(sectorId)
        .map((id) => `/sectors/${id}`)
        .sort(),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows a date filter in the address', async () => {
    expect(incidentsOf(from).length).toBeLessThan(incidentsOf().length);
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/sectors/${sectorId}?from=${from}`,
    );
    const { page } = explorer;
    expect(await shownIncidentCount(sectionOf(page, 'Incidents'))).toBe(incidentsOf(from).length);
    expect(await countTable(sectionOf(page, 'Actors').getByRole('table'))).toEqual(
      actorCounts(incidentsOf(from)),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('goes to a sub-sector, which links back to its parent, and back', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/sectors/${sectorId}`);
    const { page } = explorer;
    const subsectors = page.locator('[data-field="subsectors"]').getByRole('link');
    await expect.poll(() => subsectors.count(), patience).toBeGreaterThan(0);
    const name = (await subsectors.first().textContent()) ?? '';
    await subsectors.first().click();
    await expectTitle(page, name);
    const subsectorId = keyOfPath(pathOf(page.url()));
    expect(parentSector(subsectorId)).toBe(sectorId);
    expect(
      pathOf(await page.locator('[data-field="parent"]').getByRole('link').getAttribute('href')),
    ).toBe(`/sectors/${sectorId}`);
    expect(await shownIncidentCount(sectionOf(page, 'Incidents'))).toBe(
      seeds.incidents.filter((i) => i.sectorIds.includes(subsectorId)).length,
    );
    await page.goBack();
    expect(pathOf(page.url())).toBe(`/sectors/${sectorId}`);
    expect(await shownIncidentCount(sectionOf(page, 'Incidents'))).toBe(incidentsOf().length);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when no sector has the key', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/sectors/no-such-sector');
    await expectTitle(explorer.page, 'No such sector');
    expectCleanPage(explorer);
    await explorer.page.context().close();
  });
});

describe('the country page', () => {
  /** The country most seed incidents affected. */
  const code = [...countBy(seeds.incidents, (i) => i.countries.map((c) => c.iso2))].sort(
    (a, b) => b[1] - a[1],
  )[0]?.[0];
  const incidentsOf = (since?: string) =>
    seeds.incidents.filter((i) => i.countries.some((c) => c.iso2 === code) && overlaps(i, since));

  it('lists the incidents affecting it, the actors behind them and those operating from it', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/countries/${code}`);
    const { page } = explorer;
    const incidents = sectionOf(page, 'Incidents affecting it');
    expect(await shownIncidentCount(incidents)).toBe(incidentsOf().length);
    const listed = await allListedIncidents(incidents);
    expect(listed.map((i) => i.key).sort()).toEqual(
      incidentsOf()
        .map((i) => i.id)
        .sort(),
    );
    expect(await countTable(sectionOf(page, 'Actors targeting it').getByRole('table'))).toEqual(
      actorCounts(incidentsOf()),
    );
    const origins = page.locator('[data-field="originating-actors"]').getByRole('link');
    expect((await hrefsIn(origins)).map(pathOf).sort()).toEqual(
      seeds.actors
        .filter((a) => a.origin?.country === code)
        .map((a) => `/actors/${a.id}`)
        .sort(),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows a date filter in the address, and carries it to the actor it links to', async () => {
    expect(incidentsOf(from).length).toBeLessThan(incidentsOf().length);
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/countries/${code}?from=${from}`,
    );
    const { page } = explorer;
    expect(await shownIncidentCount(sectionOf(page, 'Incidents affecting it'))).toBe(
      incidentsOf(from).length,
    );
    const actors = sectionOf(page, 'Actors targeting it').getByRole('table');
    const counts = await countTable(actors);
    expect(counts).toEqual(actorCounts(incidentsOf(from)));
    const actorLink = actors.getByRole('link').first();
    const actorName = (await actorLink.textContent()) ?? '';
    await actorLink.click();
    await expectTitle(page, actorName);
    expect(new URL(page.url()).search).toBe(`?from=${from}`);
    await page.goBack();
    expect(pathOf(page.url())).toBe(`/countries/${code}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when no country has the code', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/countries/ZZ');
    await expectTitle(explorer.page, 'No such country');
    expectCleanPage(explorer);
    await explorer.page.context().close();
  });
});

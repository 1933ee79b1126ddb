import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import type { IncidentRecord } from '../../src/import/records.js';
import { dateAtPrecision, overlaps, patience, seeds } from '../support/entity-pages.js';
import {
  actorsOf,
  busiest,
  countriesOf,
  expectedStats,
  hitsSector,
  latestFirst,
  topLevelSectorsOf,
} from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';
import { filterChipLabels, openFilterControls, openFilterMenu } from '../support/filter-bar.js';
import { addressOf, busiestRows, overviewFigures } from '../support/overview-page.js';

// Each view waits for the API, which shares the test machine: every poll waits with patience.
vi.setConfig({ expect: { poll: patience } });

const seeded = useSeededApi();
const chromium = useBrowser();

/** The titles of the latest incidents, top to bottom. */
const latestTitles = (page: Page) =>
  page.getByRole('region', { name: 'Latest incidents' }).getByRole('link').allTextContents();

/** The busiest lists the overview shows for these incidents, their links carrying `carried`. */
const busiestLists = (incidents: IncidentRecord[], carried = '') => {
  const top = (keysOf: (i: IncidentRecord) => string[], prefix: string) =>
    busiest(incidents, keysOf)
      .slice(0, 8)
      .map(({ key, incidentCount }) => ({ href: `/${prefix}/${key}${carried}`, incidentCount }));
  return {
    actors: top(actorsOf, 'actors'),
    sectors: top(topLevelSectorsOf, 'sectors'),
    countries: top(countriesOf, 'countries'),
  };
};

const shownBusiestLists = async (page: Page) => ({
  actors: await busiestRows(page, 'Busiest actors'),
  sectors: await busiestRows(page, 'Most-hit sectors'),
  countries: await busiestRows(page, 'Most-affected countries'),
});

describe('the overview (/)', () => {
  it('shows the seeds’ headline figures and latest incidents, each a link', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(seeds.incidents));
    const expected = latestFirst(seeds.incidents).slice(0, 10);
    await expect.poll(() => latestTitles(page)).toEqual(expected.map((i) => i.title));
    await expect.poll(() => shownBusiestLists(page)).toEqual(busiestLists(seeds.incidents));
    const first = expected[0];
    if (!first) throw new Error('the seeds hold no incident');
    const firstItem = page
      .getByRole('region', { name: 'Latest incidents' })
      .getByRole('listitem')
      .filter({ hasText: first.title });
    await expect.poll(() => firstItem.locator('time').textContent()).toBe(dateAtPrecision(first));
    await screenshot(page, 'home');

    await page.getByRole('link', { name: first.title }).click();
    await expect.poll(() => addressOf(page).path).toBe(`/incidents/${first.id}`);
    await page.goBack();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(seeds.incidents));
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows the filter bar: a sector, then a period; reload keeps it, back undoes it', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(seeds.incidents));

    await openFilterControls(page);
    const sectors = await openFilterMenu(page, 'Sectors');
    await sectors.getByRole('checkbox', { name: 'Health', exact: true }).check();
    const health = seeds.incidents.filter(hitsSector('health'));
    await expect.poll(() => addressOf(page).params.getAll('sector')).toEqual(['health']);
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(health));
    await expect
      .poll(() => latestTitles(page))
      .toEqual(
        latestFirst(health)
          .slice(0, 10)
          .map((i) => i.title),
      );

    await expect
      .poll(() => shownBusiestLists(page))
      .toEqual(busiestLists(health, '?sector=health'));

    await page.keyboard.press('Escape');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('From', { exact: true }).press('Enter');
    await page.getByLabel('To', { exact: true }).fill('2021-12-31');
    await page.getByLabel('To', { exact: true }).press('Enter');
    const healthIn2020And2021 = health.filter((i) => overlaps(i, '2020-01-01', '2021-12-31'));
    expect(healthIn2020And2021.length).toBeGreaterThan(0);
    expect(healthIn2020And2021.length).toBeLessThan(health.length);
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(healthIn2020And2021));
    expect(addressOf(page).params.get('from')).toBe('2020-01-01');
    expect(addressOf(page).params.get('to')).toBe('2021-12-31');

    await page.reload();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(healthIn2020And2021));
    await expect
      .poll(() => filterChipLabels(page))
      .toEqual(['From 2020-01-01', 'To 2021-12-31', 'Sector: Health']);

    await page.goBack();
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(health.filter((i) => overlaps(i, '2020-01-01'))));
    await page.goBack();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(health));
    await page.goBack();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(seeds.incidents));
    expect(addressOf(page).params.toString()).toBe('');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('carries the filter on every link it gives', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/?sector=health');
    const { page } = explorer;
    const health = seeds.incidents.filter(hitsSector('health'));
    const [first] = latestFirst(health);
    const [busiestActor] = busiest(health, actorsOf);
    if (!first || !busiestActor) throw new Error('no attributed seed incident hits health');
    await page.getByRole('link', { name: first.title }).click();
    await expect
      .poll(() => page.url())
      .toMatch(new RegExp(`/incidents/${first.id}\\?sector=health$`));
    await page.goBack();
    await page.getByRole('region', { name: 'Busiest actors' }).getByRole('link').first().click();
    await expect
      .poll(() => page.url())
      .toMatch(new RegExp(`/actors/${busiestActor.key}\\?sector=health$`));
    expectCleanPage(explorer);
    await page.context().close();
  });
});

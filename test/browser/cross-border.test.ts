import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import { crossBorderLines, type ExpectedLine } from '../support/cross-border-facts.js';
import { patience, pathOf, seeds } from '../support/entity-pages.js';
import { openFilterControls, openFilterMenu } from '../support/filter-bar.js';
import { addressOf } from '../support/overview-page.js';
import { hitsSector } from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';
import { pageStatus } from '../support/server.js';
import { downloadedCsv, expectPictureAndQueryExports, tableRows } from '../support/chart-panel.js';

// The view waits for the API, which shares the test machine: every poll waits with patience.
vi.setConfig({ expect: { poll: patience } });

const seeded = useSeededApi();
const chromium = useBrowser();

const all = crossBorderLines(seeds.incidents);

/** A line as the tables show it: its links' paths, incidents and dates (names are the API's). */
const shownAs = (line: ExpectedLine) => ({
  links: [
    `/actors/${line.actor}`,
    ...(line.origin ? [`/countries/${line.origin}`] : []),
    `/sectors/${line.sector}`,
    `/countries/${line.country}`,
  ],
  numbers: [String(line.incidentCount), line.firstDate, line.lastDate],
});

const linesIn = async (page: Page, testId: string) =>
  (await tableRows(page.getByTestId(testId))).map((row) => ({
    links: row.links.map(pathOf),
    numbers: row.cells.slice(4, 7),
  }));

const shownTotal = (page: Page) => page.getByTestId('total-count').textContent();

describe('the cross-border view (/cross-border)', () => {
  it("ranks the seeds' lines, lists unknown origins apart, and opens an actor from the table", async () => {
    expect(all.known.length).toBeGreaterThan(50);
    expect(all.unknown.length).toBeGreaterThan(25);
    const explorer = await openPage(chromium.browser, seeded.api.url, '/cross-border');
    const { page } = explorer;
    await expect.poll(() => shownTotal(page)).toBe(String(all.known.length));
    await expect
      .poll(() => linesIn(page, 'cross-border-lines'))
      .toEqual(all.known.slice(0, 25).map(shownAs));
    await expect
      .poll(() => linesIn(page, 'cross-border-unknown'))
      .toEqual(all.unknown.slice(0, 25).map(shownAs));
    expect(await page.locator('.chart canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(1000); // the Sankey's entry animation
    await screenshot(page, 'cross-border');

    const [busiest] = all.known;
    if (!busiest) throw new Error('the seeds have no cross-border line');
    await page.getByTestId('cross-border-lines').getByRole('link').first().click();
    await expect.poll(() => addressOf(page).path).toBe(`/actors/${busiest.actor}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('pages with cursors in the address, orders by last date, and changes the page size', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/cross-border');
    const { page } = explorer;
    const lines = () => linesIn(page, 'cross-border-lines');
    await expect.poll(lines).toEqual(all.known.slice(0, 25).map(shownAs));
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(lines).toEqual(all.known.slice(25, 50).map(shownAs));
    expect(addressOf(page).params.get('after')).toBeTruthy();
    await page.reload();
    await expect.poll(lines).toEqual(all.known.slice(25, 50).map(shownAs));
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(lines).toEqual(all.known.slice(0, 25).map(shownAs));
    expect(addressOf(page).params.get('after')).toBeNull();

    await page.getByLabel('Lines per page').selectOption('50');
    await expect.poll(lines).toEqual(all.known.slice(0, 50).map(shownAs));
    await page.getByLabel('Order', { exact: true }).selectOption('LAST_DATE');
    const latest = [...all.known].sort(
      (a, b) =>
        b.lastDate.localeCompare(a.lastDate) ||
        `${a.actor}|${a.sector}|${a.country}`.localeCompare(`${b.actor}|${b.sector}|${b.country}`),
    );
    await expect
      .poll(async () => (await lines()).map((line) => line.numbers[2]))
      .toEqual(latest.slice(0, 50).map((line) => line.lastDate));
    expect(addressOf(page).params.get('order')).toBe('LAST_DATE');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows the filter bar, and a Sankey node opens its page with the filter', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/cross-border');
    const { page } = explorer;
    await expect.poll(() => shownTotal(page)).toBe(String(all.known.length));
    await openFilterControls(page);
    const sectors = await openFilterMenu(page, 'Sectors');
    await sectors.getByRole('checkbox', { name: 'Health', exact: true }).check();
    const health = crossBorderLines(seeds.incidents.filter(hitsSector('health')));
    expect(health.known.length).toBeLessThan(all.known.length);
    await expect.poll(() => shownTotal(page)).toBe(String(health.known.length));
    await expect
      .poll(() => linesIn(page, 'cross-border-lines'))
      .toEqual(health.known.slice(0, 25).map(shownAs));
    await page.keyboard.press('Escape');

    // Only Russian actors' lines: the origin column is one node, most of the chart's height.
    await page.goto('/cross-border?origin=RU');
    const russian = crossBorderLines(
      seeds.incidents.map((incident) => ({
        ...incident,
        attributions: incident.attributions.filter(
          (claim) => seeds.actors.find((a) => a.id === claim.actorId)?.origin?.country === 'RU',
        ),
      })),
    );
    await expect.poll(() => shownTotal(page)).toBe(String(russian.known.length));
    const chart = page.locator('.chart').first();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the Sankey is not on the page');
    await page.waitForTimeout(1000); // the entry animation
    await page.mouse.click(box.x + 18, box.y + box.height / 2);
    await expect.poll(() => page.url()).toMatch(/\/countries\/RU\?origin=RU$/);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('exports the lines as a CSV equal to its tables, the Sankey as SVG and PNG, and its query', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/cross-border');
    const { page } = explorer;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await expect
      .poll(() => linesIn(page, 'cross-border-lines'))
      .toEqual(all.known.slice(0, 25).map(shownAs));
    const [header, ...rows] = await downloadedCsv(page);
    expect(header).toEqual([
      'Actor',
      'Origin',
      'Sector',
      'Affected country',
      'Incidents',
      'First',
      'Last',
      'Reported',
    ]);
    const tables = [
      ...(await tableRows(page.getByTestId('cross-border-lines'))),
      ...(await tableRows(page.getByTestId('cross-border-unknown'))),
    ].map((row) => row.cells);
    expect(rows).toEqual(tables);
    expect(rows).toHaveLength(50);
    await expectPictureAndQueryExports(page, 'CrossBorder');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('is one of the server’s explorer addresses', async () => {
    expect(await pageStatus(seeded.api, '/cross-border')).toBe(200);
  });

  it('says which parameter it could not take, and refuses a cursor that is not one', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/cross-border?first=7');
    const { page } = explorer;
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/“7” is not a first.*showing 25/);
    await expect.poll(() => shownTotal(page)).toBe(String(all.known.length));
    await page.goto('/cross-border?after=not-a-cursor');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/^The request was refused/);
    await page.context().close();
  });
});

import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { databaseSettings } from '../../src/db/open-database.js';
import {
  expectCleanPage,
  expectCleanPageButFailedLoads,
  openPage,
  useBrowser,
} from '../support/browser.js';
import { silentLogger, testConfig } from '../support/database.js';
import { useSeededApi } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { focused, header } from '../support/header.js';

const seeded = useSeededApi();
const chromium = useBrowser();

/** A loopback port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const alertText = (page: Page) => page.getByRole('alert').first().innerText();

describe('a database outage', () => {
  let database: Database;
  let api: TestServer;
  beforeAll(async () => {
    const config = testConfig({ NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}` });
    database = new Database(databaseSettings(config, config.NEO4J_URI ?? ''), silentLogger);
    api = await startTestServer(config, database);
  });
  afterAll(async () => {
    await api.stop();
    await database.close();
  });

  it('shows as such on the overview, not as a blank page', async () => {
    const explorer = await openPage(chromium.browser, api.url, '/');
    const { page } = explorer;
    await expect.poll(() => alertText(page)).toContain('The database is unavailable');
    expect(await page.getByRole('heading', { name: 'Overview' }).count()).toBe(1);
    // The API answered 503 (DATABASE_UNAVAILABLE): Chromium logs that as a failed load.
    expectCleanPageButFailedLoads(explorer);
    for (const message of explorer.record.consoleErrors) expect(message).toContain('status of 503');
    await page.context().close();
  });
});

describe('the API going away after the page loaded', () => {
  it('shows "cannot be reached" on the next view asked for', async () => {
    const api = await startTestServer(testConfig(), seeded.database);
    const explorer = await openPage(chromium.browser, api.url, '/no/such/view');
    const { page } = explorer;
    await page.getByRole('heading', { name: 'No such view' }).waitFor();
    await page.waitForLoadState('networkidle');
    await api.stop();
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await expect.poll(() => alertText(page)).toContain('The API cannot be reached');
    // The failed loads: the unknown address's 404, then the requests the stopped API refused.
    expectCleanPageButFailedLoads(explorer);
    const [notFound, ...refused] = explorer.record.consoleErrors;
    expect(notFound).toContain('status of 404');
    expect(refused.length).toBeGreaterThan(0);
    for (const message of refused) expect(message).toContain('net::ERR_CONNECTION_REFUSED');
    await page.context().close();
  });
});

describe('the chart library failing to load', () => {
  it('says so in place of the chart, and the numbers stay under the Table button', async () => {
    const context = await chromium.browser.newContext({
      viewport: { width: 1280, height: 800 },
      baseURL: seeded.api.url,
    });
    // The chart's module (with ECharts behind it) is its own file, loaded beside the view's query.
    await context.route(/\/assets\/Chart-[^/]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto('/timeline');
    await expect
      .poll(() => alertText(page))
      .toMatch(/^The chart could not be loaded \(.+\): reload the page to try again\./);
    await page.getByRole('button', { name: 'Table' }).click();
    expect(await page.locator('.chart-panel table tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the keyboard', () => {
  /** Whether the focused element shows the explorer's focus ring (the :focus-visible outline). */
  const focusRing = (page: Page) =>
    page.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
    );

  it('reaches the skip link first, then the header: its links, the search box and sign-in', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => page.locator('[data-figure="incidents"]').textContent()).toMatch(/\d+/);
    const reached: string[] = [];
    while (reached.at(-1) !== 'Sign in' && reached.length < 20) {
      await page.keyboard.press('Tab');
      reached.push(await focused(page));
      expect(await focusRing(page), `the focus ring on ${reached.at(-1)}`).toBe('solid 3px');
      if (reached.length > 1)
        expect(
          await header(page).locator(':focus').count(),
          `${reached.at(-1)} in the header`,
        ).toBe(1);
    }
    expect(reached.slice(0, 10)).toEqual([
      'Skip to content',
      'Cyber Incident Graph',
      'Overview',
      'Graph',
      'Cross-border',
      'Matrix',
      'Timeline',
      'Map',
      'Attribution',
      'GraphiQL',
    ]);
    // Whatever the search box puts between the links and sign-in, sign-in comes last.
    expect(reached.at(-1)).toBe('Sign in');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('moves focus to the view with the skip link', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => page.locator('[data-figure="incidents"]').textContent()).toMatch(/\d+/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('main');
    expectCleanPage(explorer);
    await page.context().close();
  });
});

describe('the overview on a laptop screen', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ])
    it(`has no horizontal scrollbar at ${viewport.width}×${viewport.height}`, async () => {
      const explorer = await openPage(chromium.browser, seeded.api.url, '/', viewport);
      const { page } = explorer;
      await expect
        .poll(() => page.locator('[data-figure="incidents"]').textContent())
        .toMatch(/\d+/);
      // An expression, not a function: the tests are type-checked without the DOM's types.
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      const innerWidth = await page.evaluate<number>('window.innerWidth');
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expectCleanPage(explorer);
      await page.context().close();
    });
});

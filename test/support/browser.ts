import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/**
 * The browser the tests drive: the system's Chromium (Debian's `chromium` package, which CI
 * installs), never one Playwright downloads. CHROMIUM_PATH names another build.
 */
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist.`);
    return named;
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined)
    throw new Error(
      `The browser tests need Chromium and found none at ${candidates.join(', ')}: install ` +
        "Debian's package (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  return found;
}

/** What a page did that a test must see: console errors, uncaught exceptions, other hosts asked. */
export interface PageRecord {
  consoleErrors: string[];
  foreignRequests: string[];
}

export interface ExplorerPage {
  page: Page;
  record: PageRecord;
}

/**
 * Headless Chromium as the tests (and the explorer's benchmark) run it. WebGL (the graph view)
 * runs on SwiftShader, the software renderer, as there is no GPU; the sandbox is off because CI
 * runs as root.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });

/** Headless Chromium for one test file. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is used before beforeAll has launched it');
      return browser;
    },
  };
}

/**
 * A new page at 1280×800 (the size the explorer must be readable at) that records console errors,
 * uncaught exceptions and every request to a host other than the API's.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  address: string,
  viewport = { width: 1280, height: 800 },
): Promise<ExplorerPage> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  const page = await context.newPage();
  const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
  const origin = new URL(baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin)
      record.foreignRequests.push(request.url());
  });
  await page.goto(address);
  return { page, record };
}

/** Nothing went wrong on the page: no console error, no request to another host. */
export function expectCleanPage({ record }: ExplorerPage): void {
  expect(record.foreignRequests, 'requests to another host').toEqual([]);
  expect(record.consoleErrors, 'console errors').toEqual([]);
}

/**
 * A screenshot of the page. With UPDATE_SCREENSHOTS=1 (`npm run screenshots`) it replaces the
 * picture of that name in docs/screenshots/, which the README shows; otherwise it goes to .data/
 * so that every run still takes it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? path.join(projectRoot, 'docs', 'screenshots')
      : path.join(projectRoot, '.data', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * A page whose requests failed on purpose (a refused credential, a database or API taken away):
 * Chromium logs each failed request as "Failed to load resource: …". Those, and nothing else,
 * are allowed; no request to another host either.
 */
export function expectCleanPageButFailedLoads({ record }: ExplorerPage): void {
  expect(record.foreignRequests, 'requests to another host').toEqual([]);
  const others = record.consoleErrors.filter(
    (message) => !message.startsWith('Failed to load resource: '),
  );
  expect(others, 'console errors other than failed loads').toEqual([]);
}

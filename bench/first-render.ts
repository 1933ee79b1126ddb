import type { Browser } from 'playwright-core';

/**
 * Milliseconds from navigation start to the first animation frame in which `visible` (run in the
 * page) holds, on a fresh browser context, so that nothing is cached.
 */
export async function firstRender(browser: Browser, url: string, visible: string): Promise<number> {
  // Playwright evaluates a polled predicate with eval, which the explorer's policy forbids.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(`(${visible}) ? performance.now() : false`, null, {
      polling: 'raf',
      timeout: 60_000,
    });
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

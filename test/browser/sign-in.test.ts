import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/database.js';
import {
  expectCleanPage,
  expectCleanPageButFailedLoads,
  openPage,
  screenshot,
  useBrowser,
} from '../support/browser.js';
import { roleKeys, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  focused,
  header,
  signInButton,
  signInForm,
  signInWith,
  signOutButton,
  viewerStatus,
} from '../support/header.js';

const SECRET = 'a-browser-test-secret-of-32-characters';
const auth = { AUTH_API_KEYS: roleKeysSetting, AUTH_JWT_SECRET: SECRET };
const seeded = useSeededApi(auth);
const chromium = useBrowser();

const token = (roles: string[], lifetime: string) =>
  new SignJWT({ sub: 'analyst@example.org', roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(new TextEncoder().encode(SECRET));

const figure = (page: Page) => page.locator('[data-figure="incidents"]').textContent();

/**
 * Whether the tab's sessionStorage, and its localStorage, hold a credential. (An expression, not a
 * function: the tests are type-checked without the DOM's types.)
 */
async function storage(page: Page, credential: string) {
  const stored = async (store: string) =>
    JSON.parse(await page.evaluate<string>(`JSON.stringify(Object.values(${store}))`)) as string[];
  return {
    session: (await stored('sessionStorage')).includes(credential),
    local: (await stored('localStorage')).some((item) => item.includes(credential)),
  };
}

describe('signing in', () => {
  it('is read-only until an API key is pasted, then shows who and what the role allows', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => viewerStatus(page)).toBe('Read-only');
    await expect.poll(() => figure(page)).toMatch(/\d+/);
    await signInButton(page).focus();
    await page.keyboard.press('Enter');
    expect(await signInButton(page).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.insertText(roleKeys.editor);
    await screenshot(page, 'sign-in');
    await page.keyboard.press('Enter');
    await expect.poll(() => viewerStatus(page)).toBe('ed (API key) editor may edit');
    // Focus stays on the control, which now signs out; the form is gone.
    expect(await focused(page)).toBe('Sign out');
    expect(await signInForm(page).count()).toBe(0);
    expect(await storage(page, roleKeys.editor)).toEqual({ session: true, local: false });
    expect(await figure(page)).toMatch(/\d+/);

    // A reload keeps the tab signed in; another tab starts read-only.
    await page.reload();
    await expect.poll(() => viewerStatus(page)).toBe('ed (API key) editor may edit');
    const otherTab = await page.context().newPage();
    await otherTab.goto('/');
    await expect.poll(() => viewerStatus(otherTab)).toBe('Read-only');

    await signOutButton(page).click();
    await expect.poll(() => viewerStatus(page)).toBe('Read-only');
    expect(await storage(page, roleKeys.editor)).toEqual({ session: false, local: false });
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('takes a token as a token, and names its subject and role', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await signInWith(page, await token(['admin'], '1h'));
    await expect
      .poll(() => viewerStatus(page))
      .toBe('analyst@example.org (token) admin may edit, delete and merge');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('refuses a wrong key, saying so, and keeps the analyst as they were', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => viewerStatus(page)).toBe('Read-only');
    await signInWith(page, '   ');
    await expect
      .poll(() => signInForm(page).getByRole('alert').innerText())
      .toBe('Paste an API key or a token first.');
    const wrongKey = 'not-a-key-this-api-knows-0123456789';
    await page.keyboard.press('Control+A');
    await signInWith(page, wrongKey);
    await expect
      .poll(() => signInForm(page).getByRole('alert').innerText())
      .toContain('The API refused this key or token');
    expect(await viewerStatus(page)).toBe('Read-only');
    expect(await storage(page, wrongKey)).toEqual({ session: false, local: false });
    expect(await figure(page)).toMatch(/\d+/);
    // Escape closes the form and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await signInForm(page).count()).toBe(0);
    expect(await focused(page)).toBe('Sign in');
    // The one refused request (HTTP 401) is the only failed load.
    expectCleanPageButFailedLoads(explorer);
    expect(explorer.record.consoleErrors).toHaveLength(1);
    expect(explorer.record.consoleErrors[0]).toContain('status of 401');
    await page.context().close();
  });

  it('signs the analyst out, saying so, when the API stops accepting a kept token', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await signInWith(page, await token(['editor'], '5s'));
    await expect.poll(() => viewerStatus(page)).toContain('analyst@example.org (token) editor');
    // The token expires while the tab keeps it; the reload asks with it again.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await page.reload();
    await expect
      .poll(() => header(page).getByRole('alert').innerText())
      .toContain('no longer accepts your key or token');
    await expect.poll(() => viewerStatus(page)).toBe('Read-only');
    await expect.poll(() => figure(page)).toMatch(/\d+/);
    expectCleanPageButFailedLoads(explorer);
    await page.context().close();
  });
});

describe('an API whose reads need a credential (AUTH_READS=token)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(testConfig({ ...auth, AUTH_READS: 'token' }), seeded.database);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('shows the views as needing sign-in, and answers them once signed in', async () => {
    const explorer = await openPage(chromium.browser, api.url, '/');
    const { page } = explorer;
    await expect
      .poll(() => page.getByRole('main').getByRole('alert').innerText())
      .toContain('Sign in to see this');
    expect(await viewerStatus(page)).toBe('Sign in to read');
    await signInWith(page, roleKeys.viewer);
    await expect.poll(() => viewerStatus(page)).toBe('vw (API key) viewer read-only');
    await expect.poll(() => figure(page)).toMatch(/\d+/);
    expectCleanPageButFailedLoads(explorer);
    for (const message of explorer.record.consoleErrors) expect(message).toContain('status of 401');
    await page.context().close();
  });
});

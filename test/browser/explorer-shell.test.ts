import { describe, expect, it } from 'vitest';
import { expectCleanPage, openPage, useBrowser } from '../support/browser.js';
import { useSeededApi } from '../support/seeded.js';

const seeded = useSeededApi();
const chromium = useBrowser();

describe('the explorer, served by the API', () => {
  it('opens at / with the overview of the seeds', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await expect.poll(() => page.locator('[data-figure="incidents"]').textContent()).toMatch(/\d+/);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('answers a deep link with the explorer and an unknown address with its 404 view', async () => {
    const deep = await fetch(`${seeded.api.url}/actors/sandworm`, {
      headers: { accept: 'text/html' },
    });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toContain("default-src 'self'");
    const unknown = await openPage(chromium.browser, seeded.api.url, '/no/such/view');
    await expect
      .poll(() => unknown.page.getByRole('heading', { name: 'No such view' }).count())
      .toBe(1);
    await unknown.page.context().close();
  });

  it('sends a browser opening /graphql to GraphiQL, and keeps JSON clients on the API', async () => {
    const browser = await fetch(`${seeded.api.url}/graphql`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/graphiql');
    const client = await fetch(`${seeded.api.url}/nothing-here`, {
      headers: { accept: 'application/json' },
    });
    expect(client.status).toBe(404);
    expect(await client.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});

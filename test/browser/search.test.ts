import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import { addressOf } from '../support/overview-page.js';
import { overlaps, patience, seedActor } from '../support/entity-pages.js';
import { actorsMatching, incidentsMatching, latestFirst } from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';

// Each view waits for the API, which shares the test machine: every poll waits with patience.
vi.setConfig({ expect: { poll: patience } });

const seeded = useSeededApi();
const chromium = useBrowser();

const searchBox = (page: Page) =>
  page.getByRole('combobox', { name: 'Search actors and incidents' });

/** Moves through the suggestions with the arrow keys until `name` is the chosen one. */
async function arrowTo(page: Page, name: RegExp): Promise<void> {
  const names = await page.getByRole('option').allTextContents();
  const index = names.findIndex((text) => name.test(text));
  expect(index, `a suggestion ${String(name)} among ${names.join(' | ')}`).toBeGreaterThanOrEqual(
    0,
  );
  for (let step = 0; step <= index; step++) await searchBox(page).press('ArrowDown');
  const chosen = page.getByRole('option', { selected: true });
  expect(await chosen.textContent()).toMatch(name);
  const chosenId = await chosen.getAttribute('id');
  expect(await searchBox(page).getAttribute('aria-activedescendant')).toBe(chosenId);
}

describe('the header’s search box', () => {
  it('suggests an actor from the start of its name; arrows and Enter open its page', async () => {
    expect(actorsMatching('Sandw').map((a) => a.id)).toEqual(['sandworm']);
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await searchBox(page).fill('Sandw');
    await expect.poll(() => page.getByRole('option', { name: /^Sandworm State$/ }).count()).toBe(1);
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('true');
    await arrowTo(page, /^Sandworm State$/);
    await searchBox(page).press('Enter');
    await expect.poll(() => addressOf(page).path).toBe('/actors/sandworm');
    await page.goBack();
    await expect.poll(() => addressOf(page).path).toBe('/');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('opens a suggestion on a click, and finds an actor by an alias', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    const [lazarus] = actorsMatching('Lazar');
    if (!lazarus) throw new Error('the seeds have no actor called Lazar…');
    await searchBox(page).fill('Lazar');
    await page.getByRole('option', { name: new RegExp(`^${lazarus.name}`) }).click();
    await expect.poll(() => addressOf(page).path).toBe(`/actors/${lazarus.id}`);

    // An alias no name shares: only the actor it belongs to answers it.
    const byAlias = actorsMatching('Voodoo Bear');
    expect(byAlias.map((a) => a.name)).toEqual(['Sandworm']);
    await searchBox(page).fill('Voodoo Bear');
    await expect.poll(() => page.getByRole('option', { name: /^Sandworm State$/ }).count()).toBe(1);
    await searchBox(page).press('Escape');
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox').count()).toBe(0);
    expectCleanPage(explorer);
    await page.context().close();
  });
});

describe('the results page (/search)', () => {
  it('lists the actors and the incidents that match, apart, each a link', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await searchBox(page).fill('sandworm');
    await searchBox(page).press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/search\?q=sandworm$/);

    const actors = page.getByRole('region', { name: /^Actors/ });
    const incidents = page.getByRole('region', { name: /^Incidents/ });
    const expectedIncidents = latestFirst(incidentsMatching('sandworm'));
    expect(expectedIncidents.length).toBeGreaterThan(1);
    await expect
      .poll(() => actors.getByRole('link').allTextContents())
      .toEqual(actorsMatching('sandworm').map((a) => a.name));
    await expect
      .poll(() => incidents.getByRole('link').allTextContents())
      .toEqual(expectedIncidents.map((i) => i.title));
    const sandworm = seedActor('sandworm');
    expect(await actors.getByRole('row').nth(1).textContent()).toContain(
      sandworm.aliases.join(', '),
    );
    await screenshot(page, 'search');

    const [first] = expectedIncidents;
    if (!first) throw new Error('no incident mentions Sandworm');
    await incidents.getByRole('link', { name: first.title }).click();
    await expect.poll(() => addressOf(page).path).toBe(`/incidents/${first.id}`);
    await page.goBack();
    await expect.poll(() => incidents.getByRole('link').count()).toBe(expectedIncidents.length);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('narrows the incidents by the filter in the address', async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      '/search?q=sandworm&from=2022-01-01',
    );
    const { page } = explorer;
    const expected = latestFirst(
      incidentsMatching('sandworm').filter((i) => overlaps(i, '2022-01-01')),
    );
    expect(expected.length).toBeLessThan(incidentsMatching('sandworm').length);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: /^Incidents/ })
          .getByRole('link')
          .allTextContents(),
      )
      .toEqual(expected.map((i) => i.title));
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when nothing matches, and what to type when nothing was asked', async () => {
    expect(actorsMatching('zzyzx')).toEqual([]);
    expect(incidentsMatching('zzyzx')).toEqual([]);
    const explorer = await openPage(chromium.browser, seeded.api.url, '/search?q=zzyzx');
    const { page } = explorer;
    await expect.poll(() => page.getByText('Nothing matches “zzyzx”').count()).toBe(1);

    await page.goto('/search');
    await expect.poll(() => page.getByText(/^Type an actor's name or alias/).count()).toBe(1);
    await page.getByLabel('Search for', { exact: true }).fill('Voodoo');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => addressOf(page).params.get('q')).toBe('Voodoo');
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: /^Actors/ })
          .getByRole('link')
          .allTextContents(),
      )
      .toEqual(['Sandworm']);
    expectCleanPage(explorer);
    await page.context().close();
  });
});

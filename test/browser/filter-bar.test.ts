import { describe, expect, it, vi } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  filterBar,
  filterChipLabels,
  openFilterControls,
  openFilterMenu,
} from '../support/filter-bar.js';
import { addressOf, overviewFigures } from '../support/overview-page.js';
import type { AttributionRecord } from '../../src/import/records.js';
import { overlaps, patience, seedActor, seeds } from '../support/entity-pages.js';
import {
  affects,
  expectedStats,
  hasClaim,
  hitsSector,
  topLevelSectors,
} from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';

// Each view waits for the API, which shares the test machine: every poll waits with patience.
vi.setConfig({ expect: { poll: patience } });

const seeded = useSeededApi();
const chromium = useBrowser();

describe('the filter bar', () => {
  it('shows what is in effect; each chip removes its condition, Clear all removes every one', async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      '/?from=2020-01-01&sector=health&country=US',
    );
    const { page } = explorer;
    const fromAndHealth = seeds.incidents
      .filter((i) => overlaps(i, '2020-01-01'))
      .filter(hitsSector('health'));
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(fromAndHealth.filter(affects('US'))));
    expect(await filterChipLabels(page)).toEqual([
      'From 2020-01-01',
      'Sector: Health',
      'Affected: United States of America',
    ]);

    await page.getByRole('button', { name: 'Remove Sector: Health' }).click();
    // The removed chip's button is gone: the keyboard focus goes back to the bar's toggle.
    const toggle = filterBar(page).getByRole('button', { name: /^Filter/ });
    expect(await toggle.and(page.locator(':focus')).count()).toBe(1);
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(
        expectedStats(
          seeds.incidents.filter((i) => overlaps(i, '2020-01-01')).filter(affects('US')),
        ),
      );
    expect(addressOf(page).params.toString()).toBe('country=US&from=2020-01-01');

    await filterBar(page).getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(seeds.incidents));
    expect(await filterBar(page).getByText('All incidents (no filter)').count()).toBe(1);

    await page.goBack();
    await expect
      .poll(() => filterChipLabels(page))
      .toEqual(['From 2020-01-01', 'Affected: United States of America']);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('is usable from the keyboard: the menus open, tick and close without a mouse', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    const toggle = filterBar(page).getByRole('button', { name: /^Filter/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    const sectorsSummary = page.locator('summary', { hasText: /^Sectors/ });
    const menu = filterBar(page).locator('details').filter({ has: sectorsSummary });
    const summary = menu.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('open')).toBe('');
    await page.keyboard.press('Tab');
    await expect.poll(() => menu.locator('input[type="checkbox"]:focus').count()).toBe(1);
    await page.keyboard.press('Space');
    // The menu lists the top-level sectors first, each followed by its sub-sectors.
    await expect.poll(() => addressOf(page).params.getAll('sector')).toHaveLength(1);
    const chosen = topLevelSectors.find((s) => s.id === addressOf(page).params.get('sector'));
    if (!chosen) throw new Error('the first box ticked is not a top-level sector');
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(seeds.incidents.filter(hitsSector(chosen.id))));
    // Its sub-sectors are included, so they show ticked and cannot be chosen again.
    for (const sub of chosen.subsectors) {
      const subBox = menu.getByRole('checkbox', { name: sub.name, exact: true });
      expect(await subBox.isChecked()).toBe(true);
      expect(await subBox.isDisabled()).toBe(true);
    }

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('open')).toBeNull();
    expect(await summary.and(page.locator(':focus')).count()).toBe(1);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('applies attack types, claim conditions and places as the API counts them', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await openFilterControls(page);

    const attackTypes = await openFilterMenu(page, 'Attack types');
    await attackTypes.getByRole('checkbox', { name: 'Ransomware and extortion' }).check();
    const ransomware = seeds.incidents.filter((i) => i.attackTypes.includes('RANSOMWARE'));
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(ransomware));
    await page.keyboard.press('Escape');

    // A typed confidence applies on Enter; one out of range is refused where it was typed.
    const confidence = page.getByLabel('Minimum confidence', { exact: true });
    await confidence.fill('150');
    await confidence.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'whole number from 0 to 100' }).count())
      .toBe(1);
    expect(addressOf(page).params.has('minConfidence')).toBe(false);
    await confidence.fill('85');
    await confidence.press('Enter');
    const strong = (claim: AttributionRecord) => claim.confidence >= 85;
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(ransomware.filter(hasClaim(strong)), strong));
    expect(addressOf(page).params.get('minConfidence')).toBe('85');
    await page.getByRole('button', { name: 'Remove Confidence ≥ 85' }).click();

    const statuses = await openFilterMenu(page, 'Status');
    await statuses.getByRole('checkbox', { name: 'Suspected' }).check();
    const suspected = (claim: AttributionRecord) => claim.status === 'SUSPECTED';
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(ransomware.filter(hasClaim(suspected)), suspected));
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: 'Remove Attack type: Ransomware and extortion' })
      .click();
    await page.getByRole('button', { name: 'Remove Status: Suspected' }).click();

    const affected = page.getByLabel('Affected country or region', { exact: true });
    await affected.fill('Atlantis');
    await affected.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: 'No country or region is called “Atlantis”' })
          .count(),
      )
      .toBe(1);
    await affected.fill('ukraine');
    await affected.press('Enter');
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(seeds.incidents.filter(affects('UA'))));
    expect(addressOf(page).params.getAll('country')).toEqual(['UA']);
    await affected.fill('Eastern Europe');
    await affected.press('Enter');
    await expect.poll(() => addressOf(page).params.getAll('region')).toEqual(['Eastern Europe']);
    await page.getByRole('button', { name: 'Remove Affected: Ukraine' }).click();
    await page.getByRole('button', { name: 'Remove Region: Eastern Europe' }).click();

    const origin = page.getByLabel('Origin country', { exact: true });
    await origin.fill('RU');
    await page.getByRole('button', { name: 'Add origin country' }).click();
    const fromRussia = (claim: AttributionRecord) =>
      seedActor(claim.actorId).origin?.country === 'RU';
    await expect
      .poll(() => overviewFigures(page))
      .toEqual(expectedStats(seeds.incidents.filter(hasClaim(fromRussia)), fromRussia));
    expect(addressOf(page).params.getAll('origin')).toEqual(['RU']);
    await screenshot(page, 'filter-bar');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('shows a filter the API refuses as the view’s error, naming what was wrong', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/');
    const { page } = explorer;
    await openFilterControls(page);
    await page.getByRole('combobox', { name: 'Attributed', exact: true }).selectOption('No');
    const unattributed = seeds.incidents.filter((i) => i.attributions.length === 0);
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(unattributed));
    await page.getByRole('combobox', { name: 'Cross-border', exact: true }).selectOption('Yes');
    const refusal = page.getByRole('alert').filter({ hasText: 'The request was refused' });
    await expect.poll(() => refusal.textContent()).toMatch(/crossBorder .*attributed: false/);
    // The conditions stay in sight, so the analyst can take back the one that clashes.
    await page.getByRole('button', { name: 'Remove Cross-border: yes' }).click();
    await expect.poll(() => overviewFigures(page)).toEqual(expectedStats(unattributed));

    await page.goto('/?from=2023-01-01&to=2022-01-01');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('filter.from (2023-01-01) is after filter.to (2022-01-01)');
    await page.goto('/?region=Atlantis');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('unknown region "Atlantis"');
    expect(await filterChipLabels(page)).toEqual(['Region: Atlantis']);
    expect(explorer.record.foreignRequests).toEqual([]);
    await page.context().close();
  });
});

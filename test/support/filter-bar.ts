import type { Locator, Page } from 'playwright-core';

/** The shared filter bar of the explorer's views, as the tests drive it. */
export const filterBar = (page: Page): Locator =>
  page.getByRole('region', { name: 'Incident filter' });

/** Unfolds the bar's controls (they start folded). */
export async function openFilterControls(page: Page): Promise<void> {
  const toggle = filterBar(page).getByRole('button', { name: /^Filter/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** One of the bar's menus (Sectors, Attack types, Status, Datasets), opened. */
export async function openFilterMenu(page: Page, name: string): Promise<Locator> {
  const menu = filterBar(page)
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: new RegExp(`^${name}`) }) });
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return menu;
}

/** The conditions in effect, as the chips say them. */
export async function filterChipLabels(page: Page): Promise<string[]> {
  const removers = await filterBar(page)
    .getByRole('list', { name: 'Filter in effect' })
    .getByRole('button', { name: /^Remove / })
    .all();
  const labels = await Promise.all(removers.map((button) => button.getAttribute('aria-label')));
  return labels.map((label) => (label ?? '').replace(/^Remove /, ''));
}

import type { Page } from 'playwright-core';
import type { ExpectedStats } from './seed-facts.js';

/** The headline figures the overview shows, as numbers, by their `data-figure` name. */
export async function overviewFigures(page: Page): Promise<ExpectedStats> {
  const read = async (name: keyof ExpectedStats) =>
    Number((await page.locator(`[data-figure="${name}"]`).textContent())?.replace(/,/g, ''));
  return {
    incidents: await read('incidents'),
    actors: await read('actors'),
    sectors: await read('sectors'),
    countriesAffected: await read('countriesAffected'),
    attributedIncidents: await read('attributedIncidents'),
    unattributedIncidents: await read('unattributedIncidents'),
  };
}

/** The address's path and query string. */
export const addressOf = (page: Page): { path: string; params: URLSearchParams } => {
  const url = new URL(page.url());
  return { path: url.pathname, params: url.searchParams };
};

/**
 * One of the overview's busiest lists (by its heading) as its rows say it: the address each name
 * links to and the incident count.
 */
export async function busiestRows(
  page: Page,
  heading: string,
): Promise<{ href: string; incidentCount: number }[]> {
  const rows = await page
    .getByRole('region', { name: heading })
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
    .all();
  return Promise.all(
    rows.map(async (row) => ({
      href: (await row.getByRole('link').getAttribute('href')) ?? '',
      // The name is the row's header; the count is its first cell.
      incidentCount: Number(await row.getByRole('cell').first().textContent()),
    })),
  );
}

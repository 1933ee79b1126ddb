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

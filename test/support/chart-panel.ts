import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { patience, readEach } from './entity-pages.js';

/*
 * The chart panel as the browser tests drive it: its table view read back as text, its CSV
 * downloaded and parsed, and where on its canvas a point of the chart's grid is.
 */

/** The panel titled `title`. */
export const chartPanel = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** Shows the panel's numbers as a table (the Table toggle) and reads it: the header, then the rows. */
export async function shownTable(panel: Locator): Promise<string[][]> {
  const toggle = panel.getByRole('button', { name: 'Table', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const table = panel.locator('.chart-table table');
  await expect.poll(() => table.locator('tbody tr').count(), patience).toBeGreaterThan(0);
  const header = await table.locator('thead th').allTextContents();
  const rows = await readEach(table.locator('tbody tr'), (row) =>
    row.locator('th, td').allTextContents(),
  );
  return [header, ...rows];
}

/** Back from the table to the chart. */
export async function showChart(panel: Locator): Promise<void> {
  const toggle = panel.getByRole('button', { name: 'Table', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
  await expect.poll(() => panel.locator('canvas').count(), patience).toBeGreaterThan(0);
}

/** The panel's CSV, downloaded and parsed into rows of fields. */
export async function downloadedCsv(page: Page, panel: Locator): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'CSV', exact: true }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const rows: string[][] = parse(text);
  return rows;
}

/** The chart's box on the page: where its canvas is drawn. */
export async function chartBox(
  panel: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await panel.locator('.chart').boundingBox();
  if (box === null) throw new Error('the chart is not on the page');
  return box;
}

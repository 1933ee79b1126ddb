import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGraphql } from 'graphql';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { patience, readEach } from './entity-pages.js';

/*
 * The chart panel as the browser tests drive it: its exports (pressed, downloaded and checked to
 * parse), its copied query, its table view read back as text, where on its canvas a point of the
 * chart's grid is, and a view's own tables read row by row.
 *
 * The export helpers press the button in `within`: the panel, or the whole page when it has one
 * panel only.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The panel titled `title`. */
export const chartPanel = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: title, exact: true });

/** Presses one of the panel's export buttons and gives the file it downloads. */
export async function downloadedFile(
  page: Page,
  button: string,
  within: Page | Locator = page,
): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    within.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return readFile(await download.path());
}

/** The CSV export, parsed: the header row, then the data rows, every field as text. */
export async function downloadedCsv(
  page: Page,
  within: Page | Locator = page,
): Promise<string[][]> {
  const text = (await downloadedFile(page, 'CSV', within)).toString('utf8');
  const rows: unknown = parseCsv(text);
  if (!Array.isArray(rows)) throw new Error('the CSV is not a list of rows');
  return rows.map((row: unknown) =>
    Array.isArray(row) ? row.map((cell: unknown) => String(cell)) : [String(row)],
  );
}

/** The PNG export starts with PNG's signature. */
export async function expectPngExport(page: Page, within: Page | Locator = page): Promise<void> {
  const png = await downloadedFile(page, 'PNG', within);
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
}

/**
 * The SVG export parses as SVG (by the browser's own XML parser: the test process has none) and
 * holds some drawing; gives how many paths it has.
 */
export async function expectSvgExport(page: Page, within: Page | Locator = page): Promise<number> {
  const svg = (await downloadedFile(page, 'SVG', within)).toString('utf8');
  expect(svg).toContain('<svg');
  // An expression, since the page's DOM types are not the test's.
  const parsed: unknown = await page.evaluate(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
    return {
      broken: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.nodeName,
      paths: doc.getElementsByTagName('path').length,
    };
  })()`);
  expect(parsed).toMatchObject({ broken: 0, root: 'svg' });
  const paths =
    typeof parsed === 'object' && parsed !== null && 'paths' in parsed ? parsed.paths : 0;
  expect(paths).toBeGreaterThan(0);
  return Number(paths);
}

/**
 * "Copy GraphQL query" puts a document GraphQL parses on the clipboard, with the operation
 * `operation` (grant the clipboard's permissions first); gives the copied text.
 */
export async function expectCopiedQuery(
  page: Page,
  operation: string,
  within: Page | Locator = page,
): Promise<string> {
  await within.getByRole('button', { name: 'Copy GraphQL query', exact: true }).click();
  await expect
    .poll(() => within.getByRole('status').filter({ hasText: 'copied' }).count(), patience)
    .toBe(1);
  const text = String(await page.evaluate('navigator.clipboard.readText()'));
  const document = parseGraphql(text);
  expect(
    document.definitions.some(
      (definition) => 'name' in definition && definition.name?.value === operation,
    ),
  ).toBe(true);
  return text;
}

/**
 * The panel's pictures and query: the SVG parses, the PNG has PNG's signature, the copied query
 * parses with the operation `operation` (grant the clipboard's permissions first). Gives how many
 * paths the SVG has.
 */
export async function expectPictureAndQueryExports(
  page: Page,
  operation: string,
  within: Page | Locator = page,
): Promise<number> {
  const paths = await expectSvgExport(page, within);
  await expectPngExport(page, within);
  await expectCopiedQuery(page, operation, within);
  return paths;
}

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

/** The chart's box on the page: where its canvas is drawn. */
export async function chartBox(
  panel: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await panel.locator('.chart').boundingBox();
  if (box === null) throw new Error('the chart is not on the page');
  return box;
}

/** A table's body rows: each cell's text, and the paths of the links in the row, in order. */
export async function tableRows(table: Locator): Promise<{ cells: string[]; links: string[] }[]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => ({
      cells: (await row.locator('th, td').allTextContents()).map((text) => text.trim()),
      links: await Promise.all(
        (await row.locator('a').all()).map(async (link) => (await link.getAttribute('href')) ?? ''),
      ),
    })),
  );
}

import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGraphql } from 'graphql';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/*
 * What the browser tests of the chart views do with a ChartPanel's exports and with the views'
 * tables: press an export button and read the file, check that it parses, read a table's rows.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Presses one of the panel's export buttons and gives the file it downloads. */
export async function downloadedFile(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return readFile(await download.path());
}

/** The CSV export, parsed: the header row, then the data rows, every field as text. */
export async function downloadedCsv(page: Page): Promise<string[][]> {
  const text = (await downloadedFile(page, 'CSV')).toString('utf8');
  const rows: unknown = parseCsv(text);
  if (!Array.isArray(rows)) throw new Error('the CSV is not a list of rows');
  return rows.map((row: unknown) =>
    Array.isArray(row) ? row.map((cell: unknown) => String(cell)) : [String(row)],
  );
}

/** The PNG export starts with PNG's signature. */
export async function expectPngExport(page: Page): Promise<void> {
  const png = await downloadedFile(page, 'PNG');
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
}

/**
 * The SVG export parses as SVG (by the browser's own XML parser: the test process has none) and
 * holds some drawing; gives how many paths it has.
 */
export async function expectSvgExport(page: Page): Promise<number> {
  const svg = (await downloadedFile(page, 'SVG')).toString('utf8');
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

/** "Copy GraphQL query" puts a document GraphQL parses on the clipboard (grant its permissions). */
export async function expectCopiedQuery(page: Page, operation: string): Promise<void> {
  await page.getByRole('button', { name: 'Copy GraphQL query' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'copied' }).count()).toBe(1);
  const text = String(await page.evaluate('navigator.clipboard.readText()'));
  const document = parseGraphql(text);
  expect(document.definitions.some((d) => 'name' in d && d.name?.value === operation)).toBe(true);
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

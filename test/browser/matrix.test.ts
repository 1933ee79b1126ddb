import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AttributionRecord } from '../../src/import/records.js';
import { matrixGrid } from '../../web/src/views/matrix/matrix-chart.js';
import {
  actorKeyOf,
  actorNameOf,
  expectedMatrixTable,
  matrixPairs,
  matrixTotals,
  sectorKeyOf,
} from '../support/analysis-facts.js';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  chartBox,
  chartPanel,
  downloadedCsv,
  showChart,
  shownTable,
} from '../support/chart-panel.js';
import { patience, seeds } from '../support/entity-pages.js';
import { openFilterControls, openFilterMenu } from '../support/filter-bar.js';
import { hasClaim } from '../support/seed-facts.js';
import { addressOf } from '../support/overview-page.js';
import { useSeededApi } from '../support/seeded.js';
import { pageStatus } from '../support/server.js';

const seeded = useSeededApi();
const chromium = useBrowser();

const TITLE = 'Incidents by actor and sector';

/** The table's rows and columns as keys, and its numbers. */
async function readMatrix(page: Page) {
  const [header = [], ...rows] = await shownTable(chartPanel(page, TITLE));
  expect(header[0]).toBe('Actor');
  expect(header.slice(-2)).toEqual(['Others', 'Total']);
  expect(rows.at(-1)?.[0]).toBe('Others');
  return {
    header,
    rows,
    rowKeys: rows.slice(0, -1).map((row) => actorKeyOf(row[0] ?? '')),
    columnKeys: header.slice(1, -2).map(sectorKeyOf),
    numbers: rows.map((row) => row.slice(1).map(Number)),
  };
}

/** The rows (or columns) shown are the busiest: none left out has more than one shown. */
function expectBusiest(shown: readonly string[], totals: Map<string, number>, size: number): void {
  expect(shown).toHaveLength(Math.min(size, totals.size));
  const least = Math.min(...shown.map((key) => totals.get(key) ?? 0));
  for (const [key, n] of totals) if (!shown.includes(key)) expect(n).toBeLessThanOrEqual(least);
}

describe('the actor × sector matrix', () => {
  it('is one of the explorer’s addresses, served with the page', async () => {
    expect(await pageStatus(seeded.api, '/matrix?actors=5')).toBe(200);
  });

  it('shows the seeds’ counts per actor and sector with Others, sorts by name, and follows the filter', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/matrix?actors=5&sectors=5');
    const { page } = explorer;
    const pairs = matrixPairs(seeds.incidents);
    const totals = matrixTotals(pairs);

    const shown = await readMatrix(page);
    expectBusiest(shown.rowKeys, totals.actors, 5);
    expectBusiest(shown.columnKeys, totals.sectors, 5);
    expect(shown.numbers).toEqual(expectedMatrixTable(pairs, shown.rowKeys, shown.columnKeys));
    // By total: the API's order, busiest first.
    const rowTotals = shown.rowKeys.map((key) => totals.actors.get(key) ?? 0);
    expect(rowTotals).toEqual([...rowTotals].sort((a, b) => b - a));

    await page.getByLabel('Sort rows and columns').selectOption('name');
    await expect.poll(() => addressOf(page).params.get('sort')).toBe('name');
    // Sorting is the page's own work: wait for it to show before reading the whole table.
    const rowNames = async () => (await readMatrix(page)).rows.slice(0, -1).map((row) => row[0]);
    const sortedByName = (names: (string | undefined)[]) =>
      [...names].sort((a = '', b = '') => a.localeCompare(b));
    await expect
      .poll(async () => {
        const names = await rowNames();
        return names.join('|') === sortedByName(names).join('|');
      }, patience)
      .toBe(true);
    const byName = await readMatrix(page);
    const columnNames = byName.header.slice(1, -2);
    expect(columnNames).toEqual(sortedByName(columnNames));
    expect(new Set(byName.rowKeys)).toEqual(new Set(shown.rowKeys));
    expect(byName.numbers).toEqual(expectedMatrixTable(pairs, byName.rowKeys, byName.columnKeys));

    // A claim condition: only claims with the status count, for the incidents and for the actors.
    await openFilterControls(page);
    const statuses = await openFilterMenu(page, 'Status');
    await statuses.getByRole('checkbox', { name: 'Suspected' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => addressOf(page).params.getAll('status')).toEqual(['SUSPECTED']);
    const suspected = (claim: AttributionRecord) => claim.status === 'SUSPECTED';
    const filteredPairs = matrixPairs(seeds.incidents.filter(hasClaim(suspected)), suspected);
    const filteredTotals = matrixTotals(filteredPairs);
    expect(filteredTotals.actors).not.toEqual(totals.actors);
    const matchesSeeds = async () => {
      const m = await readMatrix(page);
      const expected = expectedMatrixTable(filteredPairs, m.rowKeys, m.columnKeys);
      return JSON.stringify(m.numbers) === JSON.stringify(expected);
    };
    await expect.poll(matchesSeeds, patience).toBe(true);
    const filtered = await readMatrix(page);
    expectBusiest(filtered.rowKeys, filteredTotals.actors, 5);
    expectBusiest(filtered.columnKeys, filteredTotals.sectors, 5);
    expect(filtered.numbers).toEqual(
      expectedMatrixTable(filteredPairs, filtered.rowKeys, filtered.columnKeys),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('opens the actor’s page narrowed to the sector from a cell, and an actor’s or sector’s page from a label', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/matrix?actors=5&sectors=5');
    const { page } = explorer;
    const pairs = matrixPairs(seeds.incidents);
    const { rowKeys, columnKeys } = await readMatrix(page);
    const panel = chartPanel(page, TITLE);
    await showChart(panel);
    await screenshot(page, 'matrix');

    // The first shown cell with incidents, where the fixed grid puts it.
    const row = rowKeys.findIndex((actor) => columnKeys.some((s) => pairs.get(actor)?.has(s)));
    const actor = rowKeys[row] ?? '';
    const column = columnKeys.findIndex((s) => pairs.get(actor)?.has(s));
    const box = await chartBox(panel);
    const cellWidth = (box.width - matrixGrid.left - matrixGrid.right) / (columnKeys.length + 1);
    const cellHeight = (box.height - matrixGrid.top - matrixGrid.bottom) / (rowKeys.length + 1);
    const rowY = box.y + matrixGrid.top + (row + 0.5) * cellHeight;
    await page.mouse.click(box.x + matrixGrid.left + (column + 0.5) * cellWidth, rowY);
    await expect.poll(() => addressOf(page).path, patience).toBe(`/actors/${actor}`);
    expect(addressOf(page).params.getAll('sector')).toEqual([columnKeys[column]]);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), patience)
      .toBe(actorNameOf(actor));

    await page.goBack();
    await showChart(chartPanel(page, TITLE));
    const labelBox = await chartBox(chartPanel(page, TITLE));
    const labelX = labelBox.x + matrixGrid.left - 24;
    await page.mouse.click(labelX, labelBox.y + matrixGrid.top + 0.5 * cellHeight);
    await expect.poll(() => addressOf(page).path, patience).toBe(`/actors/${rowKeys[0]}`);
    expect(addressOf(page).params.getAll('sector')).toEqual([]);

    // A column's label, slanted above its column: its end is next to the column's middle.
    await page.goBack();
    await showChart(chartPanel(page, TITLE));
    const columnBox = await chartBox(chartPanel(page, TITLE));
    await page.mouse.click(
      columnBox.x + matrixGrid.left + 0.5 * cellWidth - 6,
      columnBox.y + matrixGrid.top - 10,
    );
    await expect.poll(() => addressOf(page).path, patience).toBe(`/sectors/${columnKeys[0]}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('exports a CSV that parses and holds the table, and names a bad parameter', async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      '/matrix?actors=10&sectors=15',
    );
    const { page } = explorer;
    const { header, rows } = await readMatrix(page);
    expect(header).toHaveLength(1 + 15 + 2);
    expect(rows).toHaveLength(10 + 1);
    const csv = await downloadedCsv(page, chartPanel(page, TITLE));
    expect(csv).toEqual([header, ...rows]);
    expectCleanPage(explorer);
    await page.context().close();

    const bad = await openPage(chromium.browser, seeded.api.url, '/matrix?actors=7&sort=size');
    await expect
      .poll(() => bad.page.getByRole('alert').allTextContents(), patience)
      .toEqual([
        expect.stringContaining('"7" is not a number of actors'),
        expect.stringContaining('"size" is not a sort'),
      ]);
    // The defaults are shown instead: ten actors.
    expect((await readMatrix(bad.page)).rowKeys).toHaveLength(10);
    expectCleanPage(bad);
    await bad.page.context().close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { timelineGrid, timelineTools } from '../../web/src/views/timeline/timeline-chart.js';
import { startMonth, startYear } from '../support/analysis-facts.js';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  chartBox,
  chartPanel,
  downloadedCsv,
  expectCopiedQuery,
  showChart,
  shownTable,
} from '../support/chart-panel.js';
import { countBy, overlaps, patience, seeds } from '../support/entity-pages.js';
import { topLevelSectorsOf } from '../support/seed-facts.js';
import { addressOf } from '../support/overview-page.js';
import { useSeededApi } from '../support/seeded.js';
import { pageStatus } from '../support/server.js';

const seeded = useSeededApi();
const chromium = useBrowser();

const TITLE = 'Incidents over time';

/** The table's column of `name` by period, for the periods with incidents in it. */
async function shownColumn(page: Page, name: string): Promise<Map<string, number>> {
  const [header = [], ...rows] = await shownTable(chartPanel(page, TITLE));
  const column = header.indexOf(name);
  expect(column, `the table has a column ${name}`).toBeGreaterThan(0);
  return new Map(
    rows.map((row) => [row[0] ?? '', Number(row[column])] as const).filter(([, n]) => n > 0),
  );
}

/** Incidents per bucket (the year or month they start in). */
const perBucket = (
  incidents: readonly IncidentRecord[],
  bucketOf: (incident: IncidentRecord) => string,
): Map<string, number> => countBy([...incidents], (incident) => [bucketOf(incident)]);

const sorted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => (a < b ? -1 : 1));

describe('the timeline', () => {
  it('is one of the explorer’s addresses, served with the page', async () => {
    expect(await pageStatus(seeded.api, '/timeline?bucket=YEAR')).toBe(200);
  });

  it('counts the seeds per year and per month, says which are too coarse, and groups by actor', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/timeline?bucket=YEAR');
    const { page } = explorer;
    await expect
      .poll(async () => sorted(await shownColumn(page, 'Incidents')), patience)
      .toEqual(sorted(perBucket(seeds.incidents, startYear)));
    expect(await page.getByTestId('too-coarse').count()).toBe(0);

    await page.getByLabel('Bucket', { exact: true }).selectOption('MONTH');
    await expect.poll(() => addressOf(page).params.get('bucket')).toBe('MONTH');
    const yearOnly = seeds.incidents.filter((i) => i.datePrecision === 'YEAR');
    expect(yearOnly.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('too-coarse').textContent(), patience)
      .toBe(
        `${yearOnly.length} incidents are known only to a coarser date than a month and are not in the bars.`,
      );
    const monthly = seeds.incidents.filter((i) => i.datePrecision !== 'YEAR');
    await expect
      .poll(async () => sorted(await shownColumn(page, 'Incidents')), patience)
      .toEqual(sorted(perBucket(monthly, startMonth)));

    await page.getByLabel('Bucket', { exact: true }).selectOption('YEAR');
    await page.getByLabel('Group by', { exact: true }).selectOption('ACTOR');
    await expect.poll(() => addressOf(page).params.get('group')).toBe('ACTOR');
    const unattributed = seeds.incidents.filter((i) => i.attributions.length === 0);
    expect(unattributed.length).toBeGreaterThan(0);
    await expect
      .poll(
        async () => sorted(await shownColumn(page, 'Unattributed (no claim passing the filter)')),
        patience,
      )
      .toEqual(sorted(perBucket(unattributed, startYear)));
    const sandworm = seeds.incidents.filter((i) =>
      i.attributions.some((c) => c.actorId === 'sandworm'),
    );
    expect(sorted(await shownColumn(page, 'Sandworm'))).toEqual(
      sorted(perBucket(sandworm, startYear)),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('sets the filter’s dates from a brushed period, and the bars follow', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/timeline?bucket=YEAR');
    const { page } = explorer;
    const panel = chartPanel(page, TITLE);
    const years = [...perBucket(seeds.incidents, startYear).keys()].sort();
    const first = Number(years[0]);
    const buckets = Number(years.at(-1)) - first + 1;
    await showChart(panel);
    const box = await chartBox(panel);
    // The range tool, then a drag from the third year's bar to the fifth's.
    await page.mouse.click(
      box.x +
        box.width -
        timelineTools.right -
        timelineTools.toolSize -
        timelineTools.toolGap -
        timelineTools.toolSize / 2,
      box.y + timelineTools.top + timelineTools.toolSize / 2,
    );
    const bucketWidth = (box.width - timelineGrid.left - timelineGrid.right) / buckets;
    const xOf = (bucket: number) => box.x + timelineGrid.left + (bucket + 0.5) * bucketWidth;
    const y = box.y + (box.height - timelineGrid.bottom + timelineGrid.top) / 2;
    await page.mouse.move(xOf(2), y);
    await page.mouse.down();
    await page.mouse.move(xOf(3), y, { steps: 5 });
    await page.mouse.move(xOf(4), y, { steps: 5 });
    await page.mouse.up();
    const from = `${first + 2}-01-01`;
    const to = `${first + 4}-12-31`;
    await expect.poll(() => addressOf(page).params.get('from'), patience).toBe(from);
    expect(addressOf(page).params.get('to')).toBe(to);

    const inPeriod = seeds.incidents.filter((i) => overlaps(i, from, to));
    expect(inPeriod.length).toBeLessThan(seeds.incidents.length);
    await expect
      .poll(async () => sorted(await shownColumn(page, 'Incidents')), patience)
      .toEqual(sorted(perBucket(inPeriod, startYear)));
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('opens a sector’s page for the year of a bar segment, and exports a CSV equal to the table and its query', async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      '/timeline?bucket=YEAR&group=SECTOR',
    );
    const { page } = explorer;
    const panel = chartPanel(page, TITLE);
    const [header = [], ...rows] = await shownTable(panel);
    const csv = await downloadedCsv(page, panel);
    expect(csv).toEqual([header, ...rows]);

    // The query copied is one GraphQL document, asking for the timeline by sector and year.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: seeded.api.url,
    });
    const copied = await expectCopiedQuery(page, 'Timeline', panel);
    expect(copied).toContain('"groupBy": "SECTOR"');

    // The bottom segment of each bar is the first series: the sector with most incidents.
    const bySector = countBy(seeds.incidents, (i) => {
      const sectors = topLevelSectorsOf(i);
      return sectors.length === 0 ? ['null'] : sectors;
    });
    const [sector = ''] = [...bySector]
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .map(([key]) => key);
    expect(sector).not.toBe('null');
    const years = [...perBucket(seeds.incidents, startYear).keys()].sort();
    const first = Number(years[0]);
    const buckets = Number(years.at(-1)) - first + 1;
    const itsYears = perBucket(
      seeds.incidents.filter((i) => topLevelSectorsOf(i).includes(sector)),
      startYear,
    );
    const [year = ''] = [...itsYears].sort(([, m], [, n]) => n - m).map(([key]) => key);

    await showChart(panel);
    await screenshot(page, 'timeline');
    const box = await chartBox(panel);
    const bucketWidth = (box.width - timelineGrid.left - timelineGrid.right) / buckets;
    await page.mouse.click(
      box.x + timelineGrid.left + (Number(year) - first + 0.5) * bucketWidth,
      box.y + box.height - timelineGrid.bottom - 4,
    );
    await expect.poll(() => addressOf(page).path, patience).toBe(`/sectors/${sector}`);
    expect(addressOf(page).params.get('from')).toBe(`${year}-01-01`);
    expect(addressOf(page).params.get('to')).toBe(`${year}-12-31`);
    expectCleanPage(explorer);
    await page.context().close();

    const bad = await openPage(chromium.browser, seeded.api.url, '/timeline?bucket=HOUR');
    await expect
      .poll(() => bad.page.getByRole('alert').textContent(), patience)
      .toContain('"HOUR" is not a bucket the timeline knows');
    expect(await shownTable(chartPanel(bad.page, TITLE))).not.toHaveLength(0);
    expectCleanPage(bad);
    await bad.page.context().close();
  });
});

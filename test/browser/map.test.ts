import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import isoCountries from 'i18n-iso-countries';
import type { Page } from 'playwright-core';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it, vi } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { findRegion, regionScope } from '../../src/taxonomy/regions.js';
import { MAP_MARGIN, WORLD_BOUNDS } from '../../web/src/views/map/map-data.js';
import { worldOf } from '../../web/src/views/map/world-geometry.js';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  crossBorderLines,
  incidentsPerCountry,
  incidentsPerOrigin,
} from '../support/cross-border-facts.js';
import { patience, pathOf, seeds } from '../support/entity-pages.js';
import { openFilterControls, openFilterMenu } from '../support/filter-bar.js';
import { addressOf } from '../support/overview-page.js';
import { hitsSector } from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';
import { pageStatus } from '../support/server.js';
import { downloadedCsv, expectPictureAndQueryExports, tableRows } from '../support/chart-panel.js';

// The view waits for the API, which shares the test machine: every poll waits with patience.
vi.setConfig({ expect: { poll: patience } });

const seeded = useSeededApi();
const chromium = useBrowser();

const require = createRequire(import.meta.url);
// The atlas is TopoJSON by its package's documentation; JSON.parse gives it untyped.
const atlas = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The countries the atlas draws at 1:110m, by alpha-2 code (worked out here, not by the view). */
const drawn = new Set(
  atlas.objects.countries.geometries.flatMap((shape) => {
    const code = shape.id === undefined ? undefined : isoCountries.numericToAlpha2(shape.id);
    return code ? [code] : [];
  }),
);

/** The order of `topCountries` and of the shaded table: most first, ties by code. */
const busiestFirst = (counts: Map<string, number>): [string, number][] =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

const shadeRows = async (page: Page) =>
  (await tableRows(page.getByTestId('shade-table'))).map((row) => [
    pathOf(row.links[0] ?? null),
    ...row.cells.slice(1).map(Number),
  ]);

const affectedRows = (incidents: IncidentRecord[]) =>
  busiestFirst(incidentsPerCountry(incidents)).map(([code, n]) => [`/countries/${code}`, n]);

/**
 * Where a place is on the chart: the map keeps the world's box (WORLD_BOUNDS) at ECharts' geo
 * aspect (longitude × 0.75), as large as fits in the chart less its margins, centred.
 */
function pixelOf(
  box: { x: number; y: number; width: number; height: number },
  [lng, lat]: number[],
) {
  const [[west, north], [east, south]] = WORLD_BOUNDS;
  const aspect = ((east - west) / (north - south)) * 0.75;
  const room = { width: box.width - 2 * MAP_MARGIN, height: box.height - 2 * MAP_MARGIN };
  const width = Math.min(room.width, room.height * aspect);
  const height = width / aspect;
  const left = box.x + MAP_MARGIN + (room.width - width) / 2;
  const top = box.y + MAP_MARGIN + (room.height - height) / 2;
  return {
    x: left + (((lng ?? 0) - west) / (east - west)) * width,
    y: top + ((north - (lat ?? 0)) / (north - south)) * height,
  };
}

describe('the map (/map)', () => {
  it('shades the countries the seeds’ incidents affected, names the small ones, and opens a country', async () => {
    const perCountry = incidentsPerCountry(seeds.incidents);
    const tooSmall = [...perCountry.keys()].filter((code) => !drawn.has(code)).sort();
    expect(tooSmall.length).toBeGreaterThan(0);
    const explorer = await openPage(chromium.browser, seeded.api.url, '/map');
    const { page } = explorer;
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(seeds.incidents));
    const small = page.getByTestId('too-small');
    await expect.poll(() => small.textContent()).toMatch(/^also affected, too small for the map:/);
    expect(
      (await small.getByRole('link').all()).length,
      'every affected country without a shape is named',
    ).toBe(tooSmall.length);
    const smallLinks = await Promise.all(
      (await small.getByRole('link').all()).map(async (l) => pathOf(await l.getAttribute('href'))),
    );
    expect(smallLinks.sort()).toEqual(tooSmall.map((code) => `/countries/${code}`));

    // The arcs: the busiest 200 lines, per origin → affected pair.
    const pairs = new Map<string, number>();
    for (const line of crossBorderLines(seeds.incidents).known.slice(0, 200)) {
      const pair = `/countries/${line.origin ?? ''} /countries/${line.country}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + line.incidentCount);
    }
    const arcRows = (await tableRows(page.getByTestId('arcs-table'))).map((row) => [
      row.links.map(pathOf).join(' '),
      Number(row.cells[2]),
    ]);
    expect(new Map(arcRows.map(([pair, n]) => [String(pair), Number(n)]))).toEqual(pairs);
    await page.waitForTimeout(1000); // the map's entry animation
    await screenshot(page, 'map');

    const ukraine = worldOf(atlas).centroids.get('UA');
    const chart = page.locator('.chart').first();
    const box = await chart.boundingBox();
    if (!ukraine || !box) throw new Error('no Ukraine on the map');
    const at = pixelOf(box, ukraine);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.chart').first().textContent()).toMatch(/Ukraine: 43/);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => addressOf(page).path).toBe('/countries/UA');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('shades the origins of the incidents’ actors from the address', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/map');
    const { page } = explorer;
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(seeds.incidents));
    await page.getByLabel('Shade countries by').selectOption('origins');
    await expect.poll(() => addressOf(page).params.get('shade')).toBe('origins');
    const expected = busiestFirst(incidentsPerOrigin(seeds.incidents)).map(([code, n]) => [
      `/countries/${code}`,
      n,
    ]);
    await expect.poll(() => shadeRows(page)).toEqual(expected);
    await expect
      .poll(() => page.getByTestId('unknown-origin').textContent())
      .toContain('actors of unknown origin count for none');
    await page.reload();
    await expect.poll(() => shadeRows(page)).toEqual(expected);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows the filter bar and its region picker sets the filter’s region', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/map');
    const { page } = explorer;
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(seeds.incidents));
    await openFilterControls(page);
    const sectors = await openFilterMenu(page, 'Sectors');
    await sectors.getByRole('checkbox', { name: 'Health', exact: true }).check();
    const health = seeds.incidents.filter(hitsSector('health'));
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(health));
    await page.keyboard.press('Escape');

    const region = findRegion('Eastern Europe');
    if (!region) throw new Error('no Eastern Europe among the regions');
    const scope = regionScope([region]);
    const inRegion = health.filter(
      (incident) =>
        incident.countries.some((c) => scope.countryCodes.includes(c.iso2)) ||
        incident.regions.some((name) => scope.names.includes(name.toLowerCase())),
    );
    expect(inRegion.length).toBeLessThan(health.length);
    await page.getByLabel('Region', { exact: true }).selectOption('Eastern Europe');
    await expect.poll(() => addressOf(page).params.getAll('region')).toEqual(['Eastern Europe']);
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(inRegion));
    await page.waitForTimeout(1000);
    await page.getByTestId('shade-table').getByRole('link').first().click();
    await expect.poll(() => addressOf(page).path).toMatch(/^\/countries\/[A-Z]{2}$/);
    expect(addressOf(page).params.getAll('region')).toEqual(['Eastern Europe']);
    expect(addressOf(page).params.getAll('sector')).toEqual(['health']);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('exports a CSV equal to its table, the map as SVG and PNG, and its query', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/map');
    const { page } = explorer;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(seeds.incidents));
    const [header, ...rows] = await downloadedCsv(page);
    expect(header).toEqual(['Country', 'Code', 'Incidents']);
    const table = await tableRows(page.getByTestId('shade-table'));
    expect(rows.map((row) => [row[0], row[2]])).toEqual(table.map((row) => row.cells));
    expect(rows.map((row) => `/countries/${row[1] ?? ''}`)).toEqual(
      table.map((row) => pathOf(row.links[0] ?? null)),
    );
    expect(await expectPictureAndQueryExports(page, 'MapView')).toBeGreaterThan(100);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('is one of the server’s explorer addresses', async () => {
    expect(await pageStatus(seeded.api, '/map')).toBe(200);
  });

  it('says so of a shading it does not know', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/map?shade=bogus');
    const { page } = explorer;
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/“bogus” is not a shading/);
    await expect.poll(() => shadeRows(page)).toEqual(affectedRows(seeds.incidents));
    expectCleanPage(explorer);
    await page.context().close();
  });
});

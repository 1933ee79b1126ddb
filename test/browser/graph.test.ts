import { readFile } from 'node:fs/promises';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import { useSeededApi } from '../support/seeded.js';
import { neighbourhoodCounts, seedGraph } from '../support/seed-graph.js';

const seeded = useSeededApi();
const chromium = useBrowser();
const seeds = seedGraph();

const actor = 'Actor:sandworm';
const country = 'Country:RU';

/** The view waits on the API and on WebGL in software: slower than expect.poll's default second. */
const patiently = { timeout: 30_000 };

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, patiently);

const countsText = (counts: { nodes: number; edges: number }) =>
  `${counts.nodes} nodes, ${counts.edges} edges`;

const shownCounts = (page: Page) => page.getByTestId('graph-counts').textContent();
const startNodes = (page: Page) => new URL(page.url()).searchParams.getAll('node');

/** Picks a node in the view's list (the keyboard's way in) by what its label contains and its type. */
async function selectInList(page: Page, text: string, type: string): Promise<void> {
  await page.getByLabel('Find a node in the graph').fill(text);
  await page.getByRole('button', { name: new RegExp(`${text}.* ${type}$`) }).click();
}

async function downloaded(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return download;
}

async function contentOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFile(file);
}

describe('the graph view', () => {
  it("draws a seed actor's neighbourhood, expands a node into the address, and goes back", async () => {
    const around = neighbourhoodCounts(seeds, [actor]);
    const grown = neighbourhoodCounts(seeds, [actor, country]);
    expect(grown.nodes).toBeGreaterThan(around.nodes);

    const explorer = await openPage(chromium.browser, seeded.api.url, `/graph?node=${actor}`);
    const { page } = explorer;
    await poll(() => shownCounts(page)).toBe(countsText(around));
    expect(await page.getByTestId('graph-canvas').locator('canvas').count()).toBeGreaterThan(0);

    await selectInList(page, 'Russia', 'Country');
    const panel = page.getByRole('region', { name: /Russia/ });
    await poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toMatch(/Russia/);
    expect(await panel.textContent()).toContain('Country');

    await panel.getByRole('button', { name: /^Expand / }).click();
    await poll(() => startNodes(page)).toEqual([actor, country]);
    await poll(() => shownCounts(page)).toBe(countsText(grown));
    await poll(() => panel.getByRole('button', { name: 'Expanded' }).count()).toBe(1);

    await page.goBack();
    await poll(() => startNodes(page)).toEqual([actor]);
    await poll(() => shownCounts(page)).toBe(countsText(around));

    await selectInList(page, 'Sandworm', 'Actor');
    await poll(() => page.getByRole('heading', { level: 2, name: 'Sandworm' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Open its page' }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/actors/sandworm');

    expectCleanPage(explorer);
    await page.context().close();
  });

  it('follows the filter: incidents outside it leave the graph', async () => {
    const attackType = 'WIPER';
    const filtered = neighbourhoodCounts(seeds, [actor], (i) => i.attackTypes.includes(attackType));
    const all = neighbourhoodCounts(seeds, [actor]);
    expect(filtered.nodes).toBeLessThan(all.nodes);

    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/graph?node=${actor}&attackType=${attackType}`,
    );
    await poll(() => shownCounts(explorer.page)).toBe(countsText(filtered));
    expectCleanPage(explorer);
    await explorer.page.context().close();
  });

  it("draws the filter's projection when no node is named, and starts from a search", async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/graph');
    const { page } = explorer;
    await poll(() => shownCounts(page)).toMatch(/^[1-9]\d* nodes, [1-9]\d* edges$/);
    await page.getByLabel('An actor or incident').fill('sandworm');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Start from Sandworm', exact: true }).click();
    await poll(() => startNodes(page)).toEqual([actor]);
    await poll(() => shownCounts(page)).toBe(countsText(neighbourhoodCounts(seeds, [actor])));
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when no node answers to the address, and refuses an id that is not one', async () => {
    const unknown = await openPage(
      chromium.browser,
      seeded.api.url,
      '/graph?node=Actor:no-such-actor',
    );
    await poll(() => unknown.page.locator('.state-empty').first().textContent()).toMatch(
      /Nothing to draw/,
    );
    expectCleanPage(unknown);
    await unknown.page.context().close();
    const malformed = await openPage(chromium.browser, seeded.api.url, '/graph?node=nonsense');
    await poll(() => malformed.page.getByRole('alert').textContent()).toMatch(
      /The request was refused/,
    );
    await malformed.page.context().close();
  });

  it('exports the picture as PNG and SVG and the subgraph as GraphML and JSON, all readable', async () => {
    const around = neighbourhoodCounts(seeds, [actor]);
    const explorer = await openPage(chromium.browser, seeded.api.url, `/graph?node=${actor}`);
    const { page } = explorer;
    await poll(() => shownCounts(page)).toBe(countsText(around));
    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /Layout/ })
        .textContent(),
    ).toMatch(/settled|time limit/);
    await selectInList(page, 'Sandworm', 'Actor');
    // Selecting centres the camera on the node (300 ms), and sigma hides edges while it moves.
    await page.waitForTimeout(1000);
    await screenshot(page, 'graph');

    const png = await contentOf(await downloaded(page, 'PNG'));
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );

    const svg = (await contentOf(await downloaded(page, 'SVG'))).toString('utf8');
    // Parsed by the browser's own XML parser (the test process has none); an expression, since
    // the page's DOM types are not the test's.
    const svgCounts: unknown = await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml');
      return {
        broken: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        lines: doc.getElementsByTagName('line').length,
        shapes: doc.querySelectorAll('.nodes > *').length,
      };
    })()`);
    expect(svgCounts).toEqual({
      broken: 0,
      root: 'svg',
      lines: around.edges,
      shapes: around.nodes,
    });

    const graphml = (await contentOf(await downloaded(page, 'GraphML'))).toString('utf8');
    const fromGraphml = parse(MultiDirectedGraph, graphml);
    expect([fromGraphml.order, fromGraphml.size]).toEqual([around.nodes, around.edges]);
    expect(fromGraphml.getNodeAttribute(actor, 'label')).toBe('Sandworm');

    const json = (await contentOf(await downloaded(page, 'JSON'))).toString('utf8');
    const fromJson = MultiDirectedGraph.from(
      JSON.parse(json) as Parameters<typeof MultiDirectedGraph.from>[0],
    );
    expect([fromJson.order, fromJson.size]).toEqual([around.nodes, around.edges]);

    expectCleanPage(explorer);
    await page.context().close();
  });
});

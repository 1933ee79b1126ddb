/**
 * `npm run bench:explorer`: what the explorer costs a browser. On its own Neo4j holding the seeds
 * (`cig serve` loads them into the empty database) and headless Chromium (WebGL on SwiftShader,
 * the software renderer: no GPU here), it reports
 *   1. the built bundle: every file of dist/web, raw and gzipped;
 *   2. time to first render of `/` and of `/graph`: from navigation start to the first animation
 *      frame in which the view's content is on screen (the overview's figures; the graph's node
 *      count with its canvas), the median of several cold page loads;
 *   3. the graph view's frame rate with a synthetic subgraph of 2,000 nodes and 5,000 edges,
 *      answered in place of the API's projection: animation frames per second while the camera
 *      zooms in and out, with the layout stopped, and while the layout runs.
 * It prints tables and asserts nothing: the figures depend on the machine and what else runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startLocalNeo4j } from '../src/db/local-neo4j.js';
import { createLogger } from '../src/logger.js';
import { projectRoot } from '../src/paths.js';
import { launchChromium } from '../test/support/browser.js';
import { firstRender } from './first-render.js';
import { startApiProcess } from './api-servers.js';
import { benchDataDir, benchPorts, cigEntry, NEO4J_START_TIMEOUT_MS } from './settings.js';
import { median } from './stats.js';
import { syntheticSubgraph } from './synthetic-subgraph.js';
import { renderText, type Table } from './tables.js';

const loads = 5;
const frameSeconds = 5;
const synthetic = { nodes: 2000, edges: 5000 };

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

function bundleTable(): Table {
  const dir = path.join(projectRoot, 'dist', 'web');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
  const rows = files
    .map((file) => {
      const content = readFileSync(file);
      return {
        name: path.relative(dir, file),
        raw: content.length,
        gzip: gzipSync(content).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), {
    raw: 0,
    gzip: 0,
  });
  return {
    headers: ['file (dist/web)', 'size', 'gzip'],
    align: ['left', 'right', 'right'],
    rows: [
      ...rows.map((r) => [r.name, kib(r.raw), kib(r.gzip)]),
      ['total', kib(total.raw), kib(total.gzip)],
    ],
  };
}

const overviewVisible = `/\\d/.test(document.querySelector('[data-figure="incidents"]')?.textContent ?? '')`;
const graphVisible = `/^[1-9]\\d* nodes/.test(document.querySelector('[data-testid="graph-counts"]')?.textContent ?? '') && document.querySelector('[data-testid="graph-canvas"] canvas') !== null`;

async function renderTable(browser: Browser, base: string): Promise<Table> {
  const cases: [string, string, string][] = [
    ['/ (overview)', '/', overviewVisible],
    ['/graph (projection of the seeds)', '/graph', graphVisible],
    ['/graph?node=Actor:sandworm', '/graph?node=Actor:sandworm', graphVisible],
  ];
  const rows: string[][] = [];
  for (const [name, address, visible] of cases) {
    const times: number[] = [];
    for (let i = 0; i < loads; i += 1)
      times.push(await firstRender(browser, base + address, visible));
    say(`  ${name}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    rows.push([
      name,
      `${median(times).toFixed(0)} ms`,
      `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`,
    ]);
  }
  return {
    headers: ['time to first render', `median of ${loads}`, 'range'],
    align: ['left', 'right', 'right'],
    rows,
  };
}

/** Counts animation frames in the page for `seconds`, while `drive` keeps the camera moving. */
async function framesPerSecond(
  page: Page,
  seconds: number,
): Promise<{ fps: number; worstMs: number }> {
  const counting = page.evaluate(
    `new Promise((resolve) => {
      const intervals = [];
      let last = performance.now();
      const end = last + ${seconds * 1000};
      const tick = (now) => {
        intervals.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve(intervals);
      };
      requestAnimationFrame(tick);
    })`,
  );
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (box === null) throw new Error('the graph canvas is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const deadline = Date.now() + seconds * 1000;
  for (let zoomIn = true; Date.now() < deadline; zoomIn = !zoomIn) {
    await page.mouse.wheel(0, zoomIn ? -400 : 400);
    await page.waitForTimeout(300);
  }
  const intervals = (await counting) as number[];
  const total = intervals.reduce((sum, ms) => sum + ms, 0);
  return { fps: (intervals.length / total) * 1000, worstMs: Math.max(...intervals) };
}

async function frameRateTable(browser: Browser, base: string): Promise<Table> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const answer = JSON.stringify({
      data: { projection: syntheticSubgraph(synthetic.nodes, synthetic.edges) },
    });
    // The projection's answer is replaced by the synthetic subgraph; everything else is the API's.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('GraphViewProjection'))
        await route.fulfill({ status: 200, contentType: 'application/json', body: answer });
      else await route.continue();
    });
    await page.goto(`${base}/graph`);
    await page
      .getByTestId('graph-counts')
      .filter({ hasText: `${synthetic.nodes} nodes, ${synthetic.edges} edges` })
      .waitFor({ timeout: 60_000 });
    const whileLaying = await framesPerSecond(page, frameSeconds);
    const stop = page.getByRole('button', { name: 'Stop layout' });
    if (await stop.isVisible()) await stop.click();
    const stopped = await framesPerSecond(page, frameSeconds);
    const row = (name: string, { fps, worstMs }: { fps: number; worstMs: number }) => [
      name,
      fps.toFixed(1),
      `${worstMs.toFixed(0)} ms`,
    ];
    return {
      headers: [
        `${synthetic.nodes} nodes, ${synthetic.edges} edges, camera zooming (SwiftShader)`,
        'frames/s',
        'longest frame',
      ],
      align: ['left', 'right', 'right'],
      rows: [row('layout running in its worker', whileLaying), row('layout stopped', stopped)],
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const log = createLogger('warn', process.stderr);
  say('Bundle: dist/web (built by npm run build)…');
  const bundle = bundleTable();
  say('Starting Neo4j and cig serve on the seeds…');
  const neo4j = await startLocalNeo4j({
    port: benchPorts.explorerNeo4j,
    dataDir: path.join(benchDataDir('bench-explorer'), 'neo4j'),
    heap: '1g',
    pageCache: '512m',
    startTimeoutMs: NEO4J_START_TIMEOUT_MS,
    log,
  });
  let browser: Browser | undefined;
  try {
    const api = await startApiProcess({
      name: 'cig serve',
      entry: cigEntry,
      args: ['serve'],
      port: benchPorts.explorerApi,
      env: { NEO4J_URI: neo4j.uri, LOG_LEVEL: 'warn' },
    });
    try {
      const base = new URL(api.url).origin;
      browser = await launchChromium();
      say(`Time to first render (${loads} cold loads each)…`);
      const renders = await renderTable(browser, base);
      say(`Frame rate, ${frameSeconds} s per measure…`);
      const frames = await frameRateTable(browser, base);
      process.stdout.write(
        `\n${[bundle, renders, frames].map(renderText).join('\n\n')}\n\n` +
          `Headless Chromium ${browser.version()} on SwiftShader (software WebGL), ${new Date().toISOString()}.\n`,
      );
    } finally {
      await browser?.close();
      await api.stop();
    }
  } finally {
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  say(`bench:explorer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

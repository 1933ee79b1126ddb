import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRoutes } from '../../src/http/explorer-routes.js';
import { unknownRoute } from '../../src/http/unknown-route.js';
import { explorerDir } from '../../src/paths.js';
import { useSeededApi } from '../support/seeded.js';

const seeded = useSeededApi();
const html = { accept: 'text/html,application/xhtml+xml' };

describe('the explorer over HTTP', () => {
  it('serves its hashed assets for a year and its page never cached', async () => {
    const [asset] = (await readdir(path.join(explorerDir, 'assets'))).filter((f) =>
      f.endsWith('.js'),
    );
    const answer = await fetch(`${seeded.api.url}/assets/${asset}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${seeded.api.url}/countries/UA`, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
  });

  it('keeps JSON clients on the API: an unknown path is a JSON 404, /graphql answers queries', async () => {
    const unknown = await fetch(`${seeded.api.url}/actors/sandworm/extra`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const query = await fetch(
      `${seeded.api.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`,
      {
        // A browser-like Accept that also takes JSON: a GET carrying a query is an operation.
        headers: {
          accept: 'text/html, application/json;q=0.9',
          'apollo-require-preflight': 'true',
        },
      },
    );
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('gives a browser the page with a 404 at an address the explorer does not have', async () => {
    const answer = await fetch(`${seeded.api.url}/no/such/view`, { headers: html });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('text/html');
  });

  it('never serves a file outside the built explorer', async () => {
    for (const attempt of [
      '/assets/..%2f..%2fpackage.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
    ]) {
      const answer = await fetch(`${seeded.api.url}${attempt}`);
      expect(answer.status, attempt).toBe(404);
      expect(await answer.text(), attempt).not.toContain('"name": "cyber-incident-graph"');
    }
  });
});

describe('an API whose explorer was not built', () => {
  let url = '';
  let close: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const app = express();
    app.use(explorerRoutes(await mkdtemp(path.join(tmpdir(), 'cig-no-explorer-'))), unknownRoute);
    const server = app.listen(0, '127.0.0.1');
    const address = await new Promise<{ port: number }>((resolve) =>
      server.once('listening', () => {
        resolve(server.address() as { port: number });
      }),
    );
    url = `http://127.0.0.1:${address.port}`;
    close = () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
  });
  afterAll(() => close());

  it('says how to build it', async () => {
    const answer = await fetch(`${url}/`, { headers: html });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({
      errors: [{ message: 'The explorer is not built: run `npm run build`.' }],
    });
  });
});

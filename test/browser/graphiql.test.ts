import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse, type GraphQLObjectType } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { testConfig } from '../support/database.js';
import {
  expectCleanPage,
  expectCleanPageButFailedLoads,
  openPage,
  screenshot,
  useBrowser,
} from '../support/browser.js';
import { roleKeys, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { seeds } from '../support/entity-pages.js';
import { signInWith } from '../support/header.js';

const seeded = useSeededApi();
const chromium = useBrowser();

/** The incidents and actors of the seed files: what the default query must count. */
const seedCounts = () => ({ incidents: seeds.incidents.length, actors: seeds.actors.length });

/** The description a schema field has in schema/*.graphql, as the docs render it (no backticks). */
function fieldDescription(type: string, field: string): string {
  const dir = path.join(projectRoot, 'schema');
  const sdl = readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
  const schema = buildASTSchema(parse(sdl));
  const description = (schema.getType(type) as GraphQLObjectType).getFields()[field]?.description;
  if (!description) throw new Error(`${type}.${field} has no description in schema/`);
  return description.replaceAll('`', '');
}

/** The text of GraphiQL's response pane (Monaco draws spaces as no-break spaces). */
const responseText = async (page: Page): Promise<string> =>
  (await page.locator('.graphiql-response').innerText()).replaceAll('\u00a0', ' ');

/** Monaco and the schema load after the page: the first answer can take a few seconds. */
const slow = { timeout: 20_000 };

const runQuery = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: /^Execute query/ }).click();
};

describe('GraphiQL at /graphiql', () => {
  it('runs its example on the seeds, bundled: nothing from another host, no console error', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/graphiql');
    const { page } = explorer;
    await expect
      .poll(() => page.locator('.graphiql-query-editor').innerText(), slow)
      .toContain('stats');
    await runQuery(page);
    const { incidents, actors } = seedCounts();
    await expect.poll(() => responseText(page), slow).toContain(`"incidents": ${incidents}`);
    expect(await responseText(page)).toContain(`"totalCount": ${actors}`);
    await screenshot(page, 'graphiql');

    // Away to the overview and back: GraphiQL opens again, editors and all.
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.goBack();
    // GraphiQL keeps the last answer across visits: the query must really run again.
    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') && !!response.request().postData()?.includes('stats'),
    );
    await runQuery(page);
    expect((await answered).status()).toBe(200);
    await expect.poll(() => responseText(page), slow).toContain(`"incidents": ${incidents}`);
    expect(page.url()).toBe(`${seeded.api.url}/graphiql`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it("shows the schema's docs", async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, '/graphiql');
    const { page } = explorer;
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.getByRole('region', { name: 'Documentation Explorer' });
    await docs.getByRole('link', { name: 'Query' }).click();
    await docs.getByRole('link', { name: 'actor', exact: true }).click();
    await expect.poll(() => docs.innerText(), slow).toContain(fieldDescription('Query', 'actor'));
    expectCleanPage(explorer);
    await page.context().close();
  });
});

describe('GraphiQL on an API with introspection off', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(testConfig({ GRAPHQL_INTROSPECTION: 'false' }), seeded.database);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('says the docs are off, and still runs queries', async () => {
    const explorer = await openPage(chromium.browser, api.url, '/graphiql');
    const { page } = explorer;
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'introspection' }).innerText(), slow)
      .toContain('This API does not answer introspection');
    await runQuery(page);
    const { incidents } = seedCounts();
    await expect.poll(() => responseText(page), slow).toContain(`"incidents": ${incidents}`);
    // The refused introspections (HTTP 400) are the only failed requests.
    expectCleanPageButFailedLoads(explorer);
    expect(explorer.record.consoleErrors.length).toBeGreaterThan(0);
    for (const message of explorer.record.consoleErrors) expect(message).toContain('status of 400');
    await page.context().close();
  });
});

describe('GraphiQL on an API whose reads need a credential', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(
      testConfig({ AUTH_READS: 'token', AUTH_API_KEYS: roleKeysSetting }),
      seeded.database,
    );
  });
  afterAll(async () => {
    await api.stop();
  });

  it('asks to sign in, then sends the signed-in key with the introspection and every query', async () => {
    const explorer = await openPage(chromium.browser, api.url, '/graphiql');
    const { page } = explorer;
    const view = page.getByRole('region', { name: 'GraphiQL' });
    await expect.poll(() => view.getByRole('alert').innerText(), slow).toContain('Sign in');
    await signInWith(page, roleKeys.viewer);
    await expect.poll(() => view.getByRole('alert').count(), slow).toBe(0);
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Documentation Explorer' }).innerText(), slow)
      .toContain('Query');
    await runQuery(page);
    const { incidents } = seedCounts();
    await expect.poll(() => responseText(page), slow).toContain(`"incidents": ${incidents}`);
    // Only the requests made before signing in were refused (HTTP 401).
    expectCleanPageButFailedLoads(explorer);
    for (const message of explorer.record.consoleErrors) expect(message).toContain('status of 401');
    await page.context().close();
  });
});

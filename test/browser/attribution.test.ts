import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import type { CandidateAnswer } from '../../web/src/views/attribution/candidate.js';
import { comparisonRows, evidenceItems } from '../../web/src/views/attribution/evidence-items.js';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import { downloadedCsv, expectCopiedQuery } from '../support/chart-panel.js';
import { pathOf, seeds } from '../support/entity-pages.js';
import { viewerStatus, signInWith } from '../support/header.js';
import { latestFirst } from '../support/seed-facts.js';
import { as, roleKeys, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });
const chromium = useBrowser();

/** The workbench waits on the API's ranking: slower than expect.poll's default second. */
const patiently = { timeout: 30_000 };
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, patiently);

/** An unattributed seed incident that the graph has candidates for, with sources to cite. */
const incident = 'Incident:2022-02-hermeticwiper';
const incidentKey = '2022-02-hermeticwiper';
/** Another, for the reader, who must change nothing. */
const readerIncidentKey = '2022-02-isaacwiper';

const unattributed = (keep: (i: IncidentRecord) => boolean = () => true): string[] =>
  latestFirst(seeds.incidents.filter((i) => i.attributions.length === 0 && keep(i))).map(
    (i) => i.id,
  );

const SUGGEST = `query ($id: ID!) {
  suggestAttributions(incidentId: $id, first: 10) {
    rank score alreadyAttributed
    actor { key name }
    components { factor value weight points }
    evidence {
      sharedSectors { key name } sharedCountries { code name } sharedAttackTypes
      nearestIncidentDays sameCampaignIncidents { key title }
      reportedSectors { key name } reportedCountries { code name }
      supportingIncidents otherIncidents meanPriorConfidence confidenceFactor
    }
  }
}`;

/** The API's ranking for the incident: the ranking is its computation, the page must show it as is. */
async function candidatesOf(id: string): Promise<CandidateAnswer[]> {
  const data = await dataOf(seeded.api, SUGGEST, { id });
  return data.suggestAttributions as CandidateAnswer[];
}

/** One attribute of every element the locator finds, in order. */
const attributes = async (locator: Locator, name: string): Promise<string[]> =>
  Promise.all(
    (await locator.all()).map(async (element) => (await element.getAttribute(name)) ?? ''),
  );

const listedIncidents = (page: Page): Promise<string[]> =>
  attributes(page.locator('.unattributed-items li[data-incident]'), 'data-incident');

const shownCandidates = (page: Page): Promise<string[]> =>
  attributes(page.locator('.candidate-card'), 'data-actor');

/** GraphQL answers are untyped JSON; the assertions that read them check every field used. */
async function answerOf<T>(text: string, headers?: Record<string, string>): Promise<T> {
  return (await dataOf(seeded.api, text, {}, headers)) as T;
}

interface ShownItem {
  label: string;
  text: string | null;
  links: string[];
}

/** A card's evidence items as shown: a label, and its text or the pages its links open. */
async function shownItems(page: Page, actorKey: string): Promise<ShownItem[]> {
  // An expression, not a function: the tests are type-checked without the DOM's types.
  const items: unknown = await page.evaluate(`(() => {
    const card = document.querySelector('.candidate-card[data-actor="${actorKey}"]');
    return [...card.querySelectorAll('[data-item]')].map((item) => {
      const links = [...item.querySelectorAll('dd a')].map((a) => new URL(a.href).pathname);
      return {
        label: item.querySelector('dt').textContent,
        text: links.length > 0 ? null : item.querySelector('dd').textContent,
        links,
      };
    });
  })()`);
  return items as ShownItem[];
}

const pageOf = { sector: 'sectors', country: 'countries', incident: 'incidents' } as const;

/** What the card must show for each of the API's evidence items. */
const expectedItems = (candidate: CandidateAnswer): ShownItem[] =>
  evidenceItems(candidate).map(({ label, value }) =>
    value.kind === 'text'
      ? { label, text: value.text, links: [] }
      : value.links.length === 0
        ? { label, text: 'none', links: [] }
        : {
            label,
            text: null,
            links: value.links.map((link) => `/${pageOf[link.kind]}/${link.key}`),
          },
  );

const hypothesisCard = (page: Page) => page.locator('.hypothesis-card');
const alertIn = (page: Page, within: string) =>
  page.locator(within).getByRole('alert').first().innerText();

describe('the attribution workbench', () => {
  it('lists the unattributed incidents newest first, a page at a time, under the filter', async () => {
    const expected = unattributed();
    expect(expected.length).toBeGreaterThan(20);
    const explorer = await openPage(chromium.browser, seeded.api.url, '/attribution');
    const { page } = explorer;
    await poll(() => page.locator('[data-figure="unattributed-count"]').innerText()).toBe(
      `${expected.length} unattributed incidents, newest first`,
    );
    expect(await listedIncidents(page)).toEqual(expected.slice(0, 20));
    await page.getByRole('button', { name: 'Next page' }).click();
    await poll(() => listedIncidents(page)).toEqual(expected.slice(20, 40));
    expect(new URL(page.url()).searchParams.get('after')).not.toBeNull();
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    await poll(() => listedIncidents(page)).toEqual(expected.slice(0, 20));

    // A filter change: wipers only.
    const wipers = unattributed((i) => i.attackTypes.includes('WIPER'));
    expect(wipers.length).toBeGreaterThan(0);
    expect(wipers.length).toBeLessThan(expected.length);
    await page.goto('/attribution?attackType=WIPER');
    await poll(() => listedIncidents(page)).toEqual(wipers);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it("shows the API's candidates with every evidence item, compares two, and exports the components", async () => {
    const candidates = await candidatesOf(incident);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    // The incident's page leads to the workbench; the filter is kept.
    const explorer = await openPage(chromium.browser, seeded.api.url, `/incidents/${incidentKey}`);
    const { page } = explorer;
    await page.getByRole('link', { name: /attribution workbench/ }).click();
    await poll(() => new URL(page.url()).searchParams.get('incident')).toBe(incidentKey);
    await poll(() => shownCandidates(page)).toEqual(candidates.map((c) => c.actor.key));
    for (const candidate of candidates)
      expect(await shownItems(page, candidate.actor.key)).toEqual(expectedItems(candidate));

    const [first, second] = candidates as [CandidateAnswer, CandidateAnswer];
    // The boxes follow the address, which a click changes (a navigation): clicked, then awaited.
    const compared = () => new URL(page.url()).searchParams.getAll('compare');
    await page.getByLabel(`Compare ${first.actor.name}`).click();
    await poll(compared).toEqual([first.actor.key]);
    await page.getByLabel(`Compare ${second.actor.name}`).click();
    await poll(compared).toEqual([first.actor.key, second.actor.key]);
    await poll(() => page.getByLabel(`Compare ${second.actor.name}`).isChecked()).toBe(true);
    const comparison = page.locator('.comparison-table');
    const rows = comparisonRows(first, second);
    await poll(() => comparison.locator('tbody tr').count()).toBe(rows.length);
    expect(await comparison.locator('tbody th').allTextContents()).toEqual(
      rows.map((row) => row.label),
    );
    expect(await comparison.locator('tbody tr.differs').count()).toBe(
      rows.filter((row) => row.differs).length,
    );
    expect((await attributes(comparison.locator('thead a'), 'href')).map(pathOf)).toEqual([
      `/actors/${first.actor.key}`,
      `/actors/${second.actor.key}`,
    ]);
    // A reload shows the same comparison.
    await page.reload();
    await poll(() => comparison.locator('tbody tr').count()).toBe(rows.length);
    await screenshot(page, 'attribution');

    // The components as CSV: the API's points per factor, to three decimals.
    const [header, ...records] = await downloadedCsv(page);
    expect(header?.slice(0, 4)).toEqual(['Actor', 'Actor id', 'Rank', 'Score']);
    expect(records.map((record) => record[1])).toEqual(candidates.map((c) => c.actor.key));
    const round = (n: number) => Math.round(n * 1000) / 1000;
    for (const [index, candidate] of candidates.entries()) {
      const record = records[index] ?? [];
      expect(Number(record[3])).toBe(round(candidate.score));
      for (const part of candidate.components) {
        const column = header?.findIndex((name) =>
          name.toLowerCase().startsWith(part.factor.toLowerCase().replace(/_/g, ' ')),
        );
        expect(column).toBeGreaterThan(3);
        expect(Number(record[column ?? 0])).toBe(round(part.points));
      }
    }

    // The query behind the chart, copied: a GraphQL document that parses.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const copied = await expectCopiedQuery(page, 'AttributionWorkbench');
    expect(copied).toContain('suggestAttributions');

    // Click-through: a candidate's name opens its page.
    await page.locator(`.candidate-card[data-actor="${first.actor.key}"] h3 a`).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/actors/${first.actor.key}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so for an incident that does not exist and for a comparison it cannot make', async () => {
    const missing = await openPage(
      chromium.browser,
      seeded.api.url,
      '/attribution?incident=no-such-incident',
    );
    await poll(() => missing.page.getByRole('heading', { level: 1 }).last().innerText()).toBe(
      'No such incident',
    );
    await missing.page.context().close();
    const badCompare = await openPage(
      chromium.browser,
      seeded.api.url,
      `/attribution?incident=${incidentKey}&compare=nobody&compare=sandworm`,
    );
    await poll(() => alertIn(badCompare.page, '.page')).toMatch(
      /Not among this incident's candidates: nobody/,
    );
    await badCompare.page.context().close();
  });

  it('lets an editor record, attach, support and promote a hypothesis, each step in the audit trail', async () => {
    const [candidate] = await candidatesOf(incident);
    if (!candidate) throw new Error('the incident has no candidate');
    const countOf = async () =>
      (
        await answerOf<{ hypotheses: { totalCount: number } }>(
          `{ hypotheses(incidentId: "${incident}") { totalCount } }`,
        )
      ).hypotheses.totalCount;
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/attribution?incident=${incidentKey}`,
    );
    const { page } = explorer;
    await poll(() => page.getByTestId('editor-notice').count()).toBe(1);
    await signInWith(page, roleKeys.editor);
    await poll(() => viewerStatus(page)).toBe('ed (API key) editor may edit');
    await poll(() => page.getByTestId('editor-notice').count()).toBe(0);

    const form = page.getByRole('form', { name: 'Record a hypothesis' });
    await form.getByLabel('Candidate').selectOption(candidate.actor.key);
    // Refused input: said what was wrong, nothing written.
    await form.getByLabel('Confidence (0–100)').fill('150');
    await form.getByLabel('Rationale').fill('Shares the wiper and the targets.');
    await form.getByRole('button', { name: 'Record hypothesis' }).click();
    await poll(() => form.getByRole('alert').innerText()).toMatch(/confidence/);
    expect(await countOf()).toBe(0);
    await form.getByLabel('Confidence (0–100)').fill('70');
    await form.getByRole('button', { name: 'Record hypothesis' }).click();
    await poll(() => hypothesisCard(page).count()).toBe(1);
    expect(await form.getByRole('alert').count()).toBe(0);
    const card = hypothesisCard(page);
    const id = (await card.getAttribute('data-hypothesis')) ?? '';
    expect(id).toMatch(/^hyp-/);

    // Someone else edits it meanwhile: the next step is refused as a conflict, then works.
    await answerOf(
      `mutation { updateHypothesis(id: "${id}", version: 1, patch: { rationale: "Edited elsewhere." }) { version } }`,
      as('editor'),
    );
    await card.getByRole('button', { name: 'Mark as supported' }).click();
    await poll(() => card.getByRole('alert').innerText()).toMatch(
      /Someone changed it meanwhile[\s\S]*version 2, not 1/,
    );
    // The card rereads the hypothesis: the next step starts from the version someone else made.
    await poll(() => card.locator('[data-figure="version"]').innerText()).toBe('2');

    await card.getByRole('button', { name: /Attach this incident/ }).click();
    await poll(() => card.locator('[data-figure="saved-suggestions"]').innerText()).toBe('1');
    expect(await card.getByRole('alert').count()).toBe(0);
    await card.getByRole('button', { name: 'Mark as supported' }).click();
    await poll(() => card.locator('[data-figure="status"]').innerText()).toBe('Supported');
    await card.getByRole('button', { name: 'Promote to a claim' }).click();
    await poll(() => card.locator('[data-figure="claim"]').innerText()).toMatch(/^claim-/);
    const claimId = await card.locator('[data-figure="claim"]').innerText();
    await poll(() => page.locator('[data-figure="claims"]').innerText()).toContain(
      candidate.actor.name,
    );

    // The claim exists, and the audit trail holds every step, on the page and in the API.
    const { node } = await answerOf<{ node: { attributions: unknown[] } }>(
      `{ node(id: "${incident}") { ... on Incident { attributions { id actor { key } status confidence } } } }`,
    );
    expect(node.attributions).toContainEqual({
      id: claimId,
      actor: { key: candidate.actor.key },
      status: 'ATTRIBUTED',
      confidence: 70,
    });
    const { changes } = await answerOf<{ changes: { totalCount: number } }>(
      `{ changes(entityId: "Hypothesis:${id}") { totalCount } }`,
    );
    expect(changes.totalCount).toBe(5);
    const steps = card.locator('.audit-steps li');
    await poll(() => steps.count()).toBe(5);
    const trail = await steps.allTextContents();
    expect(trail[0]).toMatch(/Create by ed \(api-key\): .*status: OPEN/);
    expect(trail[2]).toMatch(/savedSuggestions: 0 items → 1 item/);
    expect(trail[3]).toMatch(/status: OPEN → SUPPORTED/);
    expect(trail[4]).toContain(`promotedClaimId: — → ${claimId}`);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it("shows a reader the workbench but not an edit's effect: the API's refusal is shown", async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/attribution?incident=${readerIncidentKey}`,
    );
    const { page } = explorer;
    await signInWith(page, roleKeys.viewer);
    await poll(() => viewerStatus(page)).toBe('vw (API key) viewer read-only');
    await poll(() => page.getByTestId('editor-notice').innerText()).toMatch(/editor.s key/);
    const form = page.getByRole('form', { name: 'Record a hypothesis' });
    await form.getByLabel('Rationale').fill('A reader tries.');
    await form.getByRole('button', { name: 'Record hypothesis' }).click();
    await poll(() => form.getByRole('alert').innerText()).toMatch(
      /Your role does not allow this[\s\S]*createHypothesis needs the role editor; vw has the role viewer/,
    );
    const { hypotheses } = await answerOf<{ hypotheses: { totalCount: number } }>(
      `{ hypotheses(incidentId: "${readerIncidentKey}") { totalCount } }`,
    );
    expect(hypotheses.totalCount).toBe(0);
    expect(pathOf(page.url())).toBe('/attribution');
    await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import { expectCleanPage, openPage, screenshot, useBrowser } from '../support/browser.js';
import {
  expectIncidentAsSeeded,
  expectTitle,
  sectionOf,
  seedActor,
  seedIncident,
  seeds,
} from '../support/entity-pages.js';
import { useSeededApi } from '../support/seeded.js';

const seeded = useSeededApi();
const chromium = useBrowser();

/** A seed incident with several claims, a spill-over country and several sources. */
const incident = seedIncident('2022-02-viasat-ka-sat');

describe('the incident page', () => {
  it('shows the incident as the seed records it: dates, claims, sectors, countries, sources', async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/incidents/${incident.id}`);
    const { page } = explorer;
    await expectIncidentAsSeeded(page, incident);
    await screenshot(page, 'incident');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('shows the impact and the organisations hit where the seed records them', async () => {
    const hit = seeds.incidents.find(
      (i) => i.recordsAffected !== null && i.organizationIds.length > 0,
    );
    if (!hit) throw new Error('the seeds have no incident with records affected and a victim');
    const explorer = await openPage(chromium.browser, seeded.api.url, `/incidents/${hit.id}`);
    const { page } = explorer;
    await expectTitle(page, hit.title);
    const impact = sectionOf(page, 'Impact');
    expect(await impact.getByText('Records affected', { exact: true }).count()).toBe(1);
    expect(await impact.textContent()).toContain(
      (hit.recordsAffected ?? 0).toLocaleString('en-US'),
    );
    const organizations = sectionOf(page, 'Context').locator('[data-field="organizations"]');
    expect(await organizations.getByRole('listitem').allTextContents()).toEqual(
      seeds.organizations
        .filter((o) => hit.organizationIds.includes(o.id))
        .map((o) => o.name)
        .sort(),
    );
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('names the campaign an incident belongs to, and says when none is recorded', async () => {
    const inCampaign = seeds.incidents.find((i) => i.campaignId !== null);
    const campaign = seeds.campaigns.find((c) => c.id === inCampaign?.campaignId);
    if (!inCampaign || !campaign) throw new Error('the seeds have no incident in a campaign');
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      `/incidents/${inCampaign.id}`,
    );
    const { page } = explorer;
    await expectTitle(page, inCampaign.title);
    expect(await page.locator('[data-field="campaign"]').textContent()).toContain(campaign.name);
    // The seed records no impact for this one.
    expect([
      incident.disruptionDays,
      incident.recordsAffected,
      incident.ransomDemandedUsd,
      incident.ransomPaidUsd,
      incident.impact?.categories ?? [],
    ]).toEqual([null, null, null, null, []]);
    await page.goto(`/incidents/${incident.id}`);
    await expectTitle(page, incident.title);
    expect(await page.locator('[data-field="campaign"]').textContent()).toBe('none');
    expect(await sectionOf(page, 'Impact').textContent()).toContain('No impact is recorded');
    expectCleanPage(explorer);
    await page.context().close();
  });

  it("goes to a claimed actor's page, and back", async () => {
    const explorer = await openPage(chromium.browser, seeded.api.url, `/incidents/${incident.id}`);
    const { page } = explorer;
    const [claim] = incident.attributions;
    if (!claim) throw new Error('the seed incident has no claim');
    const actor = seedActor(claim.actorId);
    await sectionOf(page, 'Attribution claims')
      .getByRole('link', { name: actor.name, exact: true })
      .first()
      .click();
    await expectTitle(page, actor.name);
    expect(new URL(page.url()).pathname).toBe(`/actors/${actor.id}`);
    await page.goBack();
    await expectTitle(page, incident.title);
    expectCleanPage(explorer);
    await page.context().close();
  });

  it('says so when no incident has the key', async () => {
    const explorer = await openPage(
      chromium.browser,
      seeded.api.url,
      '/incidents/no-such-incident',
    );
    await expectTitle(explorer.page, 'No such incident');
    expectCleanPage(explorer);
    await explorer.page.context().close();
  });
});

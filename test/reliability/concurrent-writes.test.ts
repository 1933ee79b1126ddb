/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import {
  acknowledged,
  race,
  RaceTally,
  unfinishedExports,
  type RaceResult,
  type Racer,
} from '../support/race.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf } from '../support/server.js';

/**
 * Races of writes through the real API on the real database. Races are probabilistic, so every
 * scenario runs TRIALS times on fresh entities; each trial checks that the outcome is one a serial
 * order of the acknowledged writes gives, that the audit trail holds exactly those, and that
 * nothing dangles. The tally of outcomes is printed at the end.
 */
const TRIALS = 20;
const WRITERS = 20;

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting, RATE_LIMIT_PER_MINUTE: '0' });
const tally = new RaceTally();
const run = randomUUID().slice(0, 8);
let made = 0;
const fresh = (what: string) => `race-${what}-${run}-${(made += 1)}`;

const api = () => seeded.api;
const reader = () => seeded.database.executor();

/** Creates an entity through the API; its key is the part of its global id after the type. */
async function create(mutation: string, input: Record<string, unknown>) {
  const created = (
    await dataOf(
      api(),
      `mutation ($input: ${mutation.replace('create', '')}Input!) { ${mutation}(input: $input) { id version } }`,
      { input },
      as('editor'),
    )
  )[mutation] as { id: string; version: number };
  return { ...created, key: created.id.slice(created.id.indexOf(':') + 1) };
}

let citedSource = '';
const source = async () =>
  (citedSource ||= await aSourceOf(api(), 'Incident:2022-02-viasat-ka-sat'));

const newActor = () =>
  create('createActor', { key: fresh('actor'), name: fresh('Actor'), type: 'CRIMINAL' });
const newIncident = async () =>
  create('createIncident', {
    key: fresh('incident'),
    title: fresh('Incident'),
    startDate: '2024-05',
    sourceIds: [await source()],
  });

const ADD_CLAIM = `mutation ($i: ID!, $a: ID!, $s: [ID!]!) {
  addAttribution(incidentId: $i, actorId: $a, confidence: 50, basis: MEDIA, sourceIds: $s) { id version } }`;
const newClaim = async (incident: string, actor: string) =>
  (await dataOf(api(), ADD_CLAIM, { i: incident, a: actor, s: [await source()] }, as('editor')))
    .addAttribution as { id: string; version: number };

interface StoredChange {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const CHANGES = cypher<{ action: string; before: string | null; after: string | null }>(
  'test:changes',
  `MATCH (ch:Change {entityType: $type, entityKey: $key})
   RETURN ch.action AS action, ch.before AS before, ch.after AS after ORDER BY ch.at`,
);
/** The audit trail of one entity, read with Cypher apart from the API. */
const changesOf = async (type: string, key: string): Promise<StoredChange[]> =>
  (await reader().read(CHANGES, { type, key })).map((c) => ({
    action: c.action,
    before: c.before === null ? null : (JSON.parse(c.before) as Record<string, unknown>),
    after: c.after === null ? null : (JSON.parse(c.after) as Record<string, unknown>),
  }));

const CLAIMS = cypher<{ id: string; incident: string; actor: string; status: string }>(
  'test:claims',
  `MATCH (i:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.id IN $ids
   RETURN r.id AS id, i.id AS incident, a.id AS actor, r.status AS status`,
);
const claimsById = async (ids: string[]) =>
  new Map((await reader().read(CLAIMS, { ids })).map((c) => [c.id, c]));

/** What must never exist whatever raced: citations of missing sources, left locks, broken tombstones. */
const INTEGRITY = cypher<Record<string, number>>(
  'test:integrity',
  `RETURN
     COUNT { ()-[r:ATTRIBUTED_TO|ORIGINATES_FROM|SPONSORED_BY|TARGETS]->()
             WHERE any(s IN coalesce(r.sourceIds, []) WHERE NOT EXISTS { (:Source {id: s}) }) } AS citationsOfMissingSources,
     COUNT { (n) WHERE n._lock IS NOT NULL } + COUNT { ()-[r]->() WHERE r._lock IS NOT NULL } AS locksLeft,
     COUNT { (m:MergedActor) WHERE NOT EXISTS { (m)-[:MERGED_INTO]->(:Actor) } } AS tombstonesPointingNowhere,
     COUNT { (m:MergedActor) WHERE EXISTS { (:Actor {id: m.id}) } } AS tombstonesShadowingActors,
     COUNT { (h:Hypothesis) WHERE NOT EXISTS { (h)-[:ABOUT]->(:Incident) } OR NOT EXISTS { (h)-[:SUGGESTS]->(:Actor) } } AS hypothesesAdrift`,
);
const integrityProblems = async () =>
  Object.entries((await reader().read(INTEGRITY))[0] ?? {}).filter(([, n]) => n !== 0);

const resolves = async (id: string) =>
  ((await dataOf(api(), `{ actor(id: "${id}") { key } }`)).actor as { key: string } | null)?.key;

/** Of writers that all name the same version, exactly one is acknowledged; the rest get CONFLICT. */
function expectOneWinner(results: RaceResult[]): RaceResult {
  const winners = acknowledged(results);
  expect(winners, JSON.stringify(results)).toHaveLength(1);
  for (const r of results)
    if (r.outcome !== 'ok') expect(r.outcome, `${r.label}: ${r.message}`).toBe('CONFLICT');
  return winners[0] as RaceResult;
}

afterEach(async () => {
  expect(await integrityProblems()).toEqual([]);
  expect(await unfinishedExports(api())).toEqual([]);
});

afterAll(() => {
  console.info(`concurrent writes (${TRIALS} trials each):\n  ${tally.lines().join('\n  ')}`);
});

describe('same-version writers', () => {
  it(`${WRITERS} updates of one actor: one acknowledged, the rest CONFLICT, one audit record`, async () => {
    for (let t = 0; t < TRIALS; t += 1) {
      const actor = await newActor();
      const results = await race(
        api(),
        Array.from({ length: WRITERS }, (_, w) => ({
          label: 'updateActor',
          role: 'editor',
          query: `mutation ($id: ID!, $d: String!) { updateActor(id: $id, version: 1, patch: { description: $d }) { description version } }`,
          variables: { id: actor.id, d: `writer ${w}` },
        })),
      );
      tally.add('actor updates', results);
      const winner = expectOneWinner(results).data?.updateActor;
      expect(winner.version).toBe(2);
      const updates = (await changesOf('Actor', actor.key)).filter((c) => c.action === 'UPDATE');
      expect(updates).toHaveLength(1);
      expect(updates[0]?.after).toMatchObject({ description: winner.description, version: 2 });
      expect(
        (await dataOf(api(), `{ actor(id: "${actor.id}") { description version } }`)).actor,
      ).toEqual(winner);
    }
  });

  it(`${WRITERS} updates of one incident: one acknowledged, the rest CONFLICT, one audit record`, async () => {
    for (let t = 0; t < TRIALS; t += 1) {
      const incident = await newIncident();
      const results = await race(
        api(),
        Array.from({ length: WRITERS }, (_, w) => ({
          label: 'updateIncident',
          role: 'editor',
          query: `mutation ($id: ID!, $d: String!) { updateIncident(id: $id, version: 1, patch: { description: $d }) { description version } }`,
          variables: { id: incident.id, d: `writer ${w}` },
        })),
      );
      tally.add('incident updates', results);
      const winner = expectOneWinner(results).data?.updateIncident;
      const updates = (await changesOf('Incident', incident.key)).filter(
        (c) => c.action === 'UPDATE',
      );
      expect(updates).toHaveLength(1);
      expect(updates[0]?.after).toMatchObject({ description: winner.description, version: 2 });
      expect(
        (
          await dataOf(
            api(),
            `{ node(id: "${incident.id}") { ... on Incident { description version } } }`,
          )
        ).node,
      ).toEqual(winner);
    }
  });

  it(`${WRITERS} updates of one claim: one acknowledged, the rest CONFLICT, one audit record`, async () => {
    const actor = await newActor();
    for (let t = 0; t < TRIALS; t += 1) {
      const incident = await newIncident();
      const claim = await newClaim(incident.id, actor.id);
      const results = await race(
        api(),
        Array.from({ length: WRITERS }, (_, w) => ({
          label: 'updateAttribution',
          role: 'editor',
          query: `mutation ($id: ID!, $c: Int!) { updateAttribution(id: $id, version: 1, patch: { confidence: $c }) { confidence version } }`,
          variables: { id: claim.id, c: w + 1 },
        })),
      );
      tally.add('claim updates', results);
      const winner = expectOneWinner(results).data?.updateAttribution;
      const edits = (await changesOf('Incident', incident.key)).filter(
        (c) => c.action === 'UPDATE_ATTRIBUTION',
      );
      expect(edits).toHaveLength(1);
      expect(edits[0]?.after).toMatchObject({ id: claim.id, confidence: winner.confidence });
    }
  });

  it('a retraction racing 9 updates: one acknowledged; a retracted claim stays retracted', async () => {
    const actor = await newActor();
    for (let t = 0; t < TRIALS; t += 1) {
      const incident = await newIncident();
      const claim = await newClaim(incident.id, actor.id);
      const results = await race(api(), [
        {
          label: 'retractAttribution',
          role: 'editor',
          query: `mutation ($id: ID!) { retractAttribution(id: $id, version: 1) { status version } }`,
          variables: { id: claim.id },
        },
        ...Array.from({ length: 9 }, (_, w): Racer => ({
          label: 'updateAttribution',
          role: 'editor',
          query: `mutation ($id: ID!, $c: Int!) { updateAttribution(id: $id, version: 1, patch: { confidence: $c, status: SUSPECTED }) { status version } }`,
          variables: { id: claim.id, c: w + 1 },
        })),
      ]);
      tally.add('retract vs 9 updates', results);
      const winner = expectOneWinner(results);
      const stored = (await claimsById([claim.id])).get(claim.id);
      expect(stored?.status).toBe(
        winner.label === 'retractAttribution' ? 'RETRACTED' : 'SUSPECTED',
      );
      const edits = (await changesOf('Incident', incident.key)).filter((c) =>
        ['UPDATE_ATTRIBUTION', 'RETRACT_ATTRIBUTION'].includes(c.action),
      );
      expect(edits.map((c) => c.action)).toEqual([
        winner.label === 'retractAttribution' ? 'RETRACT_ATTRIBUTION' : 'UPDATE_ATTRIBUTION',
      ]);
      if (winner.label === 'retractAttribution') {
        const later = await race(api(), [
          {
            label: 'updateAttribution after retraction',
            role: 'editor',
            query: `mutation ($id: ID!) { updateAttribution(id: $id, version: 2, patch: { status: ATTRIBUTED }) { status } }`,
            variables: { id: claim.id },
          },
        ]);
        expect(later[0]?.outcome).toBe('CONFLICT');
        expect((await claimsById([claim.id])).get(claim.id)?.status).toBe('RETRACTED');
      }
    }
  });
  it('every other versioned write, racing its like: one acknowledged, one audit record', async () => {
    const EACH = 4;
    const same = (
      label: string,
      role: Racer['role'],
      query: string,
      variables: (w: number) => Racer['variables'],
    ) =>
      Array.from({ length: EACH }, (_, w): Racer => ({
        label,
        role,
        query,
        variables: variables(w),
      }));
    const actions = async (type: string, key: string, action: string) =>
      (await changesOf(type, key)).filter((c) => c.action === action);
    const cite = await source();
    for (let t = 0; t < TRIALS; t += 1) {
      // Everything the racers need, made at once.
      const [actor, incident, campaign, merged, into, target, sources] = await Promise.all([
        newActor(),
        newIncident(),
        create('createCampaign', { key: fresh('campaign'), name: fresh('Campaign') }),
        newActor(),
        newActor(),
        newActor(),
        Promise.all(Array.from({ length: EACH }, newActor)),
      ]);
      const hypothesis = (status: string) =>
        dataOf(
          api(),
          `mutation ($input: HypothesisInput!) { createHypothesis(input: $input) { id } }`,
          {
            input: {
              incidentId: incident.id,
              actorId: actor.key,
              rationale: 'race',
              confidence: 20,
              status,
            },
          },
          as('editor'),
        ).then((d) => String(d.createHypothesis.id));
      const [open, supported, mergeChange] = await Promise.all([
        hypothesis('OPEN'),
        hypothesis('SUPPORTED'),
        dataOf(
          api(),
          `mutation ($s: ID!, $t: ID!) { mergeActors(sourceId: $s, sourceVersion: 1, targetId: $t, targetVersion: 1) { changeId } }`,
          { s: merged.key, t: into.key },
          as('admin'),
        ).then((d) => String(d.mergeActors.changeId)),
      ]);
      const newKey = fresh('actor');
      const results = await race(api(), [
        ...same(
          'setActorOrigin',
          'editor',
          `mutation ($id: ID!, $c: Int!, $s: [ID!]!) { setActorOrigin(id: $id, version: 1, origin: { country: "RU", confidence: $c, sourceIds: $s }) { version } }`,
          (w) => ({ id: actor.id, c: w + 1, s: [cite] }),
        ),
        ...same(
          'linkIncident',
          'editor',
          `mutation ($id: ID!, $s: [String!]!) { linkIncident(id: $id, version: 1, links: { sectorIds: $s }) { version } }`,
          (w) => ({ id: incident.id, s: [['electricity', 'health', 'finance', 'rail'][w]] }),
        ),
        ...same(
          'updateHypothesis',
          'editor',
          `mutation ($id: ID!, $c: Int!) { updateHypothesis(id: $id, version: 1, patch: { confidence: $c }) { version } }`,
          (w) => ({ id: open, c: w + 1 }),
        ),
        ...same(
          'promoteHypothesis',
          'editor',
          `mutation ($id: ID!, $s: [ID!]) { promoteHypothesis(id: $id, version: 1, basis: MEDIA, sourceIds: $s) { promotedClaimId } }`,
          () => ({ id: supported, s: [cite] }),
        ),
        ...same(
          'deleteCampaign',
          'admin',
          `mutation ($id: ID!) { deleteCampaign(id: $id, version: 1) { id } }`,
          () => ({ id: campaign.id }),
        ),
        ...same(
          'undoMerge',
          'admin',
          `mutation ($c: ID!) { undoMerge(changeId: $c) { key } }`,
          () => ({ c: mergeChange }),
        ),
        ...same(
          'mergeActors into one target',
          'admin',
          `mutation ($s: ID!, $t: ID!) { mergeActors(sourceId: $s, sourceVersion: 1, targetId: $t, targetVersion: 1) { changeId } }`,
          (w) => ({ s: sources[w]?.key, t: target.key }),
        ),
        ...same(
          'createActor with one key',
          'editor',
          `mutation ($key: String!, $name: String!) { createActor(input: { key: $key, name: $name, type: CRIMINAL }) { key } }`,
          (w) => ({ key: newKey, name: `${newKey} ${w}` }),
        ),
      ]);
      tally.add('every other versioned write, 4 of each', results);
      for (const label of new Set(results.map((r) => r.label))) {
        const mine = results.filter((r) => r.label === label);
        expect(acknowledged(mine), `${label}: ${JSON.stringify(mine)}`).toHaveLength(1);
        // A deletion's losers find nothing left to delete, as they would one after another.
        const refused = label === 'deleteCampaign' ? ['CONFLICT', 'NOT_FOUND'] : ['CONFLICT'];
        for (const r of mine)
          if (r.outcome !== 'ok') expect(refused, `${label}: ${r.message}`).toContain(r.outcome);
      }
      expect(await actions('Actor', actor.key, 'UPDATE')).toHaveLength(1);
      expect(await actions('Incident', incident.key, 'UPDATE')).toHaveLength(1);
      expect(await actions('Hypothesis', open, 'UPDATE')).toHaveLength(1);
      expect(await actions('Hypothesis', supported, 'UPDATE')).toHaveLength(1);
      const promoted = (await actions('Incident', incident.key, 'ADD_ATTRIBUTION')).filter(
        (c) => c.after?.fromHypothesis === supported,
      );
      expect(promoted).toHaveLength(1);
      expect((await claimsById([String(promoted[0]?.after?.id)])).size).toBe(1);
      expect(await actions('Campaign', campaign.key, 'DELETE')).toHaveLength(1);
      expect(await actions('Actor', merged.key, 'UNDO_MERGE')).toHaveLength(1);
      expect(await actions('Actor', target.key, 'MERGE')).toHaveLength(1);
      expect(await actions('Actor', newKey, 'CREATE')).toHaveLength(1);
    }
  });
});

describe('chain merges', () => {
  /**
   * The actors and incidents named, with every edge at them, as sorted lines without version
   * counters, tombstones and audit records: what a merge changes and its undo restores.
   */
  const AROUND = cypher<{ head: string; props: Record<string, unknown> }>(
    'test:around',
    `MATCH (n:Actor|Incident) WHERE n.id IN $keys
     RETURN labels(n)[0] AS head, properties(n) AS props
     UNION ALL
     MATCH (n:Actor|Incident)-[r]-() WHERE n.id IN $keys AND type(r) <> 'MERGED_INTO'
     RETURN coalesce(startNode(r).id, startNode(r).iso2) + '-' + type(r) + '->' + coalesce(endNode(r).id, endNode(r).iso2) AS head,
            properties(r) AS props`,
  );
  const around = async (keys: string[]) =>
    (await reader().read(AROUND, { keys }))
      .map(({ head, props }) => {
        const kept = Object.entries(props).filter(([k]) => k !== 'version');
        return `${head} ${JSON.stringify(kept.sort(([x], [y]) => x.localeCompare(y)))}`;
      })
      .sort();

  it('A→B racing B→C: a serial outcome, no claim lost, ids resolving, the undo exact', async () => {
    const MERGE = `mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) {
      mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId target { key } } }`;
    for (let t = 0; t < TRIALS; t += 1) {
      const [a, b, c, incident] = await Promise.all([
        newActor(),
        newActor(),
        newActor(),
        newIncident(),
      ]);
      const claims = (
        await Promise.all([a, b, c].map((actor) => newClaim(incident.id, actor.key)))
      ).map((claim) => claim.id);
      await dataOf(
        api(),
        `mutation ($id: ID!, $s: [ID!]!) { setActorOrigin(id: $id, version: 1, origin: { country: "RU", confidence: 40, sourceIds: $s }) { version } }`,
        { id: a.id, s: [await source()] },
        as('editor'),
      );
      const keys = [a.key, b.key, c.key, incident.key];
      const before = await around(keys);
      const results = await race(api(), [
        {
          label: 'merge A→B',
          role: 'admin',
          query: MERGE,
          variables: { s: a.key, sv: 2, t: b.key, tv: 1 },
        },
        {
          label: 'merge B→C',
          role: 'admin',
          query: MERGE,
          variables: { s: b.key, sv: 1, t: c.key, tv: 1 },
        },
      ]);
      tally.add('chain merges', results);
      const winner = expectOneWinner(results);
      const [claimOfA, claimOfB, claimOfC] = claims.map(String);
      const owners = await claimsById(claims);
      expect([...owners.keys()].sort()).toEqual([...claims].sort());
      const owner = (id: string | undefined) => owners.get(id ?? '')?.actor;
      if (winner.label === 'merge A→B') {
        expect([owner(claimOfA), owner(claimOfB), owner(claimOfC)]).toEqual([b.key, b.key, c.key]);
        expect([await resolves(a.key), await resolves(b.key)]).toEqual([b.key, b.key]);
        expect(
          (await dataOf(api(), `{ actor(id: "${b.key}") { origin { country { code } } } }`)).actor
            .origin?.country.code,
        ).toBe('RU');
      } else {
        expect([owner(claimOfA), owner(claimOfB), owner(claimOfC)]).toEqual([a.key, c.key, c.key]);
        expect([await resolves(a.key), await resolves(b.key)]).toEqual([a.key, c.key]);
      }
      await dataOf(
        api(),
        `mutation ($c: ID!) { undoMerge(changeId: $c) { key } }`,
        { c: winner.data?.mergeActors.changeId },
        as('admin'),
      );
      expect(await around(keys)).toEqual(before);
    }
  });
});

describe('deletes racing writes that refer to the node', () => {
  it('deleteOrganization racing linkIncident: the link lands and the delete is refused, or the delete wins and nothing links', async () => {
    for (let t = 0; t < TRIALS; t += 1) {
      const [organization, incident] = await Promise.all([
        create('createOrganization', { key: fresh('org'), name: fresh('Org') }),
        newIncident(),
      ]);
      const results = await race(api(), [
        {
          label: 'deleteOrganization',
          role: 'admin',
          query: `mutation ($id: ID!) { deleteOrganization(id: $id, version: 1) { id } }`,
          variables: { id: organization.id },
        },
        {
          label: 'linkIncident',
          role: 'editor',
          query: `mutation ($id: ID!, $o: [String!]!) { linkIncident(id: $id, version: 1, links: { organizationIds: $o }) { organizations { key } } }`,
          variables: { id: incident.id, o: [organization.key] },
        },
      ]);
      tally.add('deleteOrganization vs linkIncident', results);
      const [winner] = acknowledged(results);
      expect(acknowledged(results), JSON.stringify(results)).toHaveLength(1);
      const stored = await dataOf(
        api(),
        `{ org: node(id: "${organization.id}") { id } incident: node(id: "${incident.id}") { ... on Incident { version organizations { key } } } }`,
      );
      const loser = results.find((r) => r !== winner);
      if (winner?.label === 'linkIncident') {
        expect(loser?.outcome).toBe('CONFLICT');
        expect(stored.org).not.toBeNull();
        expect(stored.incident.organizations).toEqual([{ key: organization.key }]);
      } else {
        expect(['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']).toContain(loser?.outcome);
        expect(loser?.message).toContain(organization.key);
        expect(stored.org).toBeNull();
        expect(stored.incident).toEqual({ version: 1, organizations: [] });
        expect((await changesOf('Incident', incident.key)).map((c) => c.action)).toEqual([
          'CREATE',
        ]);
      }
    }
  });

  it('deleteIncident racing addAttribution: the claim is refused, or deleted with the incident and named in its audit record', async () => {
    const actor = await newActor();
    for (let t = 0; t < TRIALS; t += 1) {
      const incident = await newIncident();
      const results = await race(api(), [
        {
          label: 'deleteIncident',
          role: 'admin',
          query: `mutation ($id: ID!) { deleteIncident(id: $id, version: 1) { id } }`,
          variables: { id: incident.id },
        },
        {
          label: 'addAttribution',
          role: 'editor',
          query: ADD_CLAIM,
          variables: { i: incident.id, a: actor.key, s: [await source()] },
        },
      ]);
      tally.add('deleteIncident vs addAttribution', results);
      const outcome = Object.fromEntries(results.map((r) => [r.label, r]));
      expect(outcome.deleteIncident?.outcome).toBe('ok');
      const deletion = (await changesOf('Incident', incident.key)).find(
        (c) => c.action === 'DELETE',
      );
      const recorded = (deletion?.before?.claims ?? []) as { id: string }[];
      if (outcome.addAttribution?.outcome === 'ok') {
        const claim = outcome.addAttribution.data?.addAttribution.id as string;
        expect(recorded.map((c) => c.id)).toEqual([claim]);
        expect((await claimsById([claim])).size).toBe(0);
        expect((await changesOf('Incident', incident.key)).map((c) => c.action)).toEqual([
          'CREATE',
          'ADD_ATTRIBUTION',
          'DELETE',
        ]);
      } else {
        expect(['NOT_FOUND', 'CONFLICT']).toContain(outcome.addAttribution?.outcome);
        expect(recorded).toEqual([]);
      }
    }
  });

  it('deleteSource racing addAttribution citing it: the citation lands and the delete is refused, or the delete wins and nothing cites it', async () => {
    const actor = await newActor();
    const incident = await newIncident();
    for (let t = 0; t < TRIALS; t += 1) {
      const cited = await create('createSource', {
        url: `https://example.org/${fresh('advisory')}`,
        title: 'Race advisory',
        publisher: 'Example',
      });
      const results = await race(api(), [
        {
          label: 'deleteSource',
          role: 'admin',
          query: `mutation ($id: ID!) { deleteSource(id: $id, version: 1) { id } }`,
          variables: { id: cited.id },
        },
        {
          label: 'addAttribution',
          role: 'editor',
          query: ADD_CLAIM,
          variables: { i: incident.id, a: actor.key, s: [cited.id] },
        },
      ]);
      tally.add('deleteSource vs addAttribution', results);
      expect(acknowledged(results), JSON.stringify(results)).toHaveLength(1);
      const [winner] = acknowledged(results);
      const loser = results.find((r) => r !== winner);
      const exists = (await dataOf(api(), `{ node(id: "${cited.id}") { id } }`)).node !== null;
      if (winner?.label === 'addAttribution') {
        expect(loser?.outcome).toBe('CONFLICT');
        expect(exists).toBe(true);
        const claim = winner.data?.addAttribution.id as string;
        expect((await claimsById([claim])).size).toBe(1);
      } else {
        expect(['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT']).toContain(loser?.outcome);
        expect(exists).toBe(false);
      }
    }
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf, fieldsOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });
const INCIDENT = 'Incident:2017-06-notpetya-maersk';
const H = `id version status confidence rationale author incident { key } actor { key }
  evidenceIncidents { key } evidenceSources { id } savedSuggestions { savedAt candidates } promotedClaimId`;
const CREATE = `mutation ($input: HypothesisInput!) { createHypothesis(input: $input) { ${H} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: HypothesisPatch!) { updateHypothesis(id: $id, version: $version, patch: $patch) { ${H} } }`;
const ATTACH = `mutation ($id: ID!, $version: Int!, $incidentIds: [ID!], $sourceIds: [ID!], $save: Boolean) { attachEvidence(id: $id, version: $version, incidentIds: $incidentIds, sourceIds: $sourceIds, saveSuggestions: $save) { ${H} } }`;
const PROMOTE = `mutation ($id: ID!, $version: Int!) { promoteHypothesis(id: $id, version: $version, basis: ACADEMIC) { ${H} } }`;
const input = {
  incidentId: INCIDENT,
  actorId: 'apt28',
  rationale: 'Same tooling as a 2016 operation.',
  confidence: 15,
};

describe('attribution hypotheses', () => {
  let hypothesis: any;

  it('are created by editors, validated, and never mixed into the published graph', async () => {
    expect(
      (await errorOf(seeded.api, CREATE, { input }, as('viewer'))).error?.extensions?.code,
    ).toBe('FORBIDDEN');
    const bad = await errorOf(
      seeded.api,
      CREATE,
      { input: { ...input, confidence: 101, rationale: ' ' } },
      as('editor'),
    );
    expect(fieldsOf(bad.error)).toEqual(['input.confidence', 'input.rationale']);
    hypothesis = (await dataOf(seeded.api, CREATE, { input }, as('editor'))).createHypothesis;
    expect(hypothesis).toMatchObject({
      version: 1,
      status: 'OPEN',
      author: 'ed',
      incident: { key: '2017-06-notpetya-maersk' },
      actor: { key: 'apt28' },
      promotedClaimId: null,
    });

    const { node, paths, neighborhood } = await dataOf(
      seeded.api,
      `{ node(id: "${INCIDENT}") { ... on Incident { attributions { actor { key } } } }
         paths(from: "${INCIDENT}", to: "Actor:apt28", maxHops: 4) { paths { nodeIds } }
         neighborhood(ids: ["${INCIDENT}"], limit: 1000) { nodes { type } } }`,
    );
    expect(node.attributions.map((a: any) => a.actor.key)).not.toContain('apt28');
    expect(paths.paths.length).toBeGreaterThan(0);
    for (const path of paths.paths) expect(path.nodeIds.length).toBeGreaterThan(3);
    expect(neighborhood.nodes.map((n: any) => n.type)).not.toContain('Hypothesis');
  });

  it('gather evidence: incidents, sources and a saved ranking', async () => {
    const { node } = await dataOf(
      seeded.api,
      `{ node(id: "${INCIDENT}") { ... on Incident { sources { id } } } }`,
    );
    const missing = await errorOf(
      seeded.api,
      ATTACH,
      { id: hypothesis.id, version: 1, incidentIds: ['nope'] },
      as('editor'),
    );
    expect(missing.error?.message).toContain('no Incident has the id "nope"');
    const attached = (
      await dataOf(
        seeded.api,
        ATTACH,
        {
          id: hypothesis.id,
          version: 1,
          incidentIds: ['2017-06-notpetya-merck'],
          sourceIds: [node.sources[0].id],
          save: true,
        },
        as('editor'),
      )
    ).attachEvidence;
    expect(attached.version).toBe(2);
    expect(attached.evidenceIncidents).toEqual([{ key: '2017-06-notpetya-merck' }]);
    expect(attached.evidenceSources).toEqual([{ id: node.sources[0].id }]);
    expect(attached.savedSuggestions).toHaveLength(1);
    expect(attached.savedSuggestions[0].candidates[0]).toMatchObject({ rank: 1 });
    expect(['sandworm', 'gru-unspecified']).toContain(
      attached.savedSuggestions[0].candidates[0].actorId,
    );
    hypothesis = attached;
  });

  it('are listed by incident, actor, author and status', async () => {
    const list = async (args: string) =>
      (await dataOf(seeded.api, `{ hypotheses(${args}) { totalCount edges { node { id } } } }`))
        .hypotheses;
    expect((await list(`incidentId: "${INCIDENT}"`)).totalCount).toBe(1);
    expect((await list('actorId: "apt28", author: "ed", status: OPEN')).edges).toEqual([
      { node: { id: hypothesis.id } },
    ]);
    expect((await list('actorId: "sandworm"')).totalCount).toBe(0);
    expect((await list('status: SUPPORTED')).totalCount).toBe(0);
  });

  it('are promoted to a published claim only once SUPPORTED, and then kept as they were', async () => {
    const open = await errorOf(
      seeded.api,
      PROMOTE,
      { id: hypothesis.id, version: 2 },
      as('editor'),
    );
    expect(open.error?.extensions?.code).toBe('BAD_USER_INPUT');
    const supported = (
      await dataOf(
        seeded.api,
        UPDATE,
        { id: hypothesis.id, version: 2, patch: { status: 'SUPPORTED', confidence: 50 } },
        as('editor'),
      )
    ).updateHypothesis;
    expect(supported).toMatchObject({ version: 3, status: 'SUPPORTED', confidence: 50 });
    const promoted = (
      await dataOf(seeded.api, PROMOTE, { id: hypothesis.id, version: 3 }, as('editor'))
    ).promoteHypothesis;
    expect(promoted.promotedClaimId).toMatch(/^claim-/);
    const { node } = await dataOf(
      seeded.api,
      `{ node(id: "${INCIDENT}") { ... on Incident { attributions { id actor { key } status confidence basis claimedBy sources { id } } } } }`,
    );
    expect(node.attributions.find((a: any) => a.id === promoted.promotedClaimId)).toEqual({
      id: promoted.promotedClaimId,
      actor: { key: 'apt28' },
      status: 'ATTRIBUTED',
      confidence: 50,
      basis: 'ACADEMIC',
      claimedBy: 'ed',
      sources: hypothesis.evidenceSources,
    });
    const after = await errorOf(
      seeded.api,
      UPDATE,
      { id: hypothesis.id, version: 4, patch: { status: 'REFUTED' } },
      as('editor'),
    );
    expect(after.error?.extensions?.code).toBe('CONFLICT');
    const { changes } = await dataOf(
      seeded.api,
      `{ changes(entityId: "${INCIDENT}", first: 1) { edges { node { action after } } } }`,
    );
    expect(changes.edges[0].node).toMatchObject({
      action: 'ADD_ATTRIBUTION',
      after: { fromHypothesis: hypothesis.id },
    });
  });
  it('keep an audit trail of their own, every step by its author, newest first', async () => {
    const { changes } = await dataOf(
      seeded.api,
      `{ changes(entityId: "Hypothesis:${hypothesis.id}") { totalCount edges { node { action by entityId before after } } } }`,
    );
    const steps = changes.edges.map((edge: any) => edge.node);
    expect(changes.totalCount).toBe(steps.length);
    expect(steps.at(-1)).toMatchObject({
      action: 'CREATE',
      by: 'ed',
      entityId: `Hypothesis:${hypothesis.id}`,
      before: null,
      after: { status: 'OPEN', actorId: 'apt28' },
    });
    expect(steps[0].after.promotedClaimId).toMatch(/^claim-/);
    expect(steps.slice(0, -1).every((step: any) => step.action === 'UPDATE')).toBe(true);
    expect(
      (await dataOf(seeded.api, '{ changes(entityId: "Hypothesis:hyp-none") { totalCount } }'))
        .changes.totalCount,
    ).toBe(0);
  });
});

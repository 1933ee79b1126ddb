/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- introspection answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

/** One well-formed call of every mutation; the role check must come before anything else. */
const calls: Record<string, { role: 'editor' | 'admin'; text: string }> = {
  createActor: { role: 'editor', text: 'createActor(input: { name: "X", type: UNKNOWN }) { id }' },
  updateActor: {
    role: 'editor',
    text: 'updateActor(id: "sandworm", version: 0, patch: { name: "X" }) { id }',
  },
  deleteActor: { role: 'admin', text: 'deleteActor(id: "cyberberkut", version: 0) { id }' },
  setActorOrigin: {
    role: 'editor',
    text: 'setActorOrigin(id: "sandworm", version: 0, origin: null) { id }',
  },
  setActorSponsors: {
    role: 'editor',
    text: 'setActorSponsors(id: "sandworm", version: 0, sponsors: []) { id }',
  },
  createCampaign: { role: 'editor', text: 'createCampaign(input: { name: "X" }) { id }' },
  updateCampaign: {
    role: 'editor',
    text: 'updateCampaign(id: "notpetya-2017", version: 0, patch: { name: "X" }) { id }',
  },
  deleteCampaign: { role: 'admin', text: 'deleteCampaign(id: "notpetya-2017", version: 0) { id }' },
  createOrganization: { role: 'editor', text: 'createOrganization(input: { name: "X" }) { id }' },
  updateOrganization: {
    role: 'editor',
    text: 'updateOrganization(id: "x", version: 0, patch: { name: "X" }) { id }',
  },
  deleteOrganization: { role: 'admin', text: 'deleteOrganization(id: "x", version: 0) { id }' },
  createSource: {
    role: 'editor',
    text: 'createSource(input: { url: "https://example.org/x", title: "X", publisher: "X" }) { id }',
  },
  updateSource: {
    role: 'editor',
    text: 'updateSource(id: "x", version: 0, patch: { title: "X" }) { id }',
  },
  deleteSource: { role: 'admin', text: 'deleteSource(id: "x", version: 0) { id }' },
  createIncident: {
    role: 'editor',
    text: 'createIncident(input: { title: "X", startDate: "2024", sourceIds: ["x"] }) { id }',
  },
  updateIncident: {
    role: 'editor',
    text: 'updateIncident(id: "2022-02-viasat-ka-sat", version: 0, patch: { title: "X" }) { id }',
  },
  linkIncident: {
    role: 'editor',
    text: 'linkIncident(id: "2022-02-viasat-ka-sat", version: 0, links: { sectorIds: ["energy"] }) { id }',
  },
  unlinkIncident: {
    role: 'editor',
    text: 'unlinkIncident(id: "2022-02-viasat-ka-sat", version: 0, links: { sectorIds: ["space"] }) { id }',
  },
  deleteIncident: {
    role: 'admin',
    text: 'deleteIncident(id: "2022-02-viasat-ka-sat", version: 0) { id }',
  },
  addAttribution: {
    role: 'editor',
    text: 'addAttribution(incidentId: "2022-02-viasat-ka-sat", actorId: "apt28", confidence: 15, basis: MEDIA, sourceIds: ["x"]) { id }',
  },
  updateAttribution: {
    role: 'editor',
    text: 'updateAttribution(id: "x", version: 0, patch: { confidence: 50 }) { id }',
  },
  retractAttribution: { role: 'editor', text: 'retractAttribution(id: "x", version: 0) { id }' },
  mergeActors: {
    role: 'admin',
    text: 'mergeActors(sourceId: "legion", sourceVersion: 0, targetId: "killnet", targetVersion: 0) { changeId }',
  },
  undoMerge: { role: 'admin', text: 'undoMerge(changeId: "x") { id }' },
  createHypothesis: {
    role: 'editor',
    text: 'createHypothesis(input: { incidentId: "2022-02-viasat-ka-sat", actorId: "apt28", rationale: "X", confidence: 15 }) { id }',
  },
  updateHypothesis: {
    role: 'editor',
    text: 'updateHypothesis(id: "x", version: 1, patch: { confidence: 50 }) { id }',
  },
  attachEvidence: {
    role: 'editor',
    text: 'attachEvidence(id: "x", version: 1, saveSuggestions: true) { id }',
  },
  promoteHypothesis: {
    role: 'editor',
    text: 'promoteHypothesis(id: "x", version: 1, basis: MEDIA) { id }',
  },
};

describe('who may write', () => {
  it('covers every mutation of the schema', async () => {
    const { __type } = await dataOf(seeded.api, '{ __type(name: "Mutation") { fields { name } } }');
    expect(__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      Object.keys(calls).sort(),
    );
  });

  it('refuses every mutation to an anonymous caller (401) and to a role too low (403), and writes nothing', async () => {
    const before = await graphSnapshot(seeded.database);
    for (const [name, { role, text }] of Object.entries(calls)) {
      const mutation = `mutation { ${text} }`;
      const anonymous = await errorOf(seeded.api, mutation);
      expect([name, anonymous.status, anonymous.error?.extensions?.code]).toEqual([
        name,
        401,
        'UNAUTHENTICATED',
      ]);
      const low = await errorOf(
        seeded.api,
        mutation,
        {},
        as(role === 'admin' ? 'editor' : 'viewer'),
      );
      expect([
        name,
        low.status,
        low.error?.extensions?.code,
        low.error?.extensions?.requiredRole,
      ]).toEqual([name, 403, 'FORBIDDEN', role]);
    }
    expect(await graphSnapshot(seeded.database)).toEqual(before);
  });
});

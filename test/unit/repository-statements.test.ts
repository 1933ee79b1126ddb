import { describe, expect, it } from 'vitest';
import { actorListStatement } from '../../src/repositories/actor-repository.js';
import { listCampaigns, listOrganizations } from '../../src/repositories/catalog-repository.js';
import { entityChanges } from '../../src/repositories/change-repository.js';
import {
  actorBatches,
  batchesOf,
  incidentBatches,
} from '../../src/repositories/export-repository.js';
import { listHypotheses } from '../../src/repositories/hypothesis-repository.js';
import { RecordingExecutor, type Statement as Sent } from '../support/recording-executor.js';

/** The statements a call sends, as a reviewer reads them. */
async function sentBy(
  call: (executor: RecordingExecutor) => Promise<unknown>,
): Promise<readonly Sent[]> {
  const executor = RecordingExecutor.answering('test', () => []);
  await call(executor);
  return executor.sent;
}

const nextPage = { first: 10, after: ['2024-03-01T10:00:00Z', 'ch-9'] };

describe('paged lists, as the Cypher they send', () => {
  it('lists and counts campaigns by a name fragment, after a position', async () => {
    const sent = await sentBy(async (executor) => {
      await listCampaigns(executor, 'Olymp', { first: 10, after: ['olympic', 'c-1'] });
    });
    expect(sent).toMatchSnapshot();
  });

  it('lists organizations, each condition only when given', async () => {
    const filtered = await sentBy((executor) =>
      listOrganizations(
        executor,
        { search: null, sectorIds: ['health'], countryCode: 'IE' },
        { first: 10, after: null },
      ),
    );
    expect(filtered).toMatchSnapshot();
    const all = await sentBy((executor) =>
      listOrganizations(
        executor,
        { search: null, sectorIds: null, countryCode: null },
        { first: 10, after: null },
      ),
    );
    expect(all[0]?.text).toBe(
      'MATCH (n:Organization) \nRETURN n {.*} AS row ORDER BY toLower(n.name) ASC, n.id ASC LIMIT toInteger($limit)',
    );
  });

  it("pages an entity's audit trail newest first, its count only when asked", async () => {
    const executor = RecordingExecutor.answering('test', () => []);
    const page = await entityChanges(executor, { type: 'Actor', key: 'apt28' }, nextPage);
    expect(executor.sent).toMatchSnapshot();
    await page.count();
    expect(executor.sent[1]).toMatchSnapshot();
  });

  it('pages hypotheses newest first, each condition only when given', async () => {
    const executor = RecordingExecutor.answering('test', () => []);
    const conditions = { incidentId: 'i-1', actorId: null, author: 'ana', status: 'OPEN' };
    const page = await listHypotheses(executor, conditions, nextPage);
    await page.count();
    expect(executor.sent.map(({ name, params }) => ({ name, params }))).toMatchSnapshot();
    expect(executor.sent[0]?.text).toContain(
      'WHERE EXISTS { (h)-[:ABOUT]->(:Incident {id: $incidentId}) } AND h.author = $author AND h.status = $status AND ((h.createdAt < datetime($after1)) OR (h.createdAt = datetime($after1) AND h.id > $after2))',
    );
  });

  it('lists the actors of a country by incident count', () => {
    expect(
      actorListStatement(
        [{ id: 'RU' }],
        { scope: 'origin', filter: { types: ['STATE'] } },
        { field: 'INCIDENT_COUNT', direction: 'DESC' },
        { first: 3, after: [12, 'apt28'] },
        ['name'],
      ),
    ).toMatchSnapshot();
  });
});

describe('export batches', () => {
  it('reads the filtered incidents in key order, a batch after the last key of the one before', () => {
    const first = incidentBatches({ sectorIds: ['energy'] })({ first: 500, after: null });
    const next = incidentBatches({ sectorIds: ['energy'] })({ first: 500, after: ['i-500'] });
    expect(first.query).toMatchSnapshot();
    expect(next.params).toEqual({ sectorIds: ['energy'], after1: 'i-500', limit: 501 });
  });

  it('reads only the keys of a scope when given one', () => {
    const built = actorBatches(['apt28'])({ first: 500, after: ['a'] });
    expect(built.query.text).toContain('WHERE n.id IN $only AND ((n.id > $after1))');
    expect(built.params).toMatchObject({ only: ['apt28'], after1: 'a' });
    expect(actorBatches(null)({ first: 500, after: null }).query.text).not.toContain('WHERE');
  });

  it('yields every row once, in batches, and stops on the batch with no row beyond it', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const executor = RecordingExecutor.answering('test', (sent) => {
      const after = (sent.params.after1 as string | undefined) ?? '';
      return keys
        .filter((key) => key > after)
        .slice(0, sent.params.limit as number)
        .map((key) => ({ key, props: {} }));
    });
    const batches: string[][] = [];
    for await (const batch of batchesOf(executor, actorBatches(null), 2))
      batches.push(batch.map((row) => row.key));
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(executor.sent.map((s) => s.params.after1)).toEqual([undefined, 'b', 'd']);
  });

  it('asks no further batch when a batch ends the rows exactly', async () => {
    const executor = RecordingExecutor.answering('test', (sent) =>
      sent.params.after1 ? [] : [{ key: 'a' }, { key: 'b' }],
    );
    const batches = [];
    for await (const batch of batchesOf(executor, actorBatches(null), 2)) batches.push(batch);
    expect(batches).toHaveLength(1);
    expect(executor.roundTrips).toBe(1);
  });
});

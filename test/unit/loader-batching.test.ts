import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Database, type QueryParams } from '../../src/db/database.js';
import { databaseSettings } from '../../src/db/open-database.js';
import { silentLogger } from '../support/database.js';
import {
  RecordedRequests,
  RecordingExecutor,
  type Responder,
  type Statement,
} from '../support/recording-executor.js';
import { dataOf, startTestServer, type Data, type TestServer } from '../support/server.js';

/*
 * The loaders' batching seen through the API with no database: the real server, each request's
 * executor a recorder answering canned rows. Three actors, each with incidents, each with sectors.
 */

const actors = ['a1', 'a2', 'a3'];
const incidentsOf = (actor: string) => [`${actor}-i1`, `${actor}-i2`];
const sectorsOf = (incident: string) =>
  incident.endsWith('i1') ? ['energy'] : ['energy', 'hospitals'];

const actorRow = (id: string) => ({ id, name: id, type: 'CRIMINAL', sortValue: id });
const incidentRow = (id: string) => ({
  id,
  title: id,
  startDate: '2022-01-01',
  endDate: '2022-01-01',
  datePrecision: 'DAY',
});
const sectorRow = (id: string) => ({ id, name: id, stixIndustry: id });

const parentIds = (params: QueryParams): string[] =>
  (params.parents as { id: string }[]).map((p) => p.id);
const ids = (params: QueryParams): string[] => params.ids as string[];

/** The rows each loader's statement gets, for the parents it names. */
const responder: Responder = ({ name, params }: Statement) => {
  switch (name) {
    case 'listActors':
      return [{ parentId: null, rows: actors.map(actorRow) }];
    case 'listIncidents:actor':
      return parentIds(params).map((id) => ({
        parentId: id,
        rows: incidentsOf(id).map(incidentRow),
      }));
    case 'incidentSectors':
      return ids(params).map((id) => ({ parentId: id, rows: sectorsOf(id).map(sectorRow) }));
    default:
      throw new Error(`no canned rows for the statement ${name}`);
  }
};

const recorded = new RecordedRequests((_database, requestId) =>
  RecordingExecutor.answering(requestId, responder),
);
// The context needs a Database; this one points where nothing listens and never connects, so a
// statement that went around the request's executor would fail the test instead of passing unseen.
const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', LOG_LEVEL: 'silent' });
const database = new Database(databaseSettings(config, config.NEO4J_URI ?? ''), silentLogger);
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(config, database, { executorFor: recorded.executorFor });
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

let sent = 0;
/** Runs a query; its answer and what its recorder saw. */
async function run(
  query: string,
): Promise<{ data: Data; statements: Statement[]; waves: number[] }> {
  sent += 1;
  const requestId = `batching-${sent}`;
  const data = await dataOf(api, query, undefined, { 'x-request-id': requestId });
  const recorder = recorded.take(requestId);
  const reads = recorder.recorded.flatMap((r) => (r.kind === 'transaction' ? [] : [r]));
  expect(reads).toHaveLength(recorder.recorded.length);
  return { data, statements: reads.map((r) => r.statement), waves: reads.map((r) => r.wave) };
}

const INCIDENTS = 'edges { node { key sectors { key } } }';

/** The answer's shape, as the query asks for it. */
interface ActorsAnswer {
  actors: {
    edges: {
      node: {
        key: string;
        incidents: { edges: { node: { key: string; sectors: { key: string }[] } }[] };
      };
    }[];
  };
}

describe('loader batching, without a database', () => {
  it('sends one statement per level, naming every parent of the level in one batch', async () => {
    const { data, statements, waves } = await run(
      `{ actors(first: 3) { edges { node { key incidents(first: 2) { ${INCIDENTS} } } } } }`,
    );
    expect(statements.map((s) => s.name)).toEqual([
      'listActors',
      'listIncidents:actor',
      'incidentSectors',
    ]);
    expect(waves).toEqual([1, 2, 3]);
    expect(parentIds(statements[1]?.params ?? {})).toEqual(actors);
    expect(ids(statements[2]?.params ?? {})).toEqual(actors.flatMap(incidentsOf));
    // The canned rows come back where they belong: each parent's own children.
    const answer = data as ActorsAnswer;
    expect(
      answer.actors.edges.map(({ node }) => ({
        key: node.key,
        incidents: node.incidents.edges.map((i) => ({
          key: i.node.key,
          sectors: i.node.sectors.map((s) => s.key),
        })),
      })),
    ).toEqual(
      actors.map((key) => ({
        key,
        incidents: incidentsOf(key).map((i) => ({ key: i, sectors: sectorsOf(i) })),
      })),
    );
  });

  it('batches two differently filtered lists of one level apart, each over every parent', async () => {
    const { statements, waves } = await run(`{ actors(first: 3) { edges { node {
      recent: incidents(first: 2, filter: { from: "2022-01-01" }) { ${INCIDENTS} }
      any: incidents(first: 2) { ${INCIDENTS} } } } } }`);
    const lists = statements.filter((s) => s.name === 'listIncidents:actor');
    expect(lists).toHaveLength(2);
    expect(lists.map((s) => parentIds(s.params))).toEqual([actors, actors]);
    expect(lists[0]?.params).not.toEqual(lists[1]?.params);
    // Both lists' incidents are the same six, so their sectors are one batch of six.
    expect(statements.map((s) => s.name)).toEqual([
      'listActors',
      'listIncidents:actor',
      'listIncidents:actor',
      'incidentSectors',
    ]);
    expect(waves).toEqual([1, 2, 2, 3]);
    expect(ids(statements[3]?.params ?? {})).toEqual(actors.flatMap(incidentsOf));
  });

  it('sends one statement for the same list asked twice with the same arguments', async () => {
    const { statements } = await run(`{ actors(first: 3) { edges { node {
      one: incidents(first: 2) { ${INCIDENTS} } two: incidents(first: 2) { ${INCIDENTS} } } } } }`);
    expect(statements.map((s) => s.name)).toEqual([
      'listActors',
      'listIncidents:actor',
      'incidentSectors',
    ]);
  });
});

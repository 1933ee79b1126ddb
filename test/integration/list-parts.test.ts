/* eslint-disable @typescript-eslint/no-unsafe-member-access -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { overlaps, seeds } from '../support/entity-pages.js';
import {
  RecordedRequests,
  RecordingExecutor,
  type Statement,
} from '../support/recording-executor.js';
import { affects, hitsSector, latestFirst } from '../support/seed-facts.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf, type Data } from '../support/server.js';

/*
 * What a list sends for what its client selects, over the seeded database: the page and the
 * count in one statement when both are asked, each alone when only it is, and of each row only
 * the properties the selection reads. The answers are the seed files' whatever is selected.
 */

const RECORDED = 'list-parts-';
const recorded = new RecordedRequests((database, requestId) =>
  requestId.startsWith(RECORDED) ? RecordingExecutor.over(database.executor(requestId)) : null,
);
const seeded = useSeededApi({}, { executorFor: recorded.executorFor });

let sent = 0;
async function run(query: string): Promise<{ data: Data; statements: Statement[] }> {
  sent += 1;
  const requestId = `${RECORDED}${sent}`;
  const data = await dataOf(seeded.api, query, undefined, { 'x-request-id': requestId });
  const statements = recorded
    .take(requestId)
    .recorded.flatMap((r) => (r.kind === 'read' ? [r.statement] : []));
  return { data, statements };
}

const names = (statements: readonly Statement[]) => statements.map((s) => s.name);

/** The nodes of a connection in an answer, as the selection shaped them. */
const nodesOf = <Node>(connection: unknown): Node[] =>
  (connection as { edges: { node: Node }[] }).edges.map((edge) => edge.node);
const keysOf = (connection: unknown): string[] =>
  nodesOf<{ key: string }>(connection).map((node) => node.key);

/** Ukraine's incidents since 2022, as the seed files hold them, newest first. */
const ukraineSince2022: IncidentRecord[] = latestFirst(
  seeds.incidents.filter((i) => affects('UA')(i) && overlaps(i, '2022-01-01')),
);
const UKRAINE = 'filter: { countryCodes: ["UA"], from: "2022-01-01" }';

describe('a list sends what its selection asks for', () => {
  it('the page and totalCount in one statement; each alone when only it is asked; the same totals', async () => {
    const both = await run(
      `{ incidents(${UKRAINE}, first: 3) { totalCount edges { node { key } } } }`,
    );
    expect(names(both.statements)).toEqual(['listAndCountIncidents']);
    expect(both.data.incidents.totalCount).toBe(ukraineSince2022.length);
    expect(keysOf(both.data.incidents)).toEqual(ukraineSince2022.slice(0, 3).map((i) => i.id));

    const count = await run(`{ incidents(${UKRAINE}, first: 3) { totalCount } }`);
    expect(names(count.statements)).toEqual(['countIncidents']);
    expect(count.data.incidents.totalCount).toBe(ukraineSince2022.length);

    const page = await run(`{ incidents(${UKRAINE}, first: 3) { edges { node { key } } } }`);
    expect(names(page.statements)).toEqual(['listIncidents']);
    expect(page.data.incidents.edges).toEqual(both.data.incidents.edges);
  });

  it("a later page's total is the whole list's, and the page follows the one before", async () => {
    const first = await run(
      `{ incidents(${UKRAINE}, first: 2) { totalCount pageInfo { endCursor } edges { node { key } } } }`,
    );
    const after = first.data.incidents.pageInfo.endCursor as string;
    const next = await run(
      `{ incidents(${UKRAINE}, first: 2, after: "${after}") { totalCount edges { node { key } } } }`,
    );
    expect(names(next.statements)).toEqual(['listAndCountIncidents']);
    expect(next.data.incidents.totalCount).toBe(ukraineSince2022.length);
    expect(keysOf(next.data.incidents)).toEqual(ukraineSince2022.slice(2, 4).map((i) => i.id));
  });

  it("nested lists: every parent's page and total in one statement per level", async () => {
    const health = latestFirst(seeds.incidents.filter(hitsSector('health')));
    const energy = latestFirst(seeds.incidents.filter(hitsSector('energy')));
    const { data, statements } = await run(`{
      health: sector(id: "health") { incidents(first: 2) { totalCount edges { node { key } } } }
      energy: sector(id: "energy") { incidents(first: 2) { totalCount edges { node { key } } } } }`);
    expect(names(statements).filter((name) => name.includes('Incidents'))).toEqual([
      'listAndCountIncidents:sector',
    ]);
    for (const [answer, expected] of [
      [data.health, health],
      [data.energy, energy],
    ] as const) {
      expect(answer.incidents.totalCount).toBe(expected.length);
      expect(keysOf(answer.incidents)).toEqual(expected.slice(0, 2).map((i) => i.id));
    }
  });

  it('reads only the properties the selection reads, plus the key and the sort key', async () => {
    const bare = await run(`{ incidents(${UKRAINE}, first: 3) { edges { node { key } } } }`);
    const [list] = bare.statements;
    expect(list?.text).toContain('collect(i {.id, .startDate}) AS rows');
    expect(list?.text).not.toContain('.description');

    const described = await run(
      `{ incidents(${UKRAINE}, first: 3) { edges { node { key description } } } }`,
    );
    expect(described.statements[0]?.text).toContain(
      'collect(i {.id, .startDate, .description}) AS rows',
    );
    expect(
      nodesOf<{ description: string | null }>(described.data.incidents).map((n) => n.description),
    ).toEqual(ukraineSince2022.slice(0, 3).map((i) => i.description ?? null));
  });

  it('crossBorder: page and total in one statement, `reported` worked out only when selected', async () => {
    const LINE = 'actor { key } sector { key } affectedCountry { code } incidentCount';
    const both = await run(`{ crossBorder(first: 3) { totalCount edges { node { ${LINE} } } } }`);
    expect(names(both.statements)).toEqual(['analysis:crossBorderAndCount']);
    expect(both.statements[0]?.text).not.toContain('TARGETS');

    const count = await run(`{ crossBorder(first: 3) { totalCount } }`);
    expect(names(count.statements)).toEqual(['analysis:crossBorderCount']);
    expect(count.data.crossBorder.totalCount).toBe(both.data.crossBorder.totalCount);

    const reported = await run(`{ crossBorder(first: 3) { edges { node { ${LINE} reported } } } }`);
    expect(names(reported.statements)).toEqual(['analysis:crossBorder']);
    expect(reported.statements[0]?.text).toContain('TARGETS');
    expect(
      nodesOf<{ reported: boolean }>(reported.data.crossBorder).map((n) => n.reported),
    ).toEqual([false, false, false]);
    expect(
      nodesOf<Record<string, unknown>>(reported.data.crossBorder).map(
        ({ reported: _, ...line }) => line,
      ),
    ).toEqual(nodesOf(both.data.crossBorder));
  });
});

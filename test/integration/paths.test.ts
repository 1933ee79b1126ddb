/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf } from '../support/server.js';

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;

const seeded = useSeededApi();

const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    paths { nodeIds edgeIds length }
    subgraph { nodes { id type label } edges { id type source target } truncated }
  }
}`;
const paths = async (variables: Record<string, unknown>) =>
  (await dataOf(seeded.api, PATHS, variables)).paths;

const CLAIMS = `query ($id: ID!) { node(id: $id) { ... on Incident {
  attributions { id actor { key } claimedBy confidence status basis assessedAt sources { id } } } } }`;

/** The claims on an incident naming an actor, in claim id order. */
async function claimsOn(incident: string, actor: string): Promise<any[]> {
  const { node } = await dataOf(seeded.api, CLAIMS, { id: incident });
  return node.attributions
    .filter((a: any) => a.actor.key === actor)
    .sort((a: any, b: any) => (a.id < b.id ? -1 : 1));
}

describe('paths', () => {
  it('finds every shortest path from an actor to a sector, through its incidents, in a fixed order', async () => {
    // Worked out from the seed files: Sandworm reaches the electricity sector through each of
    // its incidents that targeted it, two hops each; an incident with several claims naming
    // Sandworm is one path, and each of those claims an edge of the subgraph.
    const incidents = seeds.incidents
      .filter(
        (i) =>
          i.sectorIds.includes('electricity') &&
          i.attributions.some((a) => a.actorId === 'sandworm'),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const expected = incidents.map((i) => i.id);
    const claims = incidents.flatMap((i) => i.attributions.filter((a) => a.actorId === 'sandworm'));
    expect(expected.length).toBeGreaterThan(2);
    expect(claims.length).toBeGreaterThan(expected.length);

    const answer = await paths({ from: 'Actor:sandworm', to: 'Sector:electricity', first: 100 });
    expect(answer.paths.map((p: any) => p.nodeIds)).toEqual(
      expected.map((id) => ['Actor:sandworm', `Incident:${id}`, 'Sector:electricity']),
    );
    expect(answer.paths.every((p: any) => p.length === 2 && p.edgeIds.length === 2)).toBe(true);
    const firstClaim = (await claimsOn(`Incident:${expected[0]}`, 'sandworm'))[0]?.id;
    expect(answer.paths[0].edgeIds).toEqual([
      `ATTRIBUTED_TO:Incident:${expected[0]}->Actor:sandworm#${firstClaim}`,
      `TARGETED:Incident:${expected[0]}->Sector:electricity`,
    ]);
    expect(answer.subgraph.truncated).toBe(false);
    expect(answer.subgraph.nodes).toHaveLength(expected.length + 2);
    expect(answer.subgraph.edges).toHaveLength(claims.length + expected.length);

    const capped = await paths({ from: 'Actor:sandworm', to: 'Sector:electricity', first: 1 });
    expect(capped.paths.map((p: any) => p.nodeIds)).toEqual([
      ['Actor:sandworm', `Incident:${expected[0]}`, 'Sector:electricity'],
    ]);
    expect(capped.subgraph.truncated).toBe(true);
  });

  it('agrees with a plain shortestPath() query on length, and every step is a stored relationship', async () => {
    // The plain query walks what paths walks: not the datasets, which would join any two records
    // one import brought.
    const pairs = [
      ['Actor:sandworm', 'Actor:conti'],
      ['Actor:killnet', 'Country:US'],
      ['Campaign:notpetya-2017', 'Sector:health'],
    ] as const;
    for (const [from, to] of pairs) {
      const [fromType, fromKey] = from.split(':') as [string, string];
      const [toType, toKey] = to.split(':') as [string, string];
      const [plain] = await seeded.database.executor().read(
        cypher<{ hops: number | null }>(
          'test:plainShortestPath',
          `MATCH (a:${fromType}), (b:${toType})
             WHERE coalesce(a.id, a.iso2) = $fromKey AND coalesce(b.id, b.iso2) = $toKey
             OPTIONAL MATCH p = shortestPath((a)-[*..6]-(b))
               WHERE none(n IN nodes(p) WHERE n:Dataset)
             RETURN length(p) AS hops`,
        ),
        { fromKey, toKey },
      );
      const answer = await paths({ from, to, maxHops: 6, first: 20 });
      expect(plain?.hops, `${from} → ${to}`).toBeGreaterThan(0);
      expect(answer.paths.length, `${from} → ${to}`).toBeGreaterThan(0);
      const edges = new Map(answer.subgraph.edges.map((e: any) => [e.id, e]));
      for (const path of answer.paths) {
        expect(path.length).toBe(plain?.hops);
        expect(path.nodeIds[0]).toBe(from);
        expect(path.nodeIds.at(-1)).toBe(to);
        path.edgeIds.forEach((edgeId: string, step: number) => {
          const edge: any = edges.get(edgeId);
          expect([edge.source, edge.target].sort()).toEqual(
            [path.nodeIds[step], path.nodeIds[step + 1]].sort(),
          );
        });
      }
      const orders = answer.paths.map((p: any) => p.nodeIds.join('|'));
      expect(new Set(orders).size).toBe(orders.length);
    }
  });

  it('gives each claim an edge of its own, with the same id in paths and neighborhood', async () => {
    // The seeds hold two claims on WannaCry naming Lazarus: the UK FCO's and the US DOJ's.
    const wannacry = seeds.incidents.find((i) => i.id === '2017-05-wannacry-nhs');
    const lazarusClaims = wannacry?.attributions.filter((a) => a.actorId === 'lazarus-group') ?? [];
    expect(lazarusClaims.map((a) => a.claimedBy).sort()).toEqual([
      'UK Foreign and Commonwealth Office',
      'US DOJ (criminal complaint against Park Jin Hyok)',
    ]);
    const claims = await claimsOn('Incident:2017-05-wannacry-nhs', 'lazarus-group');
    const expected = claims.map((claim) => ({
      id: `ATTRIBUTED_TO:Incident:2017-05-wannacry-nhs->Actor:lazarus-group#${claim.id}`,
      type: 'ATTRIBUTED_TO',
      source: 'Incident:2017-05-wannacry-nhs',
      target: 'Actor:lazarus-group',
      properties: expect.objectContaining({
        claimId: claim.id,
        claimedBy: claim.claimedBy,
        confidence: claim.confidence,
        status: claim.status,
        basis: claim.basis,
        assessedAt: claim.assessedAt,
        sourceIds: claim.sources.map((s: any) => s.id.replace(/^Source:/, '')),
        type: 'ATTRIBUTED_TO',
        weight: 1,
      }),
    }));
    expect(expected).toHaveLength(2);
    const EDGES = 'edges { id type source target properties }';
    const data = await dataOf(
      seeded.api,
      `{ paths(from: "Incident:2017-05-wannacry-nhs", to: "Actor:lazarus-group") {
           paths { nodeIds edgeIds length } subgraph { ${EDGES} } }
         neighborhood(ids: ["Incident:2017-05-wannacry-nhs"], limit: 1000) { ${EDGES} } }`,
    );
    expect(data.paths.subgraph.edges).toEqual(expected);
    expect(data.paths.paths).toEqual([
      {
        nodeIds: ['Incident:2017-05-wannacry-nhs', 'Actor:lazarus-group'],
        edgeIds: [expected[0]?.id],
        length: 1,
      },
    ]);
    const claimEdges = data.neighborhood.edges.filter(
      (e: any) => e.type === 'ATTRIBUTED_TO' && e.target === 'Actor:lazarus-group',
    );
    expect(claimEdges).toEqual(expected);
    // The neighbourhood's edges come in id order, whatever order the database found them in.
    const ids = data.neighborhood.edges.map((e: any) => e.id as string);
    expect(ids).toEqual([...ids].sort());
  });

  it('answers a node with itself as a path of length 0, and no path beyond maxHops as none', async () => {
    const self = await paths({ from: 'Actor:sandworm', to: 'Actor:sandworm' });
    expect(self.paths).toEqual([{ nodeIds: ['Actor:sandworm'], edgeIds: [], length: 0 }]);
    const far = await paths({ from: 'Actor:sandworm', to: 'Actor:conti', maxHops: 1 });
    expect(far.paths).toEqual([]);
    expect(far.subgraph).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it('names the argument that is wrong: hops, page size, malformed or unknown ids', async () => {
    const cases = [
      [{ from: 'Actor:sandworm', to: 'Actor:conti', maxHops: 7 }, 'BAD_USER_INPUT', 'maxHops'],
      [{ from: 'Actor:sandworm', to: 'Actor:conti', first: 0 }, 'BAD_USER_INPUT', 'first'],
      [{ from: 'sandworm', to: 'Actor:conti' }, 'BAD_USER_INPUT', 'from'],
      [{ from: 'Actor:sandworm', to: 'Actor:nobody' }, 'NOT_FOUND', 'to'],
    ] as const;
    for (const [variables, code, argument] of cases) {
      const { error } = await errorOf(seeded.api, PATHS, variables);
      expect(error?.extensions).toMatchObject({ code, argument });
      expect(error?.message).toContain(argument === 'to' ? 'nobody' : argument);
    }
  });
});

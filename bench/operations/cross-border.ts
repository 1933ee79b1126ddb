import type { BenchOperation, CypherRow, Digest } from './types.js';

const FIRST = 50;

interface Line {
  actor: string;
  origin: string | null;
  sector: string;
  country: string;
  incidentCount: number;
}

const lines = (total: number, page: Line[]): Digest => [
  `total ${total}`,
  ...page.map(
    (l) => `${l.actor} (${l.origin ?? '?'}) → ${l.sector} in ${l.country}: ${l.incidentCount}`,
  ),
];

interface OursData {
  crossBorder: {
    totalCount: number;
    edges: {
      node: {
        actor: { name: string };
        origin: { code: string } | null;
        sector: { name: string };
        affectedCountry: { code: string };
        incidentCount: number;
      };
    }[];
  };
}

/** The headline question: which actors hit which sectors in countries other than their origin. */
export const crossBorder: BenchOperation = {
  name: 'crossBorder',
  digestOurs(data) {
    const { totalCount, edges } = (data as OursData).crossBorder;
    return lines(
      totalCount,
      edges.map(({ node }) => ({
        actor: node.actor.name,
        origin: node.origin?.code ?? null,
        sector: node.sector.name,
        country: node.affectedCountry.code,
        incidentCount: node.incidentCount,
      })),
    );
  },
  floor: {
    // Busiest lines first, ties by (actor, sector, country) key; the origin shown is the claim
    // with the highest confidence.
    cypher: `MATCH (i:Incident)-[:ATTRIBUTED_TO]->(a:Actor)
WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
WITH DISTINCT i, a
MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
WITH a, s, v, count(DISTINCT i) AS n
ORDER BY n DESC, a.id + '|' + s.id + '|' + v.iso2
WITH collect({a: a, s: s, v: v, n: n}) AS lines
UNWIND range(0, size(lines[0..$first]) - 1) AS k
WITH size(lines) AS total, k, lines[k] AS line
WITH total, k, line, line.a AS a
RETURN total, a.name AS actor,
       COLLECT { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c.iso2 ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }[0] AS origin,
       line.s.name AS sector, line.v.iso2 AS country, line.n AS incidentCount
ORDER BY k`,
    params: () => ({ first: FIRST }),
    digest(rows: CypherRow[]) {
      const page = rows as unknown as (Line & { total: number })[];
      return lines(page[0]?.total ?? 0, page);
    },
  },
  peer: {
    gap:
      'groups incidents by (actor, sector, affected country) under a condition joining two paths ' +
      "(the affected country is none of the actor's origins); the generated schema filters and " +
      'counts per node, with no group-by, so only an @cypher field (hand-written Cypher) answers it',
  },
};

import { sectorWithSubsectors } from './cypher-fragments.js';
import type { BenchOperation, CypherRow, Digest, GraphQLRequester } from './types.js';

/** Buckets as ours gives them (first day of each year) with one series of counts. */
const lines = (buckets: string[], series: { label: string | null; counts: number[] }[]): Digest => [
  buckets.join(' '),
  ...series.map((s) => `${s.label ?? '-'}: ${s.counts.join(' ')}`),
];

interface OursData {
  timeline: { buckets: string[]; series: { label: string | null; counts: number[] }[] };
}

interface PeerAnswer {
  years: number[];
  counts: number[];
}

const PEER_FILTER = `sectors: { some: { OR: [{ id: { eq: $sector } }, { parent: { some: { id: { eq: $sector } } } }] } }`;

/**
 * The peer has counts (`aggregate { count }`) but no group-by and no min/max of a Date, so a client
 * asks twice: the first and last incident (sorted, one each), then one aliased count per year.
 */
async function peerTimeline(request: GraphQLRequester, sector: string): Promise<PeerAnswer> {
  const span = (await request(
    `query ($sector: ID!) {
      first: incidents(where: { ${PEER_FILTER} }, sort: [{ startDate: ASC }], limit: 1) { startDate }
      last: incidents(where: { ${PEER_FILTER} }, sort: [{ startDate: DESC }], limit: 1) { startDate }
    }`,
    { sector },
  )) as { first: { startDate: string }[]; last: { startDate: string }[] };
  const [first] = span.first;
  const [last] = span.last;
  if (!first || !last) return { years: [], counts: [] };
  const years: number[] = [];
  for (let y = Number(first.startDate.slice(0, 4)); y <= Number(last.startDate.slice(0, 4)); y += 1)
    years.push(y);
  const fields = years.map(
    (y) =>
      `y${y}: incidentsConnection(where: { ${PEER_FILTER}, startDate: { gte: "${y}-01-01", lt: "${y + 1}-01-01" } }) { aggregate { count { nodes } } }`,
  );
  const counted = (await request(`query ($sector: ID!) { ${fields.join('\n')} }`, {
    sector,
  })) as Record<string, { aggregate: { count: { nodes: number } } }>;
  return { years, counts: years.map((y) => counted[`y${y}`]?.aggregate.count.nodes ?? 0) };
}

/** Incidents in a sector (with its sub-sectors) per year, every year from the first to the last. */
export const timeline: BenchOperation = {
  name: 'timeline',
  digestOurs(data) {
    const { buckets, series } = (data as OursData).timeline;
    return lines(buckets, series);
  },
  floor: {
    // From the sector and its sub-sectors to their incidents, each counted once.
    cypher: `${sectorWithSubsectors}
UNWIND sectors AS s
MATCH (s)<-[:TARGETED]-(i:Incident)
WITH DISTINCT i
WITH i.startDate.year AS year, count(*) AS n
ORDER BY year
WITH collect({year: year, n: n}) AS points
WITH points, range(points[0].year, points[-1].year) AS years
RETURN [y IN years | toString(date({year: y}))] AS buckets,
       [y IN years | coalesce([p IN points WHERE p.year = y | p.n][0], 0)] AS counts`,
    params: (s) => ({ sector: s.sectorId }),
    digest(rows: CypherRow[]) {
      const row = rows[0] as { buckets: string[]; counts: number[] };
      return lines(row.buckets, [{ label: 'all', counts: row.counts }]);
    },
  },
  peer: {
    ask: (request, s) => peerTimeline(request, s.sectorId),
    digest(answer) {
      const { years, counts } = answer as PeerAnswer;
      return lines(
        years.map((y) => `${y}-01-01`),
        [{ label: 'all', counts }],
      );
    },
  },
};

import { formatPartialDate } from '../../src/domain/partial-date.js';
import type { DatePrecision } from '../../src/domain/vocabulary.js';
import { reportedDate, sectorWithSubsectors } from './cypher-fragments.js';
import { bareKey, type BenchOperation, type CypherRow } from './types.js';

const FIRST = 50;
const FROM = '2015-01-01';

interface OursData {
  incidents: { totalCount: number; edges: { node: { id: string; date: string } }[] };
}

interface PeerData {
  incidentsConnection: {
    totalCount: number;
    edges: { node: { id: string; startDate: string; datePrecision: DatePrecision } }[];
  };
}

const lines = (total: number, page: { id: string; date: string }[]) => [
  `total ${total}`,
  ...page.map((i) => `${i.id} ${i.date}`),
];

/** Incidents in a sector (with its sub-sectors) and a country since 2015, newest first. */
export const incidentList: BenchOperation = {
  name: 'incidents: filtered, sorted list',
  digestOurs(data) {
    const { totalCount, edges } = (data as OursData).incidents;
    return lines(
      totalCount,
      edges.map(({ node }) => ({ id: bareKey(node.id), date: node.date })),
    );
  },
  floor: {
    // From the country's incidents (one country is hit by a small share of all incidents), the
    // count over all of them and the newest page by a top-k sort.
    cypher: `${sectorWithSubsectors}
MATCH (:Country {iso2: $country})<-[:AFFECTED]-(i:Incident)
WHERE i.endDate >= date($from) AND EXISTS { MATCH (i)-[:TARGETED]->(s:Sector) WHERE s IN sectors }
WITH collect(DISTINCT i) AS matched
RETURN size(matched) AS totalCount,
       COLLECT {
         UNWIND matched AS i
         WITH i ORDER BY i.startDate DESC, i.id DESC LIMIT toInteger($first)
         RETURN i {.id, .title, .attackTypes, date: ${reportedDate('i')}}
       } AS page`,
    params: (s) => ({ sector: s.sectorId, country: s.countryCode, from: FROM, first: FIRST }),
    digest(rows: CypherRow[]) {
      const row = rows[0] as { totalCount: number; page: { id: string; date: string }[] };
      return lines(row.totalCount, row.page);
    },
  },
  peer: {
    async ask(request, s) {
      return request(
        `query ($sector: ID!, $country: ID!, $from: Date!, $first: Int!) {
          incidentsConnection(
            first: $first
            where: {
              endDate: { gte: $from }
              sectors: { some: { OR: [{ id: { eq: $sector } }, { parent: { some: { id: { eq: $sector } } } }] } }
              countries: { some: { iso2: { eq: $country } } }
            }
            sort: [{ startDate: DESC }, { id: DESC }]
          ) {
            totalCount
            edges { node { id title startDate datePrecision attackTypes } }
          }
        }`,
        { sector: s.sectorId, country: s.countryCode, from: FROM, first: FIRST },
      );
    },
    digest(answer) {
      const { totalCount, edges } = (answer as PeerData).incidentsConnection;
      return lines(
        totalCount,
        edges.map(({ node }) => ({
          id: node.id,
          date: formatPartialDate(node.startDate, node.datePrecision),
        })),
      );
    },
  },
};

import { formatPartialDate } from '../../src/domain/partial-date.js';
import type { DatePrecision } from '../../src/domain/vocabulary.js';
import { reportedDate } from './cypher-fragments.js';
import type { BenchOperation, CypherRow, Digest } from './types.js';

const FIRST = 50;

interface IncidentLine {
  title: string;
  date: string;
  sectors: string[];
  countries: { primary: boolean; name: string; region: string | null }[];
}

/** One line per incident; sectors and countries sorted, since only ours promises their order. */
const lines = (name: string, incidents: IncidentLine[]): Digest => [
  name,
  ...incidents.map(
    (i) =>
      `${i.title} ${i.date} | ${[...i.sectors].sort().join(', ')} | ${i.countries
        .map((c) => `${c.primary ? '*' : ''}${c.name} (${c.region ?? '-'})`)
        .sort()
        .join(', ')}`,
  ),
];

interface OursData {
  actor: {
    name: string;
    incidents: {
      edges: {
        node: {
          title: string;
          date: string;
          sectors: { name: string }[];
          countries: { primary: boolean; country: { name: string; region: string | null } }[];
        };
      }[];
    };
  };
}

interface PeerData {
  actors: {
    name: string;
    incidents: {
      title: string;
      startDate: string;
      datePrecision: DatePrecision;
      sectors: { name: string }[];
      countriesConnection: {
        edges: {
          properties: { primary: boolean };
          node: { name: string; region: string | null };
        }[];
      };
    }[];
  }[];
}

/** An actor's 50 latest incidents, each with its sectors and affected countries: 4 levels. */
export const actorNested: BenchOperation = {
  name: 'actor → incidents → sectors, countries (4 levels)',
  digestOurs(data) {
    const { actor } = data as OursData;
    return lines(
      actor.name,
      actor.incidents.edges.map(({ node }) => ({
        title: node.title,
        date: node.date,
        sectors: node.sectors.map((s) => s.name),
        countries: node.countries.map((c) => ({ primary: c.primary, ...c.country })),
      })),
    );
  },
  floor: {
    cypher: `MATCH (a:Actor {id: $actor})
CALL (a) {
  MATCH (i:Incident)-[:ATTRIBUTED_TO]->(a)
  WITH DISTINCT i ORDER BY i.startDate DESC, i.id DESC LIMIT toInteger($first)
  RETURN collect(i {
    .title,
    date: ${reportedDate('i')},
    sectors: COLLECT { MATCH (i)-[:TARGETED]->(s:Sector) RETURN s.name },
    countries: COLLECT {
      MATCH (i)-[r:AFFECTED]->(c:Country)
      RETURN {primary: coalesce(r.primary, false), name: c.name, region: c.region}
    }
  }) AS incidents
}
RETURN a.name AS name, incidents`,
    params: (s) => ({ actor: s.actorId, first: FIRST }),
    digest(rows: CypherRow[]) {
      const row = rows[0] as { name: string; incidents: IncidentLine[] };
      return lines(row.name, row.incidents);
    },
  },
  peer: {
    async ask(request, s) {
      return request(
        `query ($actor: ID!, $first: Int!) {
          actors(where: { id: { eq: $actor } }) {
            name
            incidents(limit: $first, sort: [{ startDate: DESC }, { id: DESC }]) {
              title startDate datePrecision
              sectors { name }
              countriesConnection { edges { properties { primary } node { name region } } }
            }
          }
        }`,
        { actor: s.actorId, first: FIRST },
      );
    },
    digest(answer) {
      const [actor] = (answer as PeerData).actors;
      if (!actor) return ['no actor'];
      return lines(
        actor.name,
        actor.incidents.map((i) => ({
          title: i.title,
          date: formatPartialDate(i.startDate, i.datePrecision),
          sectors: i.sectors.map((s) => s.name),
          countries: i.countriesConnection.edges.map((e) => ({
            primary: e.properties.primary,
            ...e.node,
          })),
        })),
      );
    },
  },
};

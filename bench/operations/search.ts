import type { BenchOperation, CypherRow, Digest } from './types.js';

const FIRST = 20;

interface Hit {
  type: 'Actor' | 'Incident';
  label: string;
  score: number;
}

/**
 * Hits in order with their scores, those tied at the page's lowest score only counted: which of
 * many equally scored matches fill the last places is the engine's choice (a prefix search scores
 * every match alike), not part of the answer.
 */
const lines = (hits: Hit[]): Digest => {
  if (hits.length === 0) return ['no hits'];
  const lowest = Math.min(...hits.map((h) => h.score));
  const above = hits.filter((h) => h.score > lowest);
  return [
    ...above.map((h) => `${h.type}: ${h.label} (${h.score.toFixed(4)})`),
    `${hits.length - above.length} more at ${lowest.toFixed(4)}`,
  ];
};

/** Every word matches whole or as a prefix, as ours reads a search text; subjects are plain words. */
export function prefixQuery(text: string): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.some((w) => !/^[\p{L}\p{N}]+$/u.test(w)))
    throw new Error(`search subject "${text}" must be plain words (no Lucene syntax to escape)`);
  return words.map((w) => `${w}*`).join(' AND ');
}

interface OursData {
  search: {
    score: number;
    node: { __typename: 'Actor'; name: string } | { __typename: 'Incident'; title: string };
  }[];
}

interface PeerHit {
  score: number;
  node: { id: string; name?: string; title?: string };
}
interface PeerData {
  searchActors: { edges: PeerHit[] };
  searchIncidents: { edges: PeerHit[] };
}

/** Full-text search over actor names and incident titles, best first, actors and incidents mixed. */
export const search: BenchOperation = {
  name: 'search',
  digestOurs(data) {
    return lines(
      (data as OursData).search.map(({ score, node }) =>
        node.__typename === 'Actor'
          ? { type: 'Actor', label: node.name, score }
          : { type: 'Incident', label: node.title, score },
      ),
    );
  },
  floor: {
    cypher: `CALL () {
  CALL db.index.fulltext.queryNodes('actor_search', $query, {limit: toInteger($first)}) YIELD node, score
  RETURN 'Actor' AS type, node.id AS id, node.name AS label, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('incident_search', $query, {limit: toInteger($first)}) YIELD node, score
  RETURN 'Incident' AS type, node.id AS id, node.title AS label, score
}
RETURN type, label, score ORDER BY score DESC, id LIMIT toInteger($first)`,
    params: (s) => ({ query: prefixQuery(s.searchText), first: FIRST }),
    digest: (rows: CypherRow[]) => lines(rows as unknown as Hit[]),
  },
  peer: {
    // Two generated full-text fields, one per index; the client merges them by score.
    ask: (request, s) =>
      request(
        `query ($phrase: String!, $first: Int!) {
          searchActors(phrase: $phrase, first: $first) { edges { score node { id name } } }
          searchIncidents(phrase: $phrase, first: $first) { edges { score node { id title } } }
        }`,
        { phrase: prefixQuery(s.searchText), first: FIRST },
      ),
    digest(answer) {
      const data = answer as PeerData;
      const hits = [
        ...data.searchActors.edges.map((e) => ({ ...e, type: 'Actor' as const })),
        ...data.searchIncidents.edges.map((e) => ({ ...e, type: 'Incident' as const })),
      ]
        .sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : 1))
        .slice(0, FIRST);
      return lines(
        hits.map((h) => ({
          type: h.type,
          label: h.node.name ?? h.node.title ?? '',
          score: h.score,
        })),
      );
    },
  },
};

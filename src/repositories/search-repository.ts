import { cypher, type Executor } from '../db/database.js';

export interface SearchRow {
  type: 'ACTOR' | 'INCIDENT';
  id: string;
  score: number;
}

/**
 * Lucene treats + - && || ! ( ) { } [ ] ^ " ~ * ? : \ / as syntax; user text is plain words, so
 * each is escaped and every word may match as a prefix ("sandw" finds Sandworm).
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter((w) => w !== '');
  return words.length === 0 ? null : words.map((w) => `${w}*`).join(' AND ');
}

const SEARCH = cypher<SearchRow>(
  'search',
  `CALL () {
     CALL db.index.fulltext.queryNodes('actor_search', $query, {limit: toInteger($limit)}) YIELD node, score
     WHERE 'ACTOR' IN $types
     RETURN 'ACTOR' AS type, node.id AS id, score
     UNION ALL
     CALL db.index.fulltext.queryNodes('incident_search', $query, {limit: toInteger($limit)}) YIELD node, score
     WHERE 'INCIDENT' IN $types
     RETURN 'INCIDENT' AS type, node.id AS id, score
   }
   RETURN type, id, score ORDER BY score DESC, id LIMIT toInteger($limit)`,
);

export async function search(
  executor: Executor,
  text: string,
  types: string[],
  limit: number,
): Promise<SearchRow[]> {
  const query = luceneQuery(text);
  if (query === null || limit === 0) return [];
  return executor.read(SEARCH, { query, types, limit });
}

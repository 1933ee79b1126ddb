import { cypher, type Executor } from '../db/database.js';
import { appError, ErrorCode } from '../errors.js';
import type { ActorRow, IncidentRow } from './rows.js';

/** A hit with its node's stored fields, so nobody needs to load it again. */
export type SearchRow = { id: string; score: number } & (
  { type: 'ACTOR'; row: ActorRow } | { type: 'INCIDENT'; row: IncidentRow }
);

/**
 * Most words a search text may have. Each word is one Lucene clause, and Lucene refuses a query
 * of more than 1,024 clauses with an error the API could only report as internal; no real search
 * comes near this, so a longer text is refused up front as the client's mistake.
 */
export const MAX_SEARCH_WORDS = 100;

/**
 * Longest word a search may have: the index's tokenizer keeps tokens of at most 255 characters, so
 * a longer prefix can match nothing, and from about 1,000 characters Lucene fails the query ("input
 * automaton is too large") with an error the API could only report as internal.
 */
export const MAX_SEARCH_WORD_LENGTH = 255;

/**
 * Lucene treats + - && || ! ( ) { } [ ] ^ " ~ * ? : \ / as syntax; user text is plain words, so
 * each is escaped and every word may match as a prefix ("sandw" finds Sandworm). `argument` names
 * the text in the BAD_USER_INPUT for a text beyond MAX_SEARCH_WORDS or MAX_SEARCH_WORD_LENGTH.
 */
export function luceneQuery(text: string, argument = 'text'): string | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length > MAX_SEARCH_WORDS)
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}" has ${words.length} words; a search takes at most ${MAX_SEARCH_WORDS}.`,
      { argument, maximum: MAX_SEARCH_WORDS, actual: words.length },
    );
  const longest = Math.max(0, ...words.map((w) => w.length));
  if (longest > MAX_SEARCH_WORD_LENGTH)
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}" has a word of ${longest} characters; a search word has at most ${MAX_SEARCH_WORD_LENGTH}.`,
      { argument, maximum: MAX_SEARCH_WORD_LENGTH, actual: longest },
    );
  return words.length === 0
    ? null
    : words.map((w) => `${w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')}*`).join(' AND ');
}

const SEARCH = cypher<SearchRow>(
  'search',
  `CALL () {
     CALL db.index.fulltext.queryNodes('actor_search', $query, {limit: toInteger($limit)}) YIELD node, score
     WHERE 'ACTOR' IN $types
     RETURN 'ACTOR' AS type, node, node.id AS id, score
     UNION ALL
     CALL db.index.fulltext.queryNodes('incident_search', $query, {limit: toInteger($limit)}) YIELD node, score
     WHERE 'INCIDENT' IN $types
     RETURN 'INCIDENT' AS type, node, node.id AS id, score
   }
   WITH type, node, id, score ORDER BY score DESC, id LIMIT toInteger($limit)
   RETURN type, id, score, node {.*} AS row`,
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

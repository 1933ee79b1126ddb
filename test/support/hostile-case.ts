/**
 * The shape of a case in the hostile-request corpus (test/reliability/hostile-requests.test.ts),
 * so that each area's cases can live in a module of their own under test/reliability/hostile/.
 */

export interface HostileRequest {
  method?: 'GET' | 'POST' | 'PUT';
  /** Path and query string, relative to the server. */
  path?: string;
  headers?: Record<string, string>;
  /** A string is sent as UTF-8; bytes as they are (fetch then sets no content type). */
  body?: string | Uint8Array;
}

/** What counts as refused. */
export type Refusal =
  /**
   * Exactly this HTTP status, and, when given, this `extensions.code` on the first error; the
   * answer carries no data. A 200 is a refusal too when an argument check failed in execution.
   */
  | { readonly status: number; readonly code?: string }
  /**
   * Injection strings are well-formed requests: each root field must be null or empty, or have
   * failed with a client error (one that says what was wrong with the argument).
   */
  | 'nothing found';

export interface HostileCase {
  readonly name: string;
  readonly request: () => HostileRequest;
  readonly refusal: Refusal;
  /**
   * The request reaches Cypher, so it is sent twice and the second answer is timed (both must be
   * refusals, the first within GIVE_UP_AFTER_MS). Neo4j keys its plan cache by the size class of
   * each string parameter, so the first query with a string of a new length plans the query anew;
   * for the attribution query that alone takes over a second on a busy machine, while the budget
   * is meant to measure how the server treats hostile input.
   */
  readonly reachesCypher?: boolean;
}

export const json = (payload: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(payload),
});
export const query = (text: string, variables?: Record<string, unknown>) =>
  json({ query: text, variables });

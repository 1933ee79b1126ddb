import type { Subjects } from '../query-mix.js';

/**
 * What an answer boils down to when the three columns are compared: the same lines mean the same
 * answer. Each operation picks lines that any correct answer shares (keys, counts, order), not
 * incidental shape (a global id versus a bare key, a date object versus its string).
 */
export type Digest = string[];

/** A Cypher result row as the driver gives it with `disableLosslessIntegers`. */
export type CypherRow = Record<string, unknown>;

/** Sends one GraphQL request and resolves with its `data`; rejects on any error. */
export type GraphQLRequester = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<unknown>;

/** The floor: the same answer from one hand-written Cypher statement, straight through the driver. */
export interface FloorQuery {
  cypher: string;
  params(subjects: Subjects): Record<string, unknown>;
  digest(rows: CypherRow[]): Digest;
}

/**
 * The peer: what a client of @neo4j/graphql sends to get the same answer, usually one request,
 * sometimes several when the generated schema needs the client to do part of the work.
 */
export interface PeerQuery {
  ask(request: GraphQLRequester, subjects: Subjects): Promise<unknown>;
  digest(answer: unknown): Digest;
}

/** Why the peer cannot express an operation without hand-written Cypher (an @cypher field). */
export interface PeerGap {
  gap: string;
}

/** One operation of the query mix, measured three ways. */
export interface BenchOperation {
  /** The operation's name in queryMix. */
  name: string;
  digestOurs(data: unknown): Digest;
  floor: FloorQuery;
  peer: PeerQuery | PeerGap;
}

export const isPeerGap = (peer: PeerQuery | PeerGap): peer is PeerGap => 'gap' in peer;

/** `Incident:inc-0000042` → `inc-0000042`: our ids are global, the others' are bare keys. */
export const bareKey = (id: string): string => id.slice(id.indexOf(':') + 1);

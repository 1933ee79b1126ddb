import type { CypherQuery, Executor, QueryParams, Transaction } from '../../src/db/database.js';

/** A statement as the data layer sent it. */
export interface Sent {
  readonly name: string;
  readonly text: string;
  readonly params: QueryParams;
}

/** What the stand-in database answers to a statement: rows, by the statement's name and values. */
export type Answer = (sent: Sent) => unknown[];

/**
 * An executor that records every statement and answers from `answer` instead of a database, so
 * a test sees the Cypher and the parameters a call sends and how many round trips it takes.
 */
export class RecordingExecutor implements Executor {
  readonly id = 'recording';
  readonly sent: Sent[] = [];

  constructor(private readonly answer: Answer = () => []) {}

  get roundTrips(): number {
    return this.sent.length;
  }

  read<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    return this.#run(query, params);
  }

  write<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    return this.#run(query, params);
  }

  writeTransaction<T>(_name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return work({ run: (query, params = {}) => this.#run(query, params) });
  }

  /** The names of the statements sent, in order. */
  get names(): string[] {
    return this.sent.map((s) => s.name);
  }

  #run<Row>(query: CypherQuery<Row>, params: QueryParams): Promise<Row[]> {
    const sent = { name: query.name, text: query.text, params };
    this.sent.push(sent);
    // The stand-in answers what the test says the statement returns.
    return Promise.resolve(this.answer(sent) as Row[]);
  }
}

import type {
  CypherQuery,
  Database,
  Executor,
  QueryParams,
  Transaction,
} from '../../src/db/database.js';

/** One statement as the data layer sent it; the parameters as they were when it was sent. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  readonly params: QueryParams;
}

/**
 * What a recorder saw, in the order it was sent. `wave` numbers the rounds in which statements
 * left together (see RecordingExecutor): one per level of a GraphQL query.
 */
export type Recorded =
  | { readonly kind: 'read' | 'write'; readonly wave: number; readonly statement: Statement }
  | {
      readonly kind: 'transaction';
      readonly wave: number;
      readonly name: string;
      readonly statements: readonly Statement[];
    };

/** Canned rows for a statement (chosen by its name): a recorder with no database behind it. */
export type Responder = (statement: Statement) => readonly unknown[];

/** Where a recorder's statements get their rows. */
interface Answers {
  run<Row>(kind: 'read' | 'write', query: CypherQuery<Row>, params: QueryParams): Promise<Row[]>;
  transaction<T>(
    kind: 'read' | 'write',
    name: string,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T>;
}

const fromExecutor = (executor: Executor): Answers => ({
  run: (kind, query, params) =>
    kind === 'read' ? executor.read(query, params) : executor.write(query, params),
  transaction: (kind, name, work) =>
    kind === 'read' ? executor.readTransaction(name, work) : executor.writeTransaction(name, work),
});

const fromResponder = (responder: Responder): Answers => {
  const answer = <Row>(query: CypherQuery<Row>, params: QueryParams): Promise<Row[]> =>
    // The canned rows stand for the statement's row type: the test that writes them answers for
    // their shape, as the database answers for a real statement's.
    Promise.resolve([...responder(statementOf(query, params))] as Row[]);
  return {
    run: (_kind, query, params) => answer(query, params),
    transaction: (_kind, _name, work) =>
      work({ run: (query, params = {}) => answer(query, params) }),
  };
};

const statementOf = <Row>(query: CypherQuery<Row>, params: QueryParams): Statement => ({
  name: query.name,
  text: query.text,
  // A copy: a caller that goes on changing its parameter object must not change the record.
  params: structuredClone(params),
});

/** Starts one held statement and returns how to hand its outcome to its caller. */
type Held = (wave: number) => Promise<() => void>;

/**
 * An executor that records every statement (and every transaction with its statements) and
 * answers it from another executor or from canned rows.
 *
 * It holds each statement until the event loop has nothing else to do, then sends everything held
 * as one wave and hands the answers back together, in the order they were asked for. So all that
 * one level of a GraphQL query asks (its DataLoader batches, its sibling fields' queries) leaves in
 * one wave, and the next level starts only once the whole level has its rows: which statements a
 * request sends, their order and their batches no longer depend on which answer came back first,
 * and the record is the same on every run.
 */
export class RecordingExecutor implements Executor {
  readonly #answers: Answers;
  readonly #recorded: Recorded[] = [];
  #held: Held[] = [];
  #waves = 0;
  #roundTrips = 0;

  private constructor(
    readonly id: string,
    answers: Answers,
  ) {
    this.#answers = answers;
  }

  /** Records, and lets `executor` (the database's, say) answer. */
  static over(executor: Executor): RecordingExecutor {
    return new RecordingExecutor(executor.id, fromExecutor(executor));
  }

  /** Records, and answers with `responder`'s rows: no database at all. */
  static answering(id: string, responder: Responder): RecordingExecutor {
    return new RecordingExecutor(id, fromResponder(responder));
  }

  get roundTrips(): number {
    return this.#roundTrips;
  }

  /** Everything sent so far, in order. */
  get recorded(): readonly Recorded[] {
    return this.#recorded;
  }

  /** Every statement sent so far, those of transactions included, in order. */
  get sent(): readonly Statement[] {
    return this.#recorded.flatMap((entry) =>
      entry.kind === 'transaction' ? entry.statements : [entry.statement],
    );
  }

  /** The names of the statements sent so far, in order. */
  get names(): string[] {
    return this.sent.map((statement) => statement.name);
  }

  read<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    return this.#statement('read', query, params);
  }

  write<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    return this.#statement('write', query, params);
  }

  readTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#transaction('read', name, work);
  }

  writeTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#transaction('write', name, work);
  }

  #transaction<T>(
    kind: 'read' | 'write',
    name: string,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.#hold((wave) => {
      const statements: Statement[] = [];
      this.#recorded.push({ kind: 'transaction', wave, name, statements });
      return this.#answers.transaction(kind, name, (tx) =>
        work({
          run: <Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> => {
            statements.push(statementOf(query, params));
            this.#roundTrips += 1;
            return tx.run(query, params);
          },
        }),
      );
    });
  }

  #statement<Row>(
    kind: 'read' | 'write',
    query: CypherQuery<Row>,
    params: QueryParams,
  ): Promise<Row[]> {
    const statement = statementOf(query, params);
    return this.#hold((wave) => {
      this.#recorded.push({ kind, wave, statement });
      this.#roundTrips += 1;
      return this.#answers.run(kind, query, params);
    });
  }

  #hold<T>(send: (wave: number) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve) => {
      this.#held.push(async (wave) => {
        // Called at once, in the order held; a throw becomes the answer's rejection.
        const answer = (async () => send(wave))();
        await answer.catch(() => undefined);
        // Resolving with the settled answer passes its value or its rejection on as it is.
        return () => {
          resolve(answer);
        };
      });
      // setImmediate runs once the pending promise jobs and DataLoader's batch dispatches
      // (process.nextTick) are done: everything this level asks for is held by then.
      if (this.#held.length === 1) setImmediate(() => void this.#sendWave());
    });
  }

  async #sendWave(): Promise<void> {
    const wave = this.#held;
    this.#held = [];
    this.#waves += 1;
    const number = this.#waves;
    const settlers = await Promise.all(wave.map((send) => send(number)));
    for (const settle of settlers) settle();
  }
}

/**
 * The recorders of a server's requests, by request id: its `executorFor` makes one for each
 * request `record` picks (the others run on the database's executor, as in production).
 */
export class RecordedRequests {
  readonly #byRequest = new Map<string, RecordingExecutor>();

  constructor(
    private readonly record: (database: Database, requestId: string) => RecordingExecutor | null,
  ) {}

  readonly executorFor = (database: Database, requestId: string): Executor => {
    const recorder = this.record(database, requestId);
    if (!recorder) return database.executor(requestId);
    this.#byRequest.set(requestId, recorder);
    return recorder;
  };

  /** The recorder of a finished request, handed out once. */
  take(requestId: string): RecordingExecutor {
    const recorder = this.#byRequest.get(requestId);
    if (!recorder) throw new Error(`request ${requestId} went through no recorder`);
    this.#byRequest.delete(requestId);
    return recorder;
  }
}

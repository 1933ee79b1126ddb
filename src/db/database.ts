import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Logger } from 'pino';
import { fromDatabaseError } from '../errors.js';
import { createDriver, type DriverSettings } from './driver.js';
import { toPlain } from './values.js';

/**
 * A named Cypher statement. The name travels as transaction metadata (visible in
 * `SHOW TRANSACTIONS` and the query log) and the type parameter states the row shape.
 */
export interface CypherQuery<Row> {
  readonly name: string;
  readonly text: string;
  /** Never set: carries the row type from the constant to its callers. */
  readonly __row?: Row;
}

export function cypher<Row>(name: string, text: string): CypherQuery<Row> {
  return { name, text };
}

export type QueryParams = Record<string, unknown>;
export type AccessMode = 'READ' | 'WRITE';

/** The statements of one transaction (see Executor.writeTransaction). */
export interface Transaction {
  run<Row>(query: CypherQuery<Row>, params?: QueryParams): Promise<Row[]>;
}

export interface DatabaseSettings extends DriverSettings {
  database: string;
  txTimeoutMs: number;
}

export type Readiness = { ready: true; serverVersion: string } | { ready: false; reason: string };

/**
 * Owns the driver: every session, transaction timeout, metadata and error translation goes
 * through here, so no other module opens a session or sees a raw driver error.
 */
export class Database {
  readonly #driver: Driver;
  readonly #settings: DatabaseSettings;
  readonly #log: Logger;

  constructor(settings: DatabaseSettings, log: Logger) {
    this.#settings = settings;
    this.#log = log;
    this.#driver = createDriver(settings, log);
  }

  get name(): string {
    return this.#settings.database;
  }

  /** One unit of work (a request, a CLI command) with its own id and round-trip count. */
  executor(unitOfWorkId: string = randomUUID()): Executor {
    return new DatabaseExecutor(this, unitOfWorkId);
  }

  async run<Row>(
    mode: AccessMode,
    query: CypherQuery<Row>,
    params: QueryParams,
    unitOfWorkId: string,
  ): Promise<Row[]> {
    return this.transaction(mode, query.name, (tx) => tx.run(query, params), unitOfWorkId);
  }

  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws. On a
   * transient failure (a deadlock, a lost leader) the driver rolls back and runs `work` again from
   * the start, so whatever it read and checked is read and checked again.
   */
  async transaction<T>(
    mode: AccessMode,
    name: string,
    work: (tx: Transaction) => Promise<T>,
    unitOfWorkId: string,
  ): Promise<T> {
    const session = this.#driver.session({
      database: this.#settings.database,
      defaultAccessMode: mode,
    });
    const inTransaction = (tx: ManagedTransaction): Promise<T> =>
      work({
        async run<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
          const result = await tx.run(query.text, params);
          return result.records.map((record) => toPlain(record.toObject()) as Row);
        },
      });
    const config = {
      timeout: this.#settings.txTimeoutMs,
      metadata: { app: 'cyber-incident-graph', query: name, requestId: unitOfWorkId },
    };
    try {
      return mode === 'READ'
        ? await session.executeRead(inTransaction, config)
        : await session.executeWrite(inTransaction, config);
    } catch (error) {
      const mapped = fromDatabaseError(error);
      if (mapped) {
        this.#log.warn({ err: error, query: name, requestId: unitOfWorkId }, mapped.message);
        throw mapped;
      }
      throw error;
    } finally {
      await session.close();
    }
  }

  /** Answers whether the database serves queries now; never throws. */
  async readiness(): Promise<Readiness> {
    try {
      const info = await this.#driver.getServerInfo({ database: this.#settings.database });
      return { ready: true, serverVersion: info.agent ?? 'unknown' };
    } catch (error) {
      return { ready: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }
}

/**
 * What the data layer runs its statements through: one unit of work's reads, writes and write
 * transactions. An interface, so that a test can stand a recording executor in for the database
 * and see every statement and its parameters.
 */
export interface Executor {
  readonly id: string;
  /** Statements sent so far (tests assert on the count: batching keeps it bounded by depth). */
  readonly roundTrips: number;
  read<Row>(query: CypherQuery<Row>, params?: QueryParams): Promise<Row[]>;
  write<Row>(query: CypherQuery<Row>, params?: QueryParams): Promise<Row[]>;
  /** Reads that must see one state of the graph (a ranking's two phases), in one transaction. */
  readTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  writeTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** The executor over the database: each statement in a transaction of its own. */
class DatabaseExecutor implements Executor {
  #roundTrips = 0;

  constructor(
    private readonly database: Database,
    readonly id: string,
  ) {}

  get roundTrips(): number {
    return this.#roundTrips;
  }

  read<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    this.#roundTrips += 1;
    return this.database.run('READ', query, params, this.id);
  }

  write<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    this.#roundTrips += 1;
    return this.database.run('WRITE', query, params, this.id);
  }

  readTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#transaction('READ', name, work);
  }

  writeTransaction<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#transaction('WRITE', name, work);
  }

  #transaction<T>(
    mode: AccessMode,
    name: string,
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.database.transaction(
      mode,
      name,
      (tx) =>
        work({
          run: (query, params) => {
            this.#roundTrips += 1;
            return tx.run(query, params);
          },
        }),
      this.id,
    );
  }
}

import { cypher, type Executor } from './database.js';
import { nodeKeys } from './graph-model.js';

/**
 * The schema of the graph model (see docs/architecture.md): one uniqueness constraint per key,
 * range indexes on what is filtered or sorted, full-text indexes for search. Every statement is
 * idempotent (`IF NOT EXISTS`) and named, so running the list again changes nothing and a
 * reviewer can match `SHOW CONSTRAINTS` / `SHOW INDEXES` output to this file line by line.
 */
const uniqueKeys = Object.entries(nodeKeys);

const rangeIndexes: ReadonlyArray<readonly [label: string, property: string]> = [
  ['Actor', 'name'],
  ['Actor', 'type'],
  ['Incident', 'startDate'],
  ['Incident', 'endDate'],
  ['Sector', 'name'],
  ['Country', 'iso3'],
  ['Country', 'name'],
  ['Organization', 'name'],
  ['Campaign', 'name'],
  ['Campaign', 'startDate'],
  ['Source', 'url'],
  ['Change', 'entityKey'],
];

const fullTextIndexes: ReadonlyArray<
  readonly [name: string, label: string, properties: readonly string[]]
> = [
  ['actor_search', 'Actor', ['name', 'aliases']],
  ['incident_search', 'Incident', ['title', 'description']],
];

export interface Migration {
  readonly name: string;
  readonly statement: string;
}

const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export const migrations: readonly Migration[] = [
  ...uniqueKeys.map(([label, property]) => {
    const name = `${snake(label)}_${snake(property)}_unique`;
    return {
      name,
      statement: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${property} IS UNIQUE`,
    };
  }),
  // The audit trail is not part of the graph model (it never enters traversals) but is keyed alike.
  {
    name: 'change_id_unique',
    statement:
      'CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
  },
  // So are the datasets, the records of what each import brought.
  {
    name: 'dataset_id_unique',
    statement:
      'CREATE CONSTRAINT dataset_id_unique IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE',
  },
  // And the attribution ranking's per-actor target profiles, derived from the claims.
  {
    name: 'target_profile_actor_id_unique',
    statement:
      'CREATE CONSTRAINT target_profile_actor_id_unique IF NOT EXISTS FOR (n:TargetProfile) REQUIRE n.actorId IS UNIQUE',
  },
  {
    name: 'target_profile_rows_actor_id_unique',
    statement:
      'CREATE CONSTRAINT target_profile_rows_actor_id_unique IF NOT EXISTS FOR (n:TargetProfileRows) REQUIRE n.actorId IS UNIQUE',
  },
  ...rangeIndexes.map(([label, property]) => {
    const name = `${snake(label)}_${snake(property)}`;
    return {
      name,
      statement: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
    };
  }),
  ...fullTextIndexes.map(([name, label, properties]) => ({
    name,
    statement: `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON EACH [${properties
      .map((p) => `n.${p}`)
      .join(', ')}]`,
  })),
];

const AWAIT_INDEXES = cypher<never>('awaitIndexes', 'CALL db.awaitIndexes(300)');

/** Applies every migration (each its own schema transaction, as Neo4j requires) and waits until the indexes are online. */
export async function migrate(executor: Executor): Promise<readonly string[]> {
  for (const migration of migrations) {
    await executor.write(cypher<never>(`migrate:${migration.name}`, migration.statement));
  }
  await executor.read(AWAIT_INDEXES);
  return migrations.map((m) => m.name);
}

// SHOW commands cannot be combined with UNION, hence two queries. Constraints are always online.
const CONSTRAINT_NAMES = cypher<{ name: string }>(
  'constraintNames',
  'SHOW CONSTRAINTS YIELD name RETURN name',
);
const ONLINE_INDEX_NAMES = cypher<{ name: string }>(
  'onlineIndexNames',
  "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
);

export interface MigrationStatus {
  /** Migrations whose constraint or index exists and is online. */
  applied: string[];
  /** Migrations not applied yet, or whose index is still populating or failed. */
  pending: string[];
}

export async function migrationStatus(executor: Executor): Promise<MigrationStatus> {
  const online = new Set(
    [...(await executor.read(CONSTRAINT_NAMES)), ...(await executor.read(ONLINE_INDEX_NAMES))].map(
      (o) => o.name,
    ),
  );
  const names = migrations.map((m) => m.name);
  return {
    applied: names.filter((n) => online.has(n)),
    pending: names.filter((n) => !online.has(n)),
  };
}

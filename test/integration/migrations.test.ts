import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { migrate, migrationStatus, migrations } from '../../src/db/migrations.js';
import { openEmptyDatabase } from '../support/database.js';

let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});

afterAll(async () => {
  await database.close();
});

type SchemaRow = { name: string; type: string; entity: string; properties: string[] };

// SHOW commands cannot be combined with UNION, hence two queries.
const CONSTRAINTS = cypher<SchemaRow>(
  'test:constraints',
  'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes[0] AS entity, properties',
);
const INDEXES = cypher<SchemaRow>(
  'test:indexes',
  "SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes[0] AS entity, properties",
);

async function schemaSnapshot(): Promise<string[]> {
  const executor = database.executor();
  const describe = (kind: string) => (r: SchemaRow) =>
    `${kind} ${r.name} ${r.type} ${r.entity}(${r.properties.join(',')})`;
  return [
    ...(await executor.read(CONSTRAINTS)).map(describe('constraint')),
    ...(await executor.read(INDEXES)).map(describe('index')),
  ].sort();
}

describe('migrations', () => {
  it('leave the same constraints and indexes when applied twice', async () => {
    const first = await schemaSnapshot();
    await migrate(database.executor());
    await migrate(database.executor());
    expect(await schemaSnapshot()).toEqual(first);
  });

  it('create every constraint and index of the model, online', async () => {
    const status = await migrationStatus(database.executor());
    expect(status.pending).toEqual([]);
    expect(status.applied).toHaveLength(migrations.length);
    const snapshot = await schemaSnapshot();
    expect(snapshot).toContain('index actor_search FULLTEXT Actor(name,aliases)');
    expect(snapshot).toContain('constraint country_iso2_unique UNIQUENESS Country(iso2)');
    expect(snapshot).toContain('index incident_start_date RANGE Incident(startDate)');
  });

  it('make aliases searchable through the full-text index', async () => {
    const executor = database.executor();
    await executor.write(
      cypher<never>(
        'test:actor',
        "CREATE (:Actor {id: 'apt28', name: 'APT28', aliases: ['Fancy Bear', 'Sofacy']})",
      ),
    );
    const rows = await executor.read(
      cypher<{ id: string }>(
        'test:search',
        "CALL db.index.fulltext.queryNodes('actor_search', 'sofacy') YIELD node RETURN node.id AS id",
      ),
    );
    expect(rows).toEqual([{ id: 'apt28' }]);
  });
});

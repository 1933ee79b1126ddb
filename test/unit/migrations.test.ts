import { describe, expect, it } from 'vitest';
import { nodeKeys } from '../../src/db/graph-model.js';
import { migrations } from '../../src/db/migrations.js';

describe('migrations', () => {
  it('are all idempotent and uniquely named', () => {
    for (const { statement } of migrations) expect(statement).toContain('IF NOT EXISTS');
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('put a uniqueness constraint on the key of every label of the model', () => {
    for (const [label, key] of Object.entries(nodeKeys)) {
      expect(migrations.map((m) => m.statement)).toContain(
        `CREATE CONSTRAINT ${label.toLowerCase()}_${key}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`,
      );
    }
  });

  it('index actor names with aliases and incident titles with descriptions for full-text search', () => {
    const statements = migrations.map((m) => m.statement).join('\n');
    expect(statements).toContain('FOR (n:Actor) ON EACH [n.name, n.aliases]');
    expect(statements).toContain('FOR (n:Incident) ON EACH [n.title, n.description]');
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, usesLocalNeo4j } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives a working local setup with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 4000,
      LOG_LEVEL: 'info',
      NEO4J_DATABASE: 'neo4j',
      NEO4J_LOCAL_PORT: 7687,
      NEO4J_LOCAL_DATA_DIR: '.data/neo4j',
      NEO4J_LOCAL_HEAP: '1g',
      NEO4J_TX_TIMEOUT_MS: 10_000,
    });
    expect(usesLocalNeo4j(config)).toBe(true);
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(usesLocalNeo4j(loadConfig({ NEO4J_URI: '' }))).toBe(true);
  });

  it('accepts routing and TLS URIs for clusters and Aura', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io', PORT: '8080' });
    expect(usesLocalNeo4j(config)).toBe(false);
    expect(config.PORT).toBe(8080);
  });

  it('reports every bad variable at once, naming it and its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_LOCAL_HEAP: '2 GB' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('"eighty"');
    expect(problems).toContain('NEO4J_URI');
    expect(problems).toContain('"http://localhost:7474"');
    expect(problems).toContain('NEO4J_LOCAL_HEAP');
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('rejects an unknown log level', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
});

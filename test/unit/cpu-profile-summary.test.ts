import { describe, expect, it } from 'vitest';
import { ownerOf, summariseCpuProfile, type CpuProfile } from '../../bench/cpu-profile-summary.js';

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

/** Five samples 1 ms apart after a start at 1,000 µs: ids in the order they were sampled. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(idle)', '') },
    {
      id: 2,
      callFrame: frame('resolveIncidents', 'file:///app/dist/resolvers/incident.js', 9),
    },
    { id: 3, callFrame: frame('execute', 'file:///app/node_modules/graphql/execution/execute.js') },
    { id: 4, callFrame: frame('run', 'file:///app/node_modules/neo4j-driver-core/lib/session.js') },
    { id: 5, callFrame: frame('(garbage collector)', '') },
    { id: 6, callFrame: frame('writeHead', 'node:_http_server') },
  ],
  startTime: 1_000,
  samples: [1, 2, 3, 2, 5, 6, 4],
  timeDeltas: [0, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000],
};

describe('where the API process spends its CPU', () => {
  it('names the owner of a function from the script it is in', () => {
    expect(ownerOf('x', 'file:///a/dist/analysis/matrix.js')).toBe('our code');
    expect(ownerOf('x', 'file:///a/src/analysis/matrix.ts')).toBe('our code');
    expect(ownerOf('x', 'file:///a/node_modules/@apollo/server/dist/esm/x.js')).toBe(
      'GraphQL (graphql-js, Apollo Server)',
    );
    expect(ownerOf('x', 'file:///a/node_modules/neo4j-driver-bolt-connection/x.js')).toBe(
      'neo4j-driver',
    );
    expect(ownerOf('x', 'file:///a/node_modules/express/lib/router.js')).toBe('other packages');
    expect(ownerOf('x', 'node:internal/streams/readable')).toBe('Node.js core');
    expect(ownerOf('(garbage collector)', '')).toBe('garbage collection');
    expect(ownerOf('(program)', '')).toBe('V8 and native');
    expect(ownerOf('(idle)', '')).toBe('idle');
  });

  it('gives each sample the time until the next one, idle left out', () => {
    const summary = summariseCpuProfile(profile, { fromUs: 0, toUs: 10_000 });
    expect(summary.byOwner['our code']).toBe(2);
    expect(summary.byOwner['GraphQL (graphql-js, Apollo Server)']).toBe(1);
    expect(summary.byOwner['garbage collection']).toBe(1);
    expect(summary.byOwner['Node.js core']).toBe(1);
    // The last sample has no next one, so no time.
    expect(summary.byOwner['neo4j-driver']).toBe(0);
    expect(summary.totalMs).toBe(5);
    expect(summary.hotspots[0]).toEqual({
      function: 'resolveIncidents',
      where: 'resolvers/incident.js:10',
      ms: 2,
    });
  });

  it('counts only the samples inside the measured window', () => {
    // Samples at 2,000 (our code) and 3,000 (graphql) µs only.
    const summary = summariseCpuProfile(profile, { fromUs: 2_000, toUs: 3_000 });
    expect(summary.totalMs).toBe(2);
    expect(summary.byOwner['our code']).toBe(1);
    expect(summary.byOwner['GraphQL (graphql-js, Apollo Server)']).toBe(1);
  });
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would hand our code graphql's ESM build while Apollo loads the CommonJS one; two
    // copies of graphql reject each other's schema objects. One copy, as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // The JSON report lets CI print one plain summary line; the default reporter stays for people.
    reporters: ['default', 'json'],
    outputFile: { json: '.data/test-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // The reliability suites (load, faults, import crash, hostile requests) share the run's
          // Neo4j and its one-file-at-a-time order; `npm run test:reliability` runs them alone.
          // The browser tests drive the system's Chromium against the API on the seeds.
          include: [
            'test/integration/**/*.test.ts',
            'test/reliability/**/*.test.ts',
            'test/browser/**/*.test.ts',
          ],
          // One Neo4j for the run; each file starts from an empty, migrated database, so files
          // run one after another.
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          // The first run builds the local Neo4j launcher and downloads Neo4j from Maven Central.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets CI print one plain summary line; the default reporter stays for people.
    reporters: ['default', 'json'],
    outputFile: { json: '.data/test-results.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
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

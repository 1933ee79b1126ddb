import { buildASTSchema, concatAST, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';

describe('the public schema', () => {
  it('matches its committed snapshot, so every change to the API shows in review', async () => {
    const schema = buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
    await expect(printSchema(lexicographicSortSchema(schema))).toMatchFileSnapshot(
      './__snapshots__/public-schema.graphql',
    );
  });
});

import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { parsePartialDate } from '../domain/partial-date.js';

/** Accepts only real calendar days written YYYY-MM-DD; the message says what was wrong. */
function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new TypeError(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  const parsed = parsePartialDate(value);
  if ('error' in parsed) throw new TypeError(`Date ${parsed.error}`);
  return value;
}

export const scalarResolvers: Resolvers = {
  JSONObject: GraphQLJSONObject,
  Date: new GraphQLScalarType<string, string>({
    name: 'Date',
    description: 'A calendar date, YYYY-MM-DD.',
    serialize: (value) => String(value).slice(0, 10),
    parseValue: parseDay,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD');
      return parseDay(ast.value);
    },
  }),
};

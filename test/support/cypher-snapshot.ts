import type { Recorded, Statement } from './recording-executor.js';

/** A GraphQL operation as a test sent it. */
export interface Operation {
  readonly query: string;
  readonly variables?: Record<string, unknown> | undefined;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?/g;

/**
 * Values that differ from run to run for the same operation: generated ids (claims, hypotheses,
 * changes), the clock, and the day a claim is assessed on (today, when none is given).
 */
function stable(text: string): string {
  const today = new Date().toISOString().slice(0, 10);
  return text
    .replace(UUID, '<uuid>')
    .replace(TIMESTAMP, '<timestamp>')
    .replaceAll(today, '<today>');
}

/** Plain data with volatile strings replaced and object keys sorted, for a diff that reads well. */
function normalised(value: unknown): unknown {
  if (typeof value === 'string') return stable(value);
  if (Array.isArray(value)) return value.map(normalised);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, normalised(inner)]),
    );
  }
  return value;
}

const json = (value: unknown): string => JSON.stringify(normalised(value), null, 2);

const commented = (text: string): string =>
  text
    .trim()
    .split('\n')
    .map((line) => `// ${line}`.trimEnd())
    .join('\n');

/** The statement's text without the indentation its template literal gave it. */
function cypherText(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.trimEnd());
  const indents = lines
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.length - line.trimStart().length);
  const indent = Math.min(...indents);
  return lines.map((line, index) => (index === 0 ? line : line.slice(indent))).join('\n');
}

/**
 * A lookup's batch (`$keys`, `$ids`) is a set: DataLoader sends its keys in the order resolvers
 * asked for them, which follows the order of the rows above, and rows a query returns without
 * ORDER BY (the features two actors share, an attribution's evidence) come back in the database's
 * order of the moment. Sorted, the batch reads the same on every run and every new database.
 */
function batchSorted(params: Statement['params']): Statement['params'] {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? [...value].sort()
      : value;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      name === 'keys' || name === 'ids' ? sorted(value) : value,
    ]),
  );
}

function statementBlock(heading: string, statement: Statement): string {
  return [
    `// ── ${heading} · ${statement.name}`,
    cypherText(statement.text),
    '// params',
    json(batchSorted(statement.params)),
  ].join('\n');
}

function recordedBlocks(recorded: Recorded): string[] {
  if (recorded.kind !== 'transaction') {
    return [statementBlock(`wave ${recorded.wave} · ${recorded.kind}`, recorded.statement)];
  }
  const { statements } = recorded;
  return statements.map((statement, index) =>
    statementBlock(
      `wave ${recorded.wave} · transaction ${recorded.name} · ${index + 1} of ${statements.length}`,
      statement,
    ),
  );
}

/**
 * The readable record of one operation: the GraphQL it ran, then every statement it sent, in
 * order, each with its wave (its level in the query), its name, its Cypher and its parameters.
 */
export function cypherSnapshot(operation: Operation, recorded: readonly Recorded[]): string {
  const statements = recorded.flatMap(recordedBlocks);
  const waves = new Set(recorded.map((r) => r.wave)).size;
  const header = [
    commented(operation.query),
    ...(operation.variables ? [commented(`variables ${json(operation.variables)}`)] : []),
    `// ${statements.length} statement(s) in ${waves} wave(s)`,
  ];
  return `${[header.join('\n'), ...statements].join('\n\n')}\n`;
}

import { csvTableNames } from '../../src/export/csv-export.js';
import { as } from './seeded.js';
import type { Data, TestServer } from './server.js';

/** One request of a race: an operation sent with a role's credentials. */
export interface Racer {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  role: 'editor' | 'admin';
}

/** What a racer got: acknowledged (`ok`, with its data) or refused with an error code. */
export interface RaceResult {
  label: string;
  outcome: string;
  data?: Data;
  message?: string;
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Sends every racer at once, in a random order, and waits for all the answers. */
export async function race(api: TestServer, racers: readonly Racer[]): Promise<RaceResult[]> {
  return Promise.all(
    shuffled(racers).map(async ({ label, query, variables, role }) => {
      const { body } = await api.graphql(query, variables, as(role));
      const error = body.errors?.[0];
      if (!error) return { label, outcome: 'ok', data: body.data as Data };
      return { label, outcome: String(error.extensions?.code), message: error.message };
    }),
  );
}

export const acknowledged = (results: readonly RaceResult[]) =>
  results.filter((r) => r.outcome === 'ok');

/** Outcomes counted over every trial of a scenario, for the run's summary. */
export class RaceTally {
  readonly #scenarios = new Map<string, { trials: number; outcomes: Map<string, number> }>();

  add(scenario: string, results: readonly RaceResult[]): void {
    const entry = this.#scenarios.get(scenario) ?? {
      trials: 0,
      outcomes: new Map<string, number>(),
    };
    entry.trials += 1;
    for (const { label, outcome } of results) {
      const key = `${label} ${outcome}`;
      entry.outcomes.set(key, (entry.outcomes.get(key) ?? 0) + 1);
    }
    this.#scenarios.set(scenario, entry);
  }

  lines(): string[] {
    return [...this.#scenarios].map(
      ([scenario, { trials, outcomes }]) =>
        `${scenario}: ${trials} trials; ${[...outcomes]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, n]) => `${key} ×${n}`)
          .join(', ')}`,
    );
  }
}

/** Runs every export over HTTP and returns what did not finish cleanly (empty: all did). */
export async function unfinishedExports(api: TestServer): Promise<string[]> {
  const routes = [
    ['/export/json', (text: string) => 'format' in (JSON.parse(text) as object)],
    ['/export/stix', (text: string) => (JSON.parse(text) as { type: string }).type === 'bundle'],
    ['/export/graphml', (text: string) => text.trimEnd().endsWith('</graphml>')],
    ...csvTableNames.map(
      (table) => [`/export/csv/${table}`, (text: string) => text.length > 0] as const,
    ),
  ] as const;
  const problems: string[] = [];
  for (const [route, complete] of routes) {
    try {
      const response = await fetch(`${api.url}${route}`);
      const text = await response.text();
      if (response.status !== 200 || !complete(text))
        problems.push(`${route}: HTTP ${response.status}`);
    } catch (error) {
      problems.push(`${route}: ${String(error)}`);
    }
  }
  return problems;
}

/**
 * `npm run eval:attribution`: how well `suggestAttributions` would have found the actors behind the
 * seed incidents. For every attributed incident it asks the API (the incident's own claims are never
 * evidence, so each question is leave-one-out by construction) and compares the first right actor's
 * rank with a baseline computed in the same run: the actors most active in the incident's sector
 * and country. A measurement, not a test: it prints figures and asserts nothing.
 *
 * It runs on its own local Neo4j (port 7696, data in .data/eval) loaded with the seeds, never on
 * the database NEO4J_URI names, because it empties the database first.
 */
import path from 'node:path';
import { topSectors } from '../src/analysis/attribution.js';
import { loadConfig } from '../src/config.js';
import { fragment, param, statement } from '../src/db/cypher.js';
import { cypher, type Executor } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { loadSeeds } from '../src/import/seeds.js';
import { createLogger } from '../src/logger.js';
import { projectRoot } from '../src/paths.js';
import { createServer } from '../src/server.js';
import { loadTaxonomy } from '../src/taxonomy/taxonomy.js';
import { firstRightRank, scoreRankings, type RankingScores } from './ranking-metrics.js';

const EMPTY = cypher<never>('eval:empty', 'MATCH (n) DETACH DELETE n');

/** Every attributed incident with the actors its standing claims name: the truth to find. */
const TRUTH = cypher<{ incidentId: string; actorIds: string[]; seenElsewhere: boolean }>(
  'eval:truth',
  `MATCH (i:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.status <> 'RETRACTED'
   WITH i, collect(DISTINCT a) AS actors
   RETURN i.id AS incidentId, [a IN actors | a.id] AS actorIds,
          any(a IN actors WHERE EXISTS {
            MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> i AND r.status <> 'RETRACTED'
          }) AS seenElsewhere
   ORDER BY incidentId`,
);

/**
 * The baseline: actors ranked by how many of their other incidents hit one of the incident's
 * top-level sectors in one of its countries (ties by id).
 */
const baselineFor = (incidentId: string) =>
  statement<{ actorId: string }>(
    'eval:baseline',
    fragment`MATCH (x:Incident {id: ${param(incidentId, 'incidentId')}})
   ${topSectors(fragment`x`)}
   WITH x, sectors AS xSectors, COLLECT { MATCH (x)-[:AFFECTED]->(c:Country) RETURN c.iso2 } AS xCountries
   MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE j <> x AND r.status <> 'RETRACTED'
   WITH DISTINCT xSectors, xCountries, j, a
   ${topSectors(fragment`j`)}
   WITH a, j WHERE any(s IN sectors WHERE s IN xSectors)
     AND EXISTS { MATCH (j)-[:AFFECTED]->(c:Country) WHERE c.iso2 IN xCountries }
   RETURN a.id AS actorId, count(DISTINCT j) AS incidents
   ORDER BY incidents DESC, actorId`,
  );

const SUGGEST = `query ($id: ID!) { suggestAttributions(incidentId: $id, first: 100) { actor { key } } }`;

async function main(): Promise<void> {
  const env = { ...process.env };
  delete env.NEO4J_URI;
  const config = loadConfig({
    ...env,
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    NEO4J_LOCAL_PORT: '7696',
    NEO4J_LOCAL_DATA_DIR: path.join(projectRoot, '.data', 'eval', 'neo4j'),
  });
  const log = createLogger(config.LOG_LEVEL, process.stderr);
  const opened = await openDatabase(config, log, { migrate: true });
  const server = createServer({ config, database: opened.database, logger: log });
  try {
    const executor = opened.database.executor('eval');
    await executor.write(EMPTY);
    await loadSeeds(executor, loadTaxonomy());
    const address = await server.listen(0, '127.0.0.1');
    const ask = async (incidentId: string): Promise<string[]> => {
      const response = await fetch(`http://127.0.0.1:${address.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SUGGEST, variables: { id: incidentId } }),
      });
      const body = (await response.json()) as {
        data?: { suggestAttributions: { actor: { key: string } }[] };
        errors?: unknown[];
      };
      if (!body.data)
        throw new Error(
          `suggestAttributions(${incidentId}) failed: ${JSON.stringify(body.errors)}`,
        );
      return body.data.suggestAttributions.map((c) => c.actor.key);
    };
    report(await evaluate(executor, ask));
  } finally {
    await server.stop();
    await opened.close();
  }
}

interface Evaluation {
  ours: { all: RankingScores; seenElsewhere: RankingScores };
  baseline: { all: RankingScores; seenElsewhere: RankingScores };
}

async function evaluate(
  executor: Executor,
  ask: (incidentId: string) => Promise<string[]>,
): Promise<Evaluation> {
  const truth = await executor.read(TRUTH);
  const ours: (number | null)[] = [];
  const baseline: (number | null)[] = [];
  for (const { incidentId, actorIds } of truth) {
    const right = new Set(actorIds);
    ours.push(firstRightRank(await ask(incidentId), right));
    const built = baselineFor(incidentId);
    const base = await executor.read(built.query, built.params);
    baseline.push(
      firstRightRank(
        base.map((row) => row.actorId),
        right,
      ),
    );
  }
  const seen = (ranks: (number | null)[]) => ranks.filter((_, i) => truth[i]?.seenElsewhere);
  return {
    ours: { all: scoreRankings(ours), seenElsewhere: scoreRankings(seen(ours)) },
    baseline: { all: scoreRankings(baseline), seenElsewhere: scoreRankings(seen(baseline)) },
  };
}

function report({ ours, baseline }: Evaluation): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const row = (name: string, s: RankingScores) =>
    `${name.padEnd(44)}${pct(s.top1)}${pct(s.top5)}${s.mrr.toFixed(3).padStart(7)}${`${s.found}/${s.incidents}`.padStart(9)}`;
  const header = `${''.padEnd(44)}${'top-1'.padStart(7)}${'top-5'.padStart(7)}${'MRR'.padStart(7)}${'ranked'.padStart(9)}`;
  const lines = [
    `Attribution ranking, leave-one-out over the ${ours.all.incidents} attributed seed incidents`,
    '',
    header,
    row('suggestAttributions', ours.all),
    row('baseline: most active in sector & country', baseline.all),
    '',
    `Only the ${ours.seenElsewhere.incidents} incidents whose actors appear in another incident:`,
    header,
    row('suggestAttributions', ours.seenElsewhere),
    row('baseline: most active in sector & country', baseline.seenElsewhere),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `eval:attribution: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});

import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.js';
import type { LocalNeo4jState } from '../db/local-neo4j-supervisor.js';
import { cachedFor } from './cached-for.js';

/** How long /readyz reuses the database's answer, so probing it costs Neo4j little. */
const READINESS_TTL_MS = 1_000;

export interface HealthSources {
  database: Database;
  isShuttingDown: () => boolean;
  /** The state of the local Neo4j this process started and restarts, if it started one. */
  localNeo4j: (() => LocalNeo4jState) | undefined;
  /** The request limits every route that reaches the database goes through. */
  guards: RequestHandler[];
}

/** What /readyz says of a local Neo4j that is not running, or undefined while it runs. */
function localNeo4jOutage(
  state: LocalNeo4jState,
): { database: 'restarting' | 'down'; reason: string } | undefined {
  switch (state.kind) {
    case 'running':
      return undefined;
    case 'restarting':
      return {
        database: 'restarting',
        reason: `the local Neo4j stopped unexpectedly: restarting (attempt ${state.attempt} of ${state.attempts})`,
      };
    case 'gave-up':
      return {
        database: 'down',
        reason: `the local Neo4j is down: gave up after ${state.attempts} attempts to restart it`,
      };
    case 'stopped':
      return { database: 'down', reason: 'the local Neo4j was stopped' };
  }
}

/**
 * Probes for orchestrators: /healthz answers while the process runs; /readyz answers 200 only
 * while Neo4j is reachable (checked at most once a second) and the server is not shutting down,
 * so a load balancer stops sending traffic before the drain and while the database is away; of a
 * local Neo4j it also says whether it is being restarted or was given up on.
 */
export function healthRoutes({
  database,
  isShuttingDown,
  localNeo4j,
  guards,
}: HealthSources): Router {
  const router = Router();
  const readiness = cachedFor(READINESS_TTL_MS, () => database.readiness());
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', ...guards, async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', database: 'unknown', reason: 'shutting down' });
      return;
    }
    const outage = localNeo4j && localNeo4jOutage(localNeo4j());
    if (outage) {
      res.status(503).json({ status: 'unavailable', ...outage });
      return;
    }
    const answer = await readiness();
    if (answer.ready) {
      res.json({ status: 'ready', database: 'up', server: answer.serverVersion });
    } else {
      res.status(503).json({ status: 'unavailable', database: 'down', reason: answer.reason });
    }
  });
  return router;
}

import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database.js';
import { cachedFor } from './cached-for.js';

/** How long /readyz reuses the database's answer, so probing it costs Neo4j little. */
const READINESS_TTL_MS = 1_000;

/**
 * Probes for orchestrators: /healthz answers while the process runs; /readyz answers 200 only
 * while Neo4j is reachable (checked at most once a second) and the server is not shutting down,
 * so a load balancer stops sending traffic before the drain and while the database is away.
 * /readyz goes through the request limits (`guards`) like every route that reaches the database.
 */
export function healthRoutes(
  database: Database,
  isShuttingDown: () => boolean,
  guards: RequestHandler[],
): Router {
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
    const answer = await readiness();
    if (answer.ready) {
      res.json({ status: 'ready', database: 'up', server: answer.serverVersion });
    } else {
      res.status(503).json({ status: 'unavailable', database: 'down', reason: answer.reason });
    }
  });
  return router;
}

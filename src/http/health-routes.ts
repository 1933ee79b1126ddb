import { Router } from 'express';
import type { Database } from '../db/database.js';

/**
 * Probes for orchestrators: /healthz answers while the process runs; /readyz answers 200 only
 * while Neo4j is reachable and the server is not shutting down, so a load balancer stops sending
 * traffic before the drain and while the database is away.
 */
export function healthRoutes(database: Database, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', database: 'unknown', reason: 'shutting down' });
      return;
    }
    const readiness = await database.readiness();
    if (readiness.ready) {
      res.json({ status: 'ready', database: 'up', server: readiness.serverVersion });
    } else {
      res.status(503).json({ status: 'unavailable', database: 'down', reason: readiness.reason });
    }
  });
  return router;
}

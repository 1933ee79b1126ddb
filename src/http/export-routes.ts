import { Router, type Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticator.js';
import { requireRole } from '../auth/authorize.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { exporters, isExportFormat } from '../export/formats.js';
import { incidentConditions } from '../graphql/filters.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

const listParam = (req: Request, name: string): string[] | undefined => {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value.split(',') : undefined;
};
const textParam = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * `GET /export/json` and `GET /export/graphml`: the same exports as `cig export`, streamed, filtered by query parameters named
 * as in IncidentFilter (lists comma-separated): `?from=2022-01-01&sectorIds=energy,health`. Reads
 * are authorised as for GraphQL; a bad filter is a 400 naming the parameter.
 */
export function exportRoutes(
  config: Config,
  database: Database,
  taxonomy: Taxonomy,
  authenticate: Authenticator,
  log: Logger,
): Router {
  const router = Router();
  router.get('/:format', async (req, res, next) => {
    const format = req.params.format;
    if (!isExportFormat(format)) {
      next();
      return;
    }
    let filter;
    try {
      const viewer = await authenticate({
        authorization: req.get('authorization'),
        apiKey: req.get('x-api-key'),
      });
      if (config.AUTH_READS === 'token') requireRole(viewer, 'viewer', 'Exporting');
      filter = incidentConditions(
        {
          from: textParam(req, 'from') ?? null,
          to: textParam(req, 'to') ?? null,
          sectorIds: listParam(req, 'sectorIds') ?? null,
          countryCodes: listParam(req, 'countryCodes') ?? null,
          actorIds: listParam(req, 'actorIds') ?? null,
          attackTypes: listParam(req, 'attackTypes') ?? null,
        },
        taxonomy,
      );
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const http = error.extensions.http as { status?: number } | undefined;
      res.status(http?.status ?? 400).json({
        errors: [{ message: error.message, extensions: { code: error.extensions.code } }],
      });
      return;
    }
    const exporter = exporters[format];
    res.setHeader('content-type', exporter.contentType);
    res.setHeader(
      'content-disposition',
      `attachment; filename="cyber-incident-graph.${exporter.extension}"`,
    );
    try {
      await exporter.write(database.executor(req.id as string), filter, taxonomy, res);
      res.end();
    } catch (error) {
      // Headers are gone: cutting the connection is the only way to tell the client the file is incomplete.
      log.error({ err: error, requestId: req.id }, 'export failed midway');
      res.destroy();
    }
  });
  return router;
}

import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { requireRole } from '../auth/authorize.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { csvContext, csvTableNames, writeCsvTable } from '../export/csv-export.js';
import { exporters, isStreamFormat } from '../export/formats.js';
import { incidentConditions } from '../graphql/filters.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { viewerOf } from './identify-client.js';

const listParam = (req: Request, name: string): string[] | undefined => {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value.split(',') : undefined;
};
const textParam = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * `GET /export/json`, `GET /export/stix`, `GET /export/graphml` and `GET /export/csv/{table}`: the same exports as
 * `cig export`, streamed, filtered by query parameters named
 * as in IncidentFilter (lists comma-separated): `?from=2022-01-01&sectorIds=energy,health`. Reads
 * are authorised as for GraphQL; a bad filter is a 400 naming the parameter.
 */
export function exportRoutes(
  config: Config,
  database: Database,
  taxonomy: Taxonomy,
  log: Logger,
): Router {
  const router = Router();
  /** The request's filter, once its caller may read; or the error response, sent. */
  const authorisedFilter = (req: Request, res: Response) => {
    try {
      const viewer = viewerOf(req);
      if (config.AUTH_READS === 'token') requireRole(viewer, 'viewer', 'Exporting');
      return incidentConditions(
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
      return undefined;
    }
  };
  /** Streams a download; once headers are gone, cutting the connection is the only way to say it is incomplete. */
  const stream = async (
    req: Request,
    res: Response,
    contentType: string,
    filename: string,
    write: () => Promise<unknown>,
  ) => {
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    try {
      await write();
      res.end();
    } catch (error) {
      log.error({ err: error, requestId: req.id }, 'export failed midway');
      res.destroy();
    }
  };

  router.get('/csv/:table', async (req, res, next) => {
    const table = req.params.table;
    if (!csvTableNames.includes(table)) {
      res.status(404).json({
        errors: [
          {
            message: `No CSV table "${table}"; the tables are ${csvTableNames.join(', ')}.`,
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      });
      return;
    }
    const filter = authorisedFilter(req, res);
    if (!filter) return;
    const context = await csvContext(database.executor(req.id as string), filter, taxonomy).catch(
      (error: unknown) => {
        next(error);
        return undefined;
      },
    );
    if (!context) return;
    await stream(req, res, 'text/csv; charset=utf-8', `${table}.csv`, () =>
      writeCsvTable(context, table, res),
    );
  });

  router.get('/:format', async (req, res, next) => {
    const format = req.params.format;
    if (!isStreamFormat(format)) {
      next();
      return;
    }
    const filter = authorisedFilter(req, res);
    if (!filter) return;
    const exporter = exporters[format];
    await stream(req, res, exporter.contentType, `cyber-incident-graph.${exporter.extension}`, () =>
      exporter.write(database.executor(req.id as string), filter, taxonomy, res),
    );
  });
  return router;
}

import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { requireRole } from '../auth/authorize.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import { csvContext, csvTableNames, writeCsvTable } from '../export/csv-export.js';
import { parseExportFilter, type FilterValues } from '../export/export-filter.js';
import { ExportReader } from '../export/export-reader.js';
import { ExportReport } from '../export/export-report.js';
import { exporters, isStreamFormat } from '../export/formats.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { sendAppError } from './error-responses.js';
import { viewerOf } from './identify-client.js';

/** The HTTP trailer that ends every complete export: how many inconsistent items it left out. */
export const SKIPPED_TRAILER = 'x-export-skipped';

/** The query string as filter values: a parameter given n times has n values. */
const filterValues = (req: Request): FilterValues =>
  Object.fromEntries(
    Object.entries(req.query).map(([name, value]) => [
      name,
      (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string'),
    ]),
  );

/**
 * `GET /export/json`, `GET /export/stix`, `GET /export/graphml` and `GET /export/csv/{table}`: the
 * same exports as `cig export`, streamed, filtered by query parameters named as in IncidentFilter
 * (lists repeated or comma-separated): `?from=2022-01&sectorIds=energy,health`. Reads are
 * authorised as for GraphQL; every filter value is checked before the first byte, a bad one
 * refused with a 400 naming it. A complete export ends with the SKIPPED_TRAILER; one that fails
 * midway (the database lost) is cut, so that it cannot pass for complete.
 */
export function exportRoutes(
  config: Config,
  database: Database,
  taxonomy: Taxonomy,
  log: Logger,
): Router {
  const router = Router();
  /** The request's filter, once its caller may read and its values hold; or the error response, sent. */
  const authorisedFilter = (req: Request, res: Response): IncidentConditions | undefined => {
    try {
      const viewer = viewerOf(req);
      if (config.AUTH_READS === 'token') requireRole(viewer, 'viewer', 'Exporting');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendAppError(res, error);
      return undefined;
    }
    const parsed = parseExportFilter(filterValues(req), taxonomy);
    if (!parsed.problems) return parsed.conditions;
    res.status(400).json({
      errors: parsed.problems.map((p) => ({
        message: `Export filter ${p.field}=${p.value}: ${p.reason}.`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, parameter: p.field, value: p.value },
      })),
    });
    return undefined;
  };
  const readerFor = (req: Request) =>
    new ExportReader(database.executor(req.id as string), taxonomy, new ExportReport(req.log));
  /** Streams a download; once headers are gone, cutting the connection is the only way to say it is incomplete. */
  const stream = async (
    req: Request,
    res: Response,
    report: ExportReport,
    contentType: string,
    filename: string,
    write: () => Promise<unknown>,
  ) => {
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('trailer', SKIPPED_TRAILER);
    try {
      await write();
      report.finish();
      res.addTrailers({ [SKIPPED_TRAILER]: String(report.count) });
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
            extensions: { code: ErrorCode.NOT_FOUND },
          },
        ],
      });
      return;
    }
    const filter = authorisedFilter(req, res);
    if (!filter) return;
    const reader = readerFor(req);
    const context = await csvContext(reader, filter).catch((error: unknown) => {
      next(error);
      return undefined;
    });
    if (!context) return;
    await stream(req, res, reader.report, 'text/csv; charset=utf-8', `${table}.csv`, () =>
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
    const reader = readerFor(req);
    await stream(
      req,
      res,
      reader.report,
      exporter.contentType,
      `cyber-incident-graph.${exporter.extension}`,
      () => exporter.write(reader, filter, res),
    );
  });
  return router;
}

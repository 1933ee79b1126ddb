import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { ErrorCode } from '../errors.js';

/** The explorer's own addresses (its router draws them); anything else a browser asks is a 404. */
const explorerPaths = [
  '/',
  '/search',
  '/graph',
  '/matrix',
  '/timeline',
  '/graphiql',
  '/attribution',
  '/cross-border',
  '/map',
  '/actors/:id',
  '/incidents/:id',
  '/sectors/:id',
  '/countries/:code',
];

/** Paths the API answers itself; a browser asking for them never gets the explorer's page. */
const apiPrefixes = ['/graphql', '/export', '/healthz', '/readyz'];

/**
 * Everything the explorer loads comes from this server: the policy makes the browser refuse any
 * other host, so a dependency that tried to fetch a font or a script from a CDN would fail loudly
 * in the browser tests rather than silently on an isolated network. Styles may be inline (the
 * editors inject theirs); workers and exported pictures come from blob: and data: URLs.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

const wantsPage = (req: Request): boolean =>
  req.method === 'GET' && req.accepts(['json', 'html']) === 'html';

/**
 * A browser opening /graphql gets the bundled GraphiQL, not Apollo's landing page (which loads
 * from a CDN). Mounted before the GraphQL endpoint; a GET with a query is still an operation.
 */
export const graphiqlForBrowsers: RequestHandler = (req, res, next) => {
  if (wantsPage(req) && req.query.query === undefined) res.redirect(302, '/graphiql');
  else next();
};

/**
 * The explorer: the built files under `dir` (hashed assets cached for a year, the page never), and
 * its page for each of its addresses, so deep links and reloads work; another address a browser
 * asks for gets the page with a 404 (the explorer says there is no such view). Mounted after the
 * API's routes and before the JSON 404, which every non-browser client still gets.
 */
export function explorerRoutes(dir: string): Router {
  const router = express.Router();
  const page = path.join(dir, 'index.html');
  const sendPage =
    (status: number): RequestHandler =>
    (req, res) => {
      if (!existsSync(page)) {
        res.status(404).json({
          errors: [
            {
              message: 'The explorer is not built: run `npm run build`.',
              extensions: { code: ErrorCode.NOT_FOUND, requestId: req.id },
            },
          ],
        });
        return;
      }
      res.status(status).set({
        'cache-control': 'no-cache',
        'content-security-policy': contentSecurityPolicy,
      });
      res.sendFile(page);
    };

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }),
  );
  router.use(express.static(dir, { index: false }));
  const notAView = sendPage(404);
  router.get(explorerPaths, sendPage(200));
  router.get('/{*rest}', (req, res, next) => {
    if (wantsPage(req) && !apiPrefixes.some((prefix) => req.path.startsWith(prefix)))
      notAView(req, res, next);
    else next();
  });
  return router;
}

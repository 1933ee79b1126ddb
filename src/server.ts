import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { createAuthenticator } from './auth/authenticator.js';
import { requireRole } from './auth/authorize.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import type { Database, Executor } from './db/database.js';
import type { SupervisedNeo4j } from './db/local-neo4j-supervisor.js';
import {
  errorReportingPlugin,
  formatError,
  queryStatsPlugin,
  withGraphQLErrors,
} from './graphql/error-handling.js';
import {
  createQueryLimitsPlugin,
  queryLimitsParseOptions,
  type QueryLimits,
} from './graphql/limits/index.js';
import { knownOperationTypesRule } from './graphql/operation-types.js';
import { loadTypeDefs } from './graphql/schema.js';
import { corsGuard, rateGuards } from './http/client-guards.js';
import { errorResponses } from './http/error-responses.js';
import { explorerRoutes, graphiqlForBrowsers } from './http/explorer-routes.js';
import { exportRoutes } from './http/export-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { identifyClient, viewerOf } from './http/identify-client.js';
import { listen } from './http/listen.js';
import { assignRequestId } from './http/request-id.js';
import { unknownRoute } from './http/unknown-route.js';
import { createLoaders } from './loaders/index.js';
import { resolvers } from './resolvers/index.js';
import { explorerDir } from './paths.js';
import { loadTaxonomy } from './taxonomy/taxonomy.js';

export interface ServerDependencies {
  config: Config;
  database: Database;
  logger: Logger;
  /** The local Neo4j this process started, whose restarts /readyz reports. */
  localNeo4j?: SupervisedNeo4j | undefined;
  /** Each GraphQL request's executor; a test passes a recording one. The database's by default. */
  executorFor?: ((database: Database, requestId: string) => Executor) | undefined;
}

export interface CigServer {
  readonly httpServer: http.Server;
  /** Starts Apollo and binds the port; resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /**
   * Graceful stop: /readyz turns 503, the listener closes, in-flight requests finish (up to
   * SHUTDOWN_GRACE_MS), then remaining connections are cut. The database is the caller's to close.
   */
  stop(): Promise<void>;
}

/**
 * Apollo Server on Express 5 through Apollo's official integration: Express gives the plain HTTP
 * routes (probes, later exports) and the body-size limit as well-kept middleware, while GraphQL
 * over HTTP (POST and GET, CSRF prevention, content negotiation) stays Apollo's.
 */
export function createServer({
  config,
  database,
  logger,
  localNeo4j,
  executorFor = (db, requestId) => db.executor(requestId),
}: ServerDependencies): CigServer {
  const taxonomy = loadTaxonomy();
  // Authentication first, so that the limits count who is asking; one set of limits for every
  // route, so that one budget covers them all.
  const clientGuards = [identifyClient(createAuthenticator(config)), ...rateGuards(config)];
  const app = express();
  const httpServer = http.createServer(app);
  let shuttingDown = false;

  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: assignRequestId,
      // Every line a request logs carries just `requestId`, the id its error responses show.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(
    healthRoutes({
      database,
      isShuttingDown: () => shuttingDown,
      localNeo4j: localNeo4j && (() => localNeo4j.state()),
      guards: clientGuards,
    }),
  );

  const limits: QueryLimits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
    maxFirst: config.GRAPHQL_MAX_FIRST,
    defaultListSize: 10,
  };
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    // The process owns signal handling (drain API, close driver, stop the local Neo4j, in that
    // order); Apollo's own SIGINT/SIGTERM handler would race ours and deadlock the stop.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    formatError,
    // The parser stops at the token limit, so a huge document costs nothing to refuse.
    parseOptions: queryLimitsParseOptions(limits),
    // graphql-js lets an operation of a root type the schema lacks (a subscription) through
    // validation and fails it in execution as an uncoded, hence masked, error.
    validationRules: [knownOperationTypesRule],
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS,
      }),
      // Browsers get the explorer's bundled GraphiQL (see graphiqlForBrowsers), never Apollo's
      // landing page, which loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      createQueryLimitsPlugin(limits),
      errorReportingPlugin,
      queryStatsPlugin,
    ],
  });

  return {
    httpServer,
    async listen(port, host) {
      await apollo.start();
      app.use(
        '/export',
        corsGuard(config),
        clientGuards,
        exportRoutes(config, database, taxonomy, logger),
      );
      app.get('/graphql', graphiqlForBrowsers);
      app.use(
        '/graphql',
        corsGuard(config),
        clientGuards,
        express.json({ limit: config.HTTP_BODY_LIMIT }),
        expressMiddleware(apollo, {
          // Apollo calls this inside its try, so what it throws (a refused credential, a missing
          // role) becomes that error's response.
          context: ({ req }) => {
            // pino-http types ids loosely; ours always come from assignRequestId, a string.
            const requestId = req.id as string;
            const viewer = withGraphQLErrors(() => {
              const asking = viewerOf(req);
              if (config.AUTH_READS === 'token') requireRole(asking, 'viewer', 'Reading this API');
              return asking;
            });
            const executor = executorFor(database, requestId);
            return Promise.resolve({
              requestId,
              log: req.log,
              executor,
              database,
              loaders: createLoaders(executor, taxonomy),
              taxonomy,
              viewer,
            });
          },
        }),
      );
      // The explorer after the API's routes. Then, last and in this order (a route mounted after
      // them is never reached): what no route answered is a JSON 404; an error a route passed on
      // (a body the parser refused: bad JSON, over the limit) is a JSON error, never Express's HTML
      // page with a stack trace.
      app.use(explorerRoutes(explorerDir));
      app.use(unknownRoute, errorResponses);
      return listen(httpServer, port, host);
    },
    async stop() {
      shuttingDown = true;
      await apollo.stop();
    },
  };
}

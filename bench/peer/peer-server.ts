import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { listen } from '../../src/http/listen.js';
import { peerTypeDefs } from './type-defs.js';

export interface PeerServerOptions {
  driver: Driver;
  database: string;
  txTimeoutMs: number;
  bodyLimit: string;
}

export interface PeerServer {
  listen(port: number, host: string): Promise<AddressInfo>;
  stop(): Promise<void>;
}

/**
 * The peer: @neo4j/graphql's generated API over our database, served the way ours is (Apollo
 * Server 5 on Express 5 through the official integration, JSON body limit, CSRF prevention), with
 * the same database name and transaction timeout. Nothing else: no auth, limits or logging, which
 * is what a team gets from the library before adding its own.
 */
export async function createPeerServer(options: PeerServerOptions): Promise<PeerServer> {
  const schema = await new Neo4jGraphQL({
    typeDefs: peerTypeDefs,
    driver: options.driver,
    // Leaves out the deprecated duplicates of every filter: the schema a new project would use.
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  }).getSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Neo4jGraphQLContext>({
    schema,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  const context: Neo4jGraphQLContext = {
    sessionConfig: { database: options.database },
    transaction: { timeout: options.txTimeoutMs, metadata: { app: 'bench-peer' } },
  };

  return {
    async listen(port, host) {
      await apollo.start();
      app.use(
        '/graphql',
        express.json({ limit: options.bodyLimit }),
        expressMiddleware(apollo, { context: () => Promise.resolve({ ...context }) }),
      );
      return listen(httpServer, port, host);
    },
    stop: () => apollo.stop(),
  };
}

import { z } from 'zod';
import { parseApiKeys } from './api-key-setting.js';

/** Sizes as the JVM and Neo4j read them: a whole number with a k, m or g suffix. */
const memorySize = z.string().regex(/^[1-9][0-9]*[kmgKMG]$/, 'expected a size such as 512m or 2g');

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();
/** Same shape as positiveMs; named for what it counts. */
const positiveCount = positiveMs;

/** Empty strings count as unset, so `FOO= cmd` falls back to the default like an absent FOO. */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(4000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^[1-9][0-9]*(b|kb|mb)$/i, 'expected a size such as 100kb or 1mb')
      .default('1mb'),
    GRAPHQL_INTROSPECTION: booleanFlag.default(true),
    GRAPHQL_MAX_DEPTH: positiveCount.default(12),
    GRAPHQL_MAX_COST: positiveCount.default(50_000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
    GRAPHQL_MAX_TOKENS: positiveCount.default(5_000),
    GRAPHQL_MAX_FIRST: positiveCount.default(500),
    SHUTDOWN_GRACE_MS: positiveMs.default(10_000),

    NEO4J_URI: optionalString.pipe(
      z
        .string()
        .regex(
          /^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/,
          'expected a Neo4j URI such as bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io',
        )
        .optional(),
    ),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1).default('neo4j'),
    NEO4J_TX_TIMEOUT_MS: positiveMs.default(10_000),
    NEO4J_CONNECT_TIMEOUT_MS: positiveMs.default(5_000),
    NEO4J_MAX_RETRY_MS: z.coerce.number().int().min(0).default(500),

    NEO4J_LOCAL_PORT: port.default(7687),
    NEO4J_LOCAL_DATA_DIR: z.string().min(1).default('.data/neo4j'),
    NEO4J_LOCAL_HEAP: memorySize.default('1g'),
    NEO4J_LOCAL_PAGECACHE: memorySize.default('512m'),
    NEO4J_LOCAL_START_TIMEOUT_MS: positiveMs.default(300_000),
    NEO4J_LOCAL_RESTARTS: z.coerce.number().int().min(0).default(5),
    NEO4J_LOCAL_BACKOFF_MS: positiveMs.default(1_000),

    AUTH_READS: z.enum(['open', 'token']).default('open'),
    AUTH_JWT_SECRET: optionalString.pipe(
      z.string().min(32, 'an HS256 secret of at least 32 characters').optional(),
    ),
    AUTH_JWKS_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    AUTH_JWT_ISSUER: optionalString,
    AUTH_JWT_AUDIENCE: optionalString,
    AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
    AUTH_JWT_MAX_LIFETIME_S: positiveCount.default(86_400),
    AUTH_API_KEYS: z
      .string()
      .default('')
      .transform((text, ctx) => {
        const { keys, problems } = parseApiKeys(text);
        for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem });
        return keys;
      }),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
      ),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  })
  .refine((c) => !(c.AUTH_JWT_SECRET && c.AUTH_JWKS_URL), {
    path: ['AUTH_JWKS_URL'],
    message: 'set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both',
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment once. Every problem is reported together, each naming the variable and
 * the value it had, so a deployment is fixed in one go rather than one error at a time.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      // A key is a secret: its variable's value is never echoed.
      const hidden = value === undefined || name === 'AUTH_API_KEYS' || name === 'AUTH_JWT_SECRET';
      return `${name}: ${issue.message}${hidden ? '' : ` (got ${JSON.stringify(value)})`}`;
    }),
  );
}

/** True when the project must start its own Neo4j instead of connecting to NEO4J_URI. */
export function usesLocalNeo4j(config: Config): boolean {
  return config.NEO4J_URI === undefined;
}

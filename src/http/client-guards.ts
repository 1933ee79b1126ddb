import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import type { Viewer } from '../auth/viewer.js';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import { authenticationOf, type Authentication } from './identify-client.js';

/**
 * Browsers may call the API only from the origins in CORS_ORIGINS (none by default: same origin
 * only). The headers our clients send are allowed; CSRF prevention stays Apollo's.
 */
export function corsGuard(config: Config): RequestHandler {
  return cors({
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'x-request-id',
      'apollo-require-preflight',
    ],
    exposedHeaders: ['x-request-id', 'ratelimit', 'ratelimit-policy', 'retry-after'],
    maxAge: 600,
  });
}

const WINDOW_MS = 60_000;

/** Who is asking, when a credential named someone. */
const authenticatedViewer = (authentication: Authentication): Viewer | undefined =>
  'viewer' in authentication && authentication.viewer.via !== 'anonymous'
    ? authentication.viewer
    : undefined;

/** The budget a request draws on: its viewer's when it authenticated, its address's otherwise. */
export function rateLimitKey(authentication: Authentication, addressKey: string): string {
  const viewer = authenticatedViewer(authentication);
  return viewer ? `${viewer.via}:${viewer.id}` : `address:${addressKey}`;
}

/** The address a request comes from, an IPv6 client's /56 counting as one. */
const addressKeyOf = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/** The 429 answer, JSON in the shape of a GraphQL error; Retry-After is set beforehand. */
const tooMany =
  (message: string) =>
  (req: Request, res: Response): void => {
    res.status(429).json({
      errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED, requestId: req.id } }],
    });
  };

/**
 * The request limits, after identifyClient, created once per server so that one budget covers
 * every route they guard (0 in either variable turns that limit off):
 * RATE_LIMIT_PER_MINUTE requests per client per minute, a client being its viewer once it
 * authenticates (users behind one proxy do not share a budget) and its address otherwise;
 * and AUTH_FAILURES_PER_MINUTE failed authentications per address.
 */
export function rateGuards(config: Config): RequestHandler[] {
  return [
    ...(config.AUTH_FAILURES_PER_MINUTE > 0
      ? failedAuthenticationGuards(config.AUTH_FAILURES_PER_MINUTE)
      : []),
    ...(config.RATE_LIMIT_PER_MINUTE > 0 ? [requestGuard(config.RATE_LIMIT_PER_MINUTE)] : []),
  ];
}

function requestGuard(limit: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'requests',
    keyGenerator: (req) => rateLimitKey(authenticationOf(req), addressKeyOf(req)),
    handler: tooMany(
      `Too many requests: at most ${limit} a minute per client. Retry after the time in the Retry-After header.`,
    ),
  });
}

/**
 * Counts the failed authentications of each address and refuses the ones past the limit. Once
 * an address is at the limit, a credential that does authenticate is refused too until the window
 * ends: were it let through, a right guess would stand out from the 429s and guessing would stay
 * unlimited. Requests without a credential are not counted and pass.
 */
function failedAuthenticationGuards(limit: number): RequestHandler[] {
  const store = new MemoryStore();
  const refuse = tooMany(
    `Too many failed authentications from this address: at most ${limit} a minute. Requests with credentials from it are refused until the time in the Retry-After header has passed.`,
  );
  const failures = rateLimit({
    store,
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: 'failed-authentications',
    skip: (req) => !('refusal' in authenticationOf(req)),
    keyGenerator: addressKeyOf,
    handler: refuse,
  });
  const lockout: RequestHandler = async (req, res, next) => {
    if (!authenticatedViewer(authenticationOf(req))) {
      next();
      return;
    }
    const failed = await store.get(addressKeyOf(req));
    if (failed === undefined || failed.totalHits < limit || failed.resetTime === undefined) {
      next();
      return;
    }
    res.setHeader(
      'retry-after',
      Math.max(1, Math.ceil((failed.resetTime.getTime() - Date.now()) / 1000)),
    );
    refuse(req, res);
  };
  return [failures, lockout];
}

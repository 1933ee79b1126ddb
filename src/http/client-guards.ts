import { createHash } from 'node:crypto';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';

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

/**
 * RATE_LIMIT_PER_MINUTE requests per client per minute (0: no limit). A client is its credential
 * when it sends one (hashed, never kept in clear) and otherwise its address, so that users behind
 * one proxy do not share a budget once they authenticate.
 */
export function rateGuard(config: Config): RequestHandler {
  if (config.RATE_LIMIT_PER_MINUTE === 0)
    return (_req, _res, next) => {
      next();
    };
  return rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const credential = req.get('x-api-key') ?? req.get('authorization');
      return credential
        ? `credential:${createHash('sha256').update(credential).digest('hex')}`
        : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      res.status(429).json({
        errors: [
          {
            message: `Too many requests: at most ${config.RATE_LIMIT_PER_MINUTE} a minute per client. Retry after the time in the Retry-After header.`,
            extensions: { code: ErrorCode.RATE_LIMITED },
          },
        ],
      });
    },
  });
}

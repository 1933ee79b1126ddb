import { Neo4jError } from 'neo4j-driver';

/**
 * The error codes clients may branch on: each says what the caller can do about the failure (fix
 * an argument, sign in, retry later). Anything else is masked as internal.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A failure the caller can act on, as every layer below the API reports one: a code, a message
 * that says what was wrong and where, and details naming it (`argument`, `maximum`, `fields`…).
 * The API turns it into its own errors in one place each: GraphQL errors (see
 * graphql/error-handling.ts) and JSON error responses (see http/error-responses.ts).
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function appError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, details);
}

/** What an argument names does not exist: NOT_FOUND naming the argument and the id. */
export function notFound(type: string, key: string, argument: string): AppError {
  return appError(ErrorCode.NOT_FOUND, `No ${type} has the id "${key}".`, { argument });
}

const unavailableDriverCodes = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * What Neo4j raises when a concurrent transaction got in the way of a write, which then wrote
 * nothing: a relationship to a node deleted while this write waited for its lock; a deadlock
 * still there after the driver's retries.
 */
const concurrentWriteCodes = new Set([
  'Neo.ClientError.Statement.EntityNotFound',
  'Neo.TransientError.Transaction.DeadlockDetected',
]);

/**
 * Translates what the driver throws into the API's vocabulary. Only failures a client can act on
 * (retry later, narrow the query) get a code; the rest stay internal and are masked.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  if (unavailableDriverCodes.has(error.code)) {
    return appError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The database is unavailable; try again shortly.',
    );
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return appError(
      ErrorCode.TIMEOUT,
      'The query ran past the transaction timeout and was stopped. Retry shortly if the database has just started (it is slow until warm); otherwise narrow the query (filters, a smaller first).',
    );
  }
  if (concurrentWriteCodes.has(error.code)) {
    return appError(
      ErrorCode.CONFLICT,
      'Another write changed what this one writes while it ran, so nothing was written. Read it again and reapply your edit.',
    );
  }
  if (error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return appError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The database is starting or stopping; try again shortly.',
    );
  }
  return undefined;
}

/** HTTP status for codes that describe the whole request rather than one field. */
const statusOfCode: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** The HTTP status a response failing with this code takes, if the code names one. */
export function httpStatusOf(code: ErrorCode): number | undefined {
  return statusOfCode[code];
}

import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  appError,
  ErrorCode,
  fromDatabaseError,
  httpStatusOf,
  notFound,
} from '../../src/errors.js';
import {
  formatError,
  maskError,
  statusOfErrors,
  toGraphQLError,
} from '../../src/graphql/error-handling.js';

const driverError = (code: string): Neo4jError =>
  new Neo4jError('boom', code, '50N42', 'error: general processing exception');

/** A domain error as graphql-js hands it to Apollo when a resolver throws it. */
const thrownByResolver = (error: Error): GraphQLError =>
  new GraphQLError(error.message, { path: ['actor'], originalError: error });

describe('fromDatabaseError', () => {
  it('turns a lost connection into DATABASE_UNAVAILABLE, which answers HTTP 503', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired']) {
      const error = fromDatabaseError(driverError(code));
      expect(error?.code).toBe('DATABASE_UNAVAILABLE');
      expect(error && httpStatusOf(error.code)).toBe(503);
    }
  });

  it('turns a transaction timeout into TIMEOUT', () => {
    const error = fromDatabaseError(
      driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
    );
    expect(error?.code).toBe('TIMEOUT');
    expect(error?.message).toMatch(/transaction timeout/);
  });

  it('turns a write a concurrent transaction got in the way of into CONFLICT', () => {
    for (const code of [
      'Neo.ClientError.Statement.EntityNotFound',
      'Neo.TransientError.Transaction.DeadlockDetected',
    ]) {
      const error = fromDatabaseError(driverError(code));
      expect(error?.code).toBe('CONFLICT');
      expect(error?.message).toMatch(/nothing was written/);
    }
  });

  it('leaves other errors alone (they are masked later)', () => {
    expect(fromDatabaseError(driverError('Neo.ClientError.Statement.SyntaxError'))).toBeUndefined();
    expect(fromDatabaseError(new Error('plain'))).toBeUndefined();
  });
});

describe('domain errors as GraphQL errors', () => {
  it('show their code and details where a resolver threw them, the path kept', () => {
    const error = notFound('Actor', 'nobody', 'actorId');
    const formatted = formatError(
      { message: error.message, path: ['actor'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      thrownByResolver(error),
    );
    expect(formatted).toEqual({
      message: 'No Actor has the id "nobody".',
      path: ['actor'],
      extensions: { code: 'NOT_FOUND', argument: 'actorId' },
    });
  });

  it('keep the stack trace Apollo included (development)', () => {
    const error = appError(ErrorCode.CONFLICT, 'stale');
    const formatted = formatError(
      { message: 'stale', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      thrownByResolver(error),
    );
    expect(formatted.extensions).toEqual({ code: 'CONFLICT', stacktrace: ['at x'] });
  });

  it('give the response the status their code names, the last such error winning', () => {
    const forbidden = appError(ErrorCode.FORBIDDEN, 'no');
    const unavailable = appError(ErrorCode.DATABASE_UNAVAILABLE, 'down');
    const badInput = appError(ErrorCode.BAD_USER_INPUT, 'bad', { argument: 'first' });
    expect(statusOfErrors([thrownByResolver(badInput)])).toBeUndefined();
    expect(statusOfErrors([thrownByResolver(forbidden), thrownByResolver(badInput)])).toBe(403);
    expect(statusOfErrors([thrownByResolver(forbidden), thrownByResolver(unavailable)])).toBe(503);
    expect(statusOfErrors([new GraphQLError('plain')])).toBeUndefined();
  });

  it('carry the status where Apollo reads it when they must be GraphQL errors already', () => {
    const refused = toGraphQLError(
      appError(ErrorCode.UNAUTHENTICATED, 'The API key is not known.', { scheme: 'api-key' }),
    );
    expect(refused.message).toBe('The API key is not known.');
    expect(refused.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      scheme: 'api-key',
      http: { status: 401 },
    });
    const tooDeep = toGraphQLError(appError(ErrorCode.QUERY_TOO_COMPLEX, 'deep'), 400);
    expect(tooDeep.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', http: { status: 400 } });
    expect(toGraphQLError(appError(ErrorCode.NOT_FOUND, 'gone')).extensions).toEqual({
      code: 'NOT_FOUND',
    });
  });

  it('are masked like any other error when their code is internal', () => {
    const error = appError(ErrorCode.INTERNAL_SERVER_ERROR, 'secret detail');
    expect(formatError({ message: 'secret detail' }, thrownByResolver(error))).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('domain errors as HTTP statuses', () => {
  it('name a status only for codes about the whole request', () => {
    expect(httpStatusOf('UNAUTHENTICATED')).toBe(401);
    expect(httpStatusOf('FORBIDDEN')).toBe(403);
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
    expect(httpStatusOf('TIMEOUT')).toBe(504);
    expect(httpStatusOf('BAD_USER_INPUT')).toBeUndefined();
    expect(httpStatusOf('NOT_FOUND')).toBeUndefined();
  });
});

describe('maskError', () => {
  it('keeps errors whose code a client may act on', () => {
    const formatted = {
      message: 'first must be at most 500',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    expect(maskError(formatted)).toBe(formatted);
  });

  it('hides the message of anything else but keeps where it happened', () => {
    const masked = maskError({
      message: 'Cannot read properties of undefined (reading "x") at /srv/app/secret.js',
      path: ['health'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(masked).toEqual({
      message: 'Internal server error',
      path: ['health'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps a stack trace only when Apollo included one (development)', () => {
    const masked = maskError({ message: 'x', extensions: { stacktrace: ['Error: x'] } });
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: x'] });
  });
});

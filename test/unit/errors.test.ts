import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from '../../src/errors.js';
import { maskError } from '../../src/graphql/error-handling.js';

const driverError = (code: string): Neo4jError =>
  new Neo4jError('boom', code, '50N42', 'error: general processing exception');

describe('fromDatabaseError', () => {
  it('turns a lost connection into DATABASE_UNAVAILABLE with HTTP 503', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired']) {
      const error = fromDatabaseError(driverError(code));
      expect(error?.extensions).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        http: { status: 503 },
      });
    }
  });

  it('turns a transaction timeout into TIMEOUT', () => {
    const error = fromDatabaseError(
      driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
    );
    expect(error?.extensions.code).toBe('TIMEOUT');
    expect(error?.message).toMatch(/transaction timeout/);
  });

  it('turns a write a concurrent transaction got in the way of into CONFLICT', () => {
    for (const code of [
      'Neo.ClientError.Statement.EntityNotFound',
      'Neo.TransientError.Transaction.DeadlockDetected',
    ]) {
      const error = fromDatabaseError(driverError(code));
      expect(error?.extensions.code).toBe('CONFLICT');
      expect(error?.message).toMatch(/nothing was written/);
    }
  });

  it('leaves other errors alone (they are masked later)', () => {
    expect(fromDatabaseError(driverError('Neo.ClientError.Statement.SyntaxError'))).toBeUndefined();
    expect(fromDatabaseError(new Error('plain'))).toBeUndefined();
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

import { describe, expect, it } from 'vitest';
import { appError, ErrorCode } from '../../src/errors.js';
import { anonymous } from '../../src/auth/viewer.js';
import { rateLimitKey } from '../../src/http/client-guards.js';

describe('the budget a request draws on', () => {
  it('is its viewer’s once it authenticates, however the credential was sent', () => {
    expect(
      rateLimitKey({ viewer: { id: 'ci-bot', role: 'editor', via: 'api-key' } }, '10.0.0.1'),
    ).toBe('api-key:ci-bot');
    expect(rateLimitKey({ viewer: { id: 'alice', role: 'viewer', via: 'jwt' } }, '10.0.0.1')).toBe(
      'jwt:alice',
    );
  });

  it('is its address’s when it is anonymous or its credential was refused', () => {
    expect(rateLimitKey({ viewer: anonymous }, '10.0.0.1')).toBe('address:10.0.0.1');
    expect(
      rateLimitKey(
        { refusal: appError(ErrorCode.UNAUTHENTICATED, 'The API key is not known.') },
        '10.0.0.1',
      ),
    ).toBe('address:10.0.0.1');
  });
});

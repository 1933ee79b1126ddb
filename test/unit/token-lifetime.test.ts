import { describe, expect, it } from 'vitest';
import { tokenLifetimeProblem } from '../../src/auth/token-lifetime.js';

const DAY = 86_400;
const NOW = 1_750_000_000;

describe('the lifetime of a token', () => {
  it('refuses a token without exp', () => {
    expect(tokenLifetimeProblem({ iat: NOW }, DAY, NOW)).toBe(
      'The token has no expiry (exp claim); this server accepts only tokens that expire.',
    );
  });

  it('accepts a lifetime up to the maximum, counted from iat', () => {
    expect(
      tokenLifetimeProblem({ iat: NOW - 100, exp: NOW - 100 + DAY }, DAY, NOW),
    ).toBeUndefined();
    expect(tokenLifetimeProblem({ iat: NOW - 100, exp: NOW + DAY }, DAY, NOW)).toBe(
      `The token is valid for ${DAY + 100} s from its issue (exp - iat); this server accepts tokens valid for at most ${DAY} s.`,
    );
  });

  it('counts from now when iat is absent', () => {
    expect(tokenLifetimeProblem({ exp: NOW + DAY }, DAY, NOW)).toBeUndefined();
    expect(tokenLifetimeProblem({ exp: NOW + DAY + 1 }, DAY, NOW)).toMatch(
      /valid for 86401 s from now \(exp - now\)/,
    );
  });

  it('counts from now when iat lies in the future, so a late iat cannot stretch the lifetime', () => {
    expect(
      tokenLifetimeProblem({ iat: NOW + 10 * DAY, exp: NOW + 10 * DAY + 60 }, DAY, NOW),
    ).toMatch(/from now/);
  });
});

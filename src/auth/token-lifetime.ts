import type { JWTPayload } from 'jose';

/**
 * Why a verified token may not be used for its lifetime, or undefined when it may. A token without
 * `exp` would stay valid forever once leaked, and one that expires far ahead is nearly as bad. The
 * lifetime counts from the token's issue (`iat`) or from now, whichever is earlier, so that
 * leaving `iat` out or dating it in the future cannot stretch it.
 */
export function tokenLifetimeProblem(
  claims: Pick<JWTPayload, 'exp' | 'iat'>,
  maxLifetimeS: number,
  nowS: number,
): string | undefined {
  if (claims.exp === undefined)
    return 'The token has no expiry (exp claim); this server accepts only tokens that expire.';
  const issuedAt = claims.iat !== undefined && claims.iat <= nowS ? claims.iat : undefined;
  const lifetime = claims.exp - (issuedAt ?? nowS);
  if (lifetime <= maxLifetimeS) return undefined;
  return `The token is valid for ${lifetime} s ${issuedAt === undefined ? 'from now (exp - now)' : 'from its issue (exp - iat)'}; this server accepts tokens valid for at most ${maxLifetimeS} s.`;
}

import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config.js';
import { appError, ErrorCode } from '../errors.js';
import { matchApiKey } from './api-keys.js';
import { anonymous, highestRole, type Viewer } from './viewer.js';

/** The credentials of one request, as its headers carry them. */
export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

export type Authenticator = (credentials: Credentials) => Promise<Viewer>;

const unauthenticated = (message: string) => appError(ErrorCode.UNAUTHENTICATED, message);

/** A claim by dotted path (`realm_access.roles` in Keycloak), as a list of role names. */
function claimedRoles(payload: JWTPayload, path: string): unknown[] {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/**
 * Who a request comes from: a static API key (`X-API-Key`, or `Authorization: Bearer` with a key),
 * a JWT verified with jose (HS256 secret or an identity provider's JWKS), or nobody. Credentials
 * that are present but wrong are an error, never a silent fall back to anonymous.
 */
export function createAuthenticator(config: Config): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey | undefined = config.AUTH_JWT_SECRET
    ? new TextEncoder().encode(config.AUTH_JWT_SECRET)
    : config.AUTH_JWKS_URL
      ? createRemoteJWKSet(new URL(config.AUTH_JWKS_URL))
      : undefined;
  const options = {
    algorithms: config.AUTH_JWT_SECRET ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
    ...(config.AUTH_JWT_ISSUER ? { issuer: config.AUTH_JWT_ISSUER } : {}),
    ...(config.AUTH_JWT_AUDIENCE ? { audience: config.AUTH_JWT_AUDIENCE } : {}),
  };

  const fromJwt = async (token: string): Promise<Viewer> => {
    if (!key) throw unauthenticated('This server accepts no JWTs: use an API key.');
    try {
      const { payload } =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return {
        id: payload.sub ?? 'unknown',
        // A valid token without a role of ours may still read; writing needs a named role.
        role: highestRole(claimedRoles(payload, config.AUTH_ROLES_CLAIM)) ?? 'viewer',
        via: 'jwt',
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
      if (error instanceof errors.JOSEError)
        throw unauthenticated(`The token was refused: ${error.code}.`);
      throw error;
    }
  };

  return async ({ authorization, apiKey }) => {
    if (apiKey !== undefined) {
      const entry = matchApiKey(config.AUTH_API_KEYS, apiKey);
      if (!entry) throw unauthenticated('The API key is not known.');
      return { id: entry.name, role: entry.role, via: 'api-key' };
    }
    if (authorization === undefined) return anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const credential = match?.[1];
    if (credential === undefined)
      throw unauthenticated('The Authorization header must be "Bearer <token or API key>".');
    const entry = matchApiKey(config.AUTH_API_KEYS, credential);
    if (entry) return { id: entry.name, role: entry.role, via: 'api-key' };
    return fromJwt(credential);
  };
}

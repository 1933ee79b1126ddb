import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config.js';
import { appError, ErrorCode } from '../errors.js';
import { matchApiKey } from './api-keys.js';
import { tokenLifetimeProblem } from './token-lifetime.js';
import { anonymous, highestRole, type Viewer } from './viewer.js';

/** The credentials of one request, as its headers carry them. */
export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

/** The one credential a request presents, whichever header and spelling carry it. */
export type PresentedCredential =
  | { kind: 'none' }
  | { kind: 'api-key'; key: string }
  | { kind: 'bearer'; value: string }
  | { kind: 'malformed' };

/**
 * Reads the credential out of the headers, the only place that does: `X-API-Key` wins over
 * `Authorization`, whose scheme is `Bearer` in any case, followed by spaces or tabs.
 */
export function presentedCredential({ authorization, apiKey }: Credentials): PresentedCredential {
  if (apiKey !== undefined) return { kind: 'api-key', key: apiKey.trim() };
  if (authorization === undefined) return { kind: 'none' };
  const value = /^Bearer[ \t]+(\S+)$/i.exec(authorization.trim())?.[1];
  return value === undefined ? { kind: 'malformed' } : { kind: 'bearer', value };
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
 * a JWT verified with jose (HS256 secret or an identity provider's JWKS) that expires within
 * AUTH_JWT_MAX_LIFETIME_S, or nobody. Credentials that are present but wrong are an error, never
 * a silent fall back to anonymous.
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

  const verify = async (token: string): Promise<JWTPayload> => {
    if (!key) throw unauthenticated('This server accepts no JWTs: use an API key.');
    try {
      const { payload } =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
      if (error instanceof errors.JOSEError)
        throw unauthenticated(`The token was refused: ${error.code}.`);
      throw error;
    }
  };

  const fromJwt = async (token: string): Promise<Viewer> => {
    const payload = await verify(token);
    const problem = tokenLifetimeProblem(
      payload,
      config.AUTH_JWT_MAX_LIFETIME_S,
      Math.floor(Date.now() / 1000),
    );
    if (problem) throw unauthenticated(problem);
    return {
      id: payload.sub ?? 'unknown',
      // A valid token without a role of ours may still read; writing needs a named role.
      role: highestRole(claimedRoles(payload, config.AUTH_ROLES_CLAIM)) ?? 'viewer',
      via: 'jwt',
    };
  };

  const fromApiKey = (presented: string): Viewer | undefined => {
    const entry = matchApiKey(config.AUTH_API_KEYS, presented);
    return entry && { id: entry.name, role: entry.role, via: 'api-key' };
  };

  return async (credentials) => {
    const credential = presentedCredential(credentials);
    switch (credential.kind) {
      case 'none':
        return anonymous;
      case 'malformed':
        throw unauthenticated('The Authorization header must be "Bearer <token or API key>".');
      case 'api-key': {
        const viewer = fromApiKey(credential.key);
        if (!viewer) throw unauthenticated('The API key is not known.');
        return viewer;
      }
      case 'bearer':
        return fromApiKey(credential.value) ?? fromJwt(credential.value);
    }
  };
}

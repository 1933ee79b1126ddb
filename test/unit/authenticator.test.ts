import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthenticator, presentedCredential } from '../../src/auth/authenticator.js';
import { parseApiKeys } from '../../src/api-key-setting.js';
import { requireRole } from '../../src/auth/authorize.js';
import { anonymous } from '../../src/auth/viewer.js';
import { loadConfig } from '../../src/config.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const EDITOR_KEY = 'editor-key-0123456789abcdef';
const config = (env: Record<string, string> = {}) =>
  loadConfig({
    AUTH_JWT_SECRET: SECRET,
    AUTH_JWT_ISSUER: 'https://idp.example.org',
    AUTH_JWT_AUDIENCE: 'cig',
    AUTH_API_KEYS: `ci-bot:editor:${EDITOR_KEY}`,
    ...env,
  });
const hs256 = (claims: Record<string, unknown>, expires = '5m', secret = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setIssuer('https://idp.example.org')
    .setAudience('cig')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};
const messageOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('reading the credential out of the headers', () => {
  it('reads one key however Authorization spells the scheme and spaces, or from X-API-Key', () => {
    for (const authorization of [
      `Bearer ${EDITOR_KEY}`,
      `bearer ${EDITOR_KEY}`,
      `BEARER ${EDITOR_KEY}`,
      `Bearer    ${EDITOR_KEY}`,
      `Bearer\t${EDITOR_KEY}`,
      `  Bearer \t ${EDITOR_KEY}  `,
    ])
      expect(presentedCredential({ authorization })).toEqual({ kind: 'bearer', value: EDITOR_KEY });
    expect(presentedCredential({ apiKey: ` ${EDITOR_KEY} ` })).toEqual({
      kind: 'api-key',
      key: EDITOR_KEY,
    });
  });

  it('prefers X-API-Key, and calls anything but one Bearer value malformed', () => {
    expect(presentedCredential({ apiKey: 'k', authorization: 'Bearer t' })).toEqual({
      kind: 'api-key',
      key: 'k',
    });
    expect(presentedCredential({})).toEqual({ kind: 'none' });
    for (const authorization of ['Basic YWxpY2U6c2VjcmV0', 'Bearer', 'Bearer a b', 'Bearera', ''])
      expect(presentedCredential({ authorization })).toEqual({ kind: 'malformed' });
  });
});

describe('authentication', () => {
  const authenticate = createAuthenticator(config());

  it('is anonymous without credentials', async () => {
    expect(await authenticate({})).toEqual(anonymous);
  });

  it('takes an API key from X-API-Key or a Bearer header, and refuses an unknown one', async () => {
    const bot = { id: 'ci-bot', role: 'editor', via: 'api-key' };
    expect(await authenticate({ apiKey: EDITOR_KEY })).toEqual(bot);
    expect(await authenticate({ authorization: `Bearer ${EDITOR_KEY}` })).toEqual(bot);
    expect(await codeOf(authenticate({ apiKey: 'not-a-key-of-ours-at-all-xx' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('verifies an HS256 token: subject, highest role, issuer, audience and expiry', async () => {
    expect(
      await authenticate({
        authorization: `Bearer ${await hs256({ roles: ['viewer', 'admin'] })}`,
      }),
    ).toEqual({ id: 'alice', role: 'admin', via: 'jwt' });
    // A valid token without a role of ours may read.
    expect((await authenticate({ authorization: `Bearer ${await hs256({})}` })).role).toBe(
      'viewer',
    );
    for (const token of [
      await hs256({ roles: ['admin'] }, '-1m'),
      await hs256({ roles: ['admin'] }, '5m', 'another-secret-that-is-also-long-enough'),
      'not.a.jwt',
    ])
      expect(await codeOf(authenticate({ authorization: `Bearer ${token}` }))).toBe(
        'UNAUTHENTICATED',
      );
    expect(await codeOf(authenticate({ authorization: 'Basic YWxpY2U6c2VjcmV0' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('resolves every spelling of one API key to the same viewer', async () => {
    const bot = { id: 'ci-bot', role: 'editor', via: 'api-key' };
    for (const credentials of [
      { authorization: `bearer ${EDITOR_KEY}` },
      { authorization: `Bearer \t  ${EDITOR_KEY}` },
      { apiKey: EDITOR_KEY },
    ])
      expect(await authenticate(credentials)).toEqual(bot);
  });

  it('refuses a token without exp, or valid for longer than AUTH_JWT_MAX_LIFETIME_S', async () => {
    const forever = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuer('https://idp.example.org')
      .setAudience('cig')
      .setIssuedAt()
      .sign(new TextEncoder().encode(SECRET));
    expect(await messageOf(authenticate({ authorization: `Bearer ${forever}` }))).toBe(
      'The token has no expiry (exp claim); this server accepts only tokens that expire.',
    );
    expect(await codeOf(authenticate({ authorization: `Bearer ${forever}` }))).toBe(
      'UNAUTHENTICATED',
    );
    const week = await hs256({ roles: ['admin'] }, '7d');
    expect(await messageOf(authenticate({ authorization: `Bearer ${week}` }))).toMatch(
      /valid for 604800 s from its issue \(exp - iat\); this server accepts tokens valid for at most 86400 s/,
    );
    const hourly = createAuthenticator(config({ AUTH_JWT_MAX_LIFETIME_S: '3600' }));
    expect(await codeOf(hourly({ authorization: `Bearer ${await hs256({}, '2h')}` }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await hourly({ authorization: `Bearer ${await hs256({}, '59m')}` })).id).toBe('alice');
  });

  it('reads roles from a nested claim or a space-separated string', async () => {
    const keycloak = createAuthenticator(config({ AUTH_ROLES_CLAIM: 'realm_access.roles' }));
    const token = await hs256({ realm_access: { roles: ['editor', 'offline_access'] } });
    expect((await keycloak({ authorization: `Bearer ${token}` })).role).toBe('editor');
    const scoped = createAuthenticator(config({ AUTH_ROLES_CLAIM: 'scope' }));
    expect(
      (await scoped({ authorization: `Bearer ${await hs256({ scope: 'openid admin' })}` })).role,
    ).toBe('admin');
  });

  describe('with an identity provider’s JWKS', () => {
    const server = http.createServer();
    afterAll(
      () =>
        new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        ),
    );

    it('verifies RS256 tokens against the published keys', async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server.on('request', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const authenticate = createAuthenticator(
        loadConfig({
          AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
          AUTH_JWT_AUDIENCE: 'cig',
        }),
      );
      const token = await new SignJWT({ roles: ['editor'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('bob')
        .setAudience('cig')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await authenticate({ authorization: `Bearer ${token}` })).toEqual({
        id: 'bob',
        role: 'editor',
        via: 'jwt',
      });
      const forged = await hs256({ roles: ['admin'] });
      expect(await codeOf(authenticate({ authorization: `Bearer ${forged}` }))).toBe(
        'UNAUTHENTICATED',
      );
    });
  });
});

describe('authorisation', () => {
  it('asks the anonymous to authenticate and tells the authenticated what role they lack', () => {
    expect(() => {
      requireRole(anonymous, 'editor', 'createActor');
    }).toThrow('createActor needs a token or API key with the role editor.');
    expect(() => {
      requireRole({ id: 'vw', role: 'viewer', via: 'api-key' }, 'editor', 'createActor');
    }).toThrow(/needs the role editor; vw has the role viewer/);
    expect(() => {
      requireRole({ id: 'ad', role: 'admin', via: 'jwt' }, 'editor', 'x');
    }).not.toThrow();
  });
});

describe('API keys from the environment', () => {
  it('reports every bad entry without repeating a key', () => {
    const { keys, problems } = parseApiKeys(
      'ok:admin:0123456789abcdef0123456789, bad name:editor:0123456789abcdef0123456789, x:root:0123456789abcdef0123456789, y:viewer:short, ok:viewer:abcdefabcdefabcdefabcdefabcdef',
    );
    expect(keys.map((k) => k.name)).toEqual(['ok']);
    expect(problems).toEqual([
      'entry 2 (bad name): a name of letters, digits, . _ @ -',
      'entry 3 (x): role must be one of viewer, editor, admin',
      'entry 4 (y): the key must be at least 24 characters',
      'entry 5 (ok): the name is used twice',
    ]);
    expect(problems.join(' ')).not.toContain('0123456789abcdef');
  });

  it('fails configuration without echoing the variable', () => {
    expect(() => loadConfig({ AUTH_API_KEYS: 'a:editor:tooshort' })).toThrow(
      /AUTH_API_KEYS: entry 1 \(a\): the key must be at least 24 characters$/m,
    );
    expect(() =>
      loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://idp.example.org/jwks' }),
    ).toThrow(/not both/);
  });
});

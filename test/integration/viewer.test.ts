import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { as, roleKeysSetting } from '../support/seeded.js';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.js';

const VIEWER = '{ viewer { id role via canRead canEdit canAdminister } }';
const SECRET = 'a-test-secret-of-at-least-32-characters!';

const token = (claims: Record<string, unknown>) =>
  new SignJWT({ sub: 'analyst@example.org', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));

let database: Database;
const servers: TestServer[] = [];
const start = async (overrides: Record<string, string>) => {
  const server = await startTestServer(
    testConfig({ AUTH_API_KEYS: roleKeysSetting, AUTH_JWT_SECRET: SECRET, ...overrides }),
    database,
  );
  servers.push(server);
  return server;
};
beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await database.close();
});

describe('viewer', () => {
  it('says who each credential names and what its role allows', async () => {
    const api = await start({});
    const viewerFor = async (headers: Record<string, string>) => {
      const result = await api.graphql(VIEWER, {}, headers);
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      return result.body.data?.viewer;
    };
    expect(await viewerFor({})).toEqual({
      id: null,
      role: null,
      via: null,
      canRead: true,
      canEdit: false,
      canAdminister: false,
    });
    expect(await viewerFor(as('viewer'))).toEqual({
      id: 'vw',
      role: 'VIEWER',
      via: 'API_KEY',
      canRead: true,
      canEdit: false,
      canAdminister: false,
    });
    expect(await viewerFor(as('editor'))).toEqual({
      id: 'ed',
      role: 'EDITOR',
      via: 'API_KEY',
      canRead: true,
      canEdit: true,
      canAdminister: false,
    });
    expect(await viewerFor(as('admin'))).toEqual({
      id: 'ad',
      role: 'ADMIN',
      via: 'API_KEY',
      canRead: true,
      canEdit: true,
      canAdminister: true,
    });
    expect(
      await viewerFor({ authorization: `Bearer ${await token({ roles: ['editor'] })}` }),
    ).toEqual({
      id: 'analyst@example.org',
      role: 'EDITOR',
      via: 'TOKEN',
      canRead: true,
      canEdit: true,
      canAdminister: false,
    });
  });

  it('agrees with what the API then lets each role do', async () => {
    const api = await start({});
    const create =
      'mutation { createSource(input: { url: "https://example.org/viewer", title: "Viewer", publisher: "Example" }) { id version } }';
    expect((await errorOf(api, create, {}, as('viewer'))).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const created = (await dataOf(api, create, {}, as('editor'))).createSource as {
      id: string;
      version: number;
    };
    const remove = `mutation { deleteSource(id: "${created.id}", version: ${created.version}) { id } }`;
    expect((await errorOf(api, remove, {}, as('editor'))).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await dataOf(api, remove, {}, as('admin'))).toEqual({
      deleteSource: { id: created.id },
    });
  });

  it('is refused, not answered as anonymous, for a credential that is wrong', async () => {
    const api = await start({});
    const wrong = await errorOf(api, VIEWER, {}, { 'x-api-key': 'a-key-that-nobody-was-given' });
    expect(wrong.status).toBe(401);
    expect(wrong.error?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('needs a credential where reads do (AUTH_READS=token)', async () => {
    const api = await start({ AUTH_READS: 'token' });
    const anonymous = await errorOf(api, VIEWER);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.extensions?.code).toBe('UNAUTHENTICATED');
    const read = await api.graphql(VIEWER, {}, as('viewer'));
    expect(read.body.data?.viewer).toMatchObject({ role: 'VIEWER', canRead: true });
  });
});

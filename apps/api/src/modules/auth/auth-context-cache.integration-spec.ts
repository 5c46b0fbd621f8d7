// The auth context kept between requests (auth-context.cache.ts) never outlives a change: in the process
// that made it, the next request sees it; in another replica, as soon as PostgreSQL's notification
// arrives; while the notification connection is down, nothing is served from the cache. Two API
// instances on one database, as two replicas behind a load balancer.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { User } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';
import { AuthContextCache } from './auth-context.cache';

describe('auth context cache across replicas', () => {
  let t: TestApp;
  let replica: NestFastifyApplication;
  let hubA: string;
  let hubB: string;

  beforeAll(async () => {
    t = await createTestApp();
    // A second instance on the same database (createTestApp left its DATABASE_URL and secrets in the env).
    const { createApp } = await import('../../app/create-app');
    replica = await createApp({ logger: false });
    await replica.init();
    await replica.getHttpAdapter().getInstance().ready();
    [hubA, hubB] = [(await t.newHub()).id, (await t.newHub()).id];
    await eventually(() => listening(t.app) && listening(replica));
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  const onReplica = async (path: string, token: string) => (await replica.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } })).statusCode;
  const cacheOf = (app: NestFastifyApplication) => app.get(AuthContextCache);
  const listening = (app: NestFastifyApplication) => (cacheOf(app) as unknown as { listening: boolean }).listening;
  const sessionOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;

  async function signedInStaff(hubIds = [hubA]) {
    const { user, token } = await t.newUser('staff', { hubIds });
    await t.passwordChosen(user.id);
    return { user, token: (await t.login(user.email)).accessToken };
  }

  it('keeps a sign-in between requests, so a request sends one statement', async () => {
    const { token } = await signedInStaff();
    expect(await onReplica('/api/visits', token)).toBe(200);
    expect(cacheOf(replica).get(sessionOf(token))).toMatchObject({ role: 'staff', hub_ids: [hubA] });
  });

  it('a sign-out in one replica ends access in the other within the notification', async () => {
    const { token } = await signedInStaff();
    expect(await onReplica('/api/visits', token)).toBe(200);
    expect(cacheOf(replica).get(sessionOf(token))).toBeDefined();

    await t.sql('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [sessionOf(token)]);
    const elapsed = await eventually(async () => (await onReplica('/api/visits', token)) === 401);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('a deactivation ends access at once in the replica that made it, and within the notification in the other', async () => {
    const { user, token } = await signedInStaff();
    expect((await t.request('GET', '/api/visits', { token })).status).toBe(200);
    expect(await onReplica('/api/visits', token)).toBe(200);
    const current = (await t.request<User>('GET', `/api/users/${user.id}`, { token: t.adminToken })).body;
    expect((await t.request('PATCH', `/api/users/${user.id}`, { token: t.adminToken, body: { version: current.version, active: false } })).status).toBe(200);
    expect((await t.request('GET', '/api/visits', { token })).status).toBe(401);
    expect(await eventually(async () => (await onReplica('/api/visits', token)) === 401)).toBeLessThan(1_000);
  });

  it('a hub change narrows what the other replica lets the user see', async () => {
    const { user, token } = await signedInStaff([hubA, hubB]);
    expect(await onReplica(`/api/hubs/${hubB}`, token)).toBe(200);
    const current = (await t.request<User>('GET', `/api/users/${user.id}`, { token: t.adminToken })).body;
    expect((await t.request('PATCH', `/api/users/${user.id}`, { token: t.adminToken, body: { version: current.version, hubIds: [hubA] } })).status).toBe(200);
    expect(await eventually(async () => (await onReplica(`/api/hubs/${hubB}`, token)) === 404)).toBeLessThan(1_000);
    expect(await onReplica(`/api/hubs/${hubA}`, token)).toBe(200);
  });

  it('while its notification connection is down, a replica reads every sign-in from the database, then listens again', async () => {
    const { token } = await signedInStaff();
    expect(await onReplica('/api/visits', token)).toBe(200);
    await t.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mih-api-auth-listener' AND datname = current_database()");
    await eventually(() => !listening(replica));
    expect(cacheOf(replica).get(sessionOf(token))).toBeUndefined();
    // A change made while nobody listens is still seen: the request reads the database.
    await t.sql('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [sessionOf(token)]);
    expect(await onReplica('/api/visits', token)).toBe(401);

    await eventually(() => listening(replica), 5_000);
    const again = await signedInStaff();
    expect(await onReplica('/api/visits', again.token)).toBe(200);
    expect(cacheOf(replica).get(sessionOf(again.token))).toBeDefined();
  });
});

/** Polls until `done` holds; returns how long it took (fails after `timeoutMs`). */
async function eventually(done: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<number> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

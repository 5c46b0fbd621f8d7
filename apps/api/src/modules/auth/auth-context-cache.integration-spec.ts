// The auth context kept between requests (auth-context.cache.ts) never outlives a change: in the process
// that made it, the very next request sees it; in another process (a replica, the CLI, psql), as soon as
// PostgreSQL's notification arrives; while the notification connection is down, nothing is served from
// the cache. The other replica is a second cache listening on the same database: two Nest apps in one
// process would share passport's strategies, so they could not stand for two replicas here (the
// reliability suite runs two real API processes).
import type { ConfigService } from '@nestjs/config';
import type { User } from '@mih/contracts';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { createTestApp, TestApp } from '../../testing/test-app';
import { AuthContextCache } from './auth-context.cache';

describe('auth context cache', () => {
  let t: TestApp;
  let replica: AuthContextCache<{ id: string }>;
  let hubA: string;
  let hubB: string;

  beforeAll(async () => {
    t = await createTestApp();
    const config = { get: (key: string) => (key === 'DATABASE_URL' ? t.databaseUrl : 5) } as unknown as ConfigService<AppConfig, true>;
    replica = new AuthContextCache({ subscribers: [] } as unknown as DataSource, config);
    await replica.onModuleInit();
    [hubA, hubB] = [(await t.newHub()).id, (await t.newHub()).id];
    await eventually(() => listening(cacheOf()) && listening(replica));
  });
  afterAll(async () => {
    await replica?.onApplicationShutdown();
    await t?.close();
  });

  const cacheOf = () => t.app.get(AuthContextCache);
  const listening = (cache: AuthContextCache<unknown>) => (cache as unknown as { listening: boolean }).listening;
  const sessionOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
  const visits = async (token: string) => (await t.request('GET', '/api/visits', { token })).status;

  async function signedInStaff(hubIds = [hubA]) {
    const { user } = await t.newUser('staff', { hubIds });
    await t.passwordChosen(user.id);
    return { user, token: (await t.login(user.email)).accessToken };
  }
  async function patchUser(id: string, changes: Record<string, unknown>) {
    const current = (await t.request<User>('GET', `/api/users/${id}`, { token: t.adminToken })).body;
    expect((await t.request('PATCH', `/api/users/${id}`, { token: t.adminToken, body: { version: current.version, ...changes } })).status).toBe(200);
  }

  it('keeps a sign-in between requests, so a request sends one statement', async () => {
    const { token } = await signedInStaff();
    expect(await visits(token)).toBe(200);
    expect(cacheOf().get(sessionOf(token))).toMatchObject({ role: 'staff', hub_ids: [hubA] });
  });

  it('a deactivation ends access on the very next request of the process that made it', async () => {
    const { user, token } = await signedInStaff();
    expect(await visits(token)).toBe(200);
    expect(cacheOf().get(sessionOf(token))).toBeDefined();
    await patchUser(user.id, { active: false });
    expect(await visits(token)).toBe(401);
  });

  it('a hub change narrows what the user sees on the very next request', async () => {
    const { user, token } = await signedInStaff([hubA, hubB]);
    expect((await t.request('GET', `/api/hubs/${hubB}`, { token })).status).toBe(200);
    await patchUser(user.id, { hubIds: [hubA] });
    expect((await t.request('GET', `/api/hubs/${hubB}`, { token })).status).toBe(404);
  });

  it("another process's change to the user, their hubs or their sign-ins drops what a replica kept for that user only", async () => {
    const keep = async () => {
      const { user, token } = await signedInStaff();
      replica.set(sessionOf(token), user.id, { id: user.id }, replica.currentGeneration());
      expect(replica.get(sessionOf(token))).toBeDefined();
      return { user, sid: sessionOf(token) };
    };
    const [signedOut, deactivated, moved, bystander] = [await keep(), await keep(), await keep(), await keep()];

    await t.sql('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [signedOut.sid]);
    expect(await eventually(() => replica.get(signedOut.sid) === undefined)).toBeLessThan(1_000);
    await t.sql('UPDATE users SET active = false WHERE id = $1', [deactivated.user.id]);
    expect(await eventually(() => replica.get(deactivated.sid) === undefined)).toBeLessThan(1_000);
    await t.sql('INSERT INTO user_hubs (user_id, hub_id) VALUES ($1, $2)', [moved.user.id, hubB]);
    expect(await eventually(() => replica.get(moved.sid) === undefined)).toBeLessThan(1_000);
    expect(replica.get(bystander.sid)).toBeDefined();
  });

  it('while its notification connection is down, a process reads every sign-in from the database, then listens again', async () => {
    const { token } = await signedInStaff();
    expect(await visits(token)).toBe(200);
    await t.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mih-api-auth-listener' AND datname = current_database()");
    await eventually(() => !listening(cacheOf()) && !listening(replica));
    expect(cacheOf().get(sessionOf(token))).toBeUndefined();
    // A change made while nobody listens is still seen: the request reads the database.
    await t.sql('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [sessionOf(token)]);
    expect(await visits(token)).toBe(401);

    await eventually(() => listening(cacheOf()) && listening(replica), 5_000);
    const again = await signedInStaff();
    expect(await visits(again.token)).toBe(200);
    expect(cacheOf().get(sessionOf(again.token))).toBeDefined();
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

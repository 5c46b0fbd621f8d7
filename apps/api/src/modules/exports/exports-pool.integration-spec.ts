// Exports held open and never read must not starve the API (issue 12: ~20 unread exports took every
// connection of the main pool, sign-in included). 30 downloads are opened over real sockets by 15
// users and never read: beyond the per-user and overall limits they answer 429 with Retry-After, the
// others hold connections of the separate heavy-read pool only; sign-in and visit logging keep
// answering quickly; after EXPORT_IDLE_READ_SECONDS the stalled downloads are cut and everything is freed.
import type { Hub } from '@mih/contracts';
import { randomUUID } from 'node:crypto';
import { connect, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

const VISITS = 80_000; // ~10 MB of CSV: more than the socket buffers of a client that reads nothing
let t: TestApp;
let hub: Hub;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ EXPORT_IDLE_READ_SECONDS: '3', HEAVY_READS_PER_USER: '2', HEAVY_READS_MAX: '6' });
  hub = await t.newHub({ countryCode: 'CR' });
  const [admin] = await t.sql(`SELECT id FROM users WHERE email = 'admin@test.example'`);
  await t.sql(
    `INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, sex, age_band, nationality, profile, topics)
     SELECT gen_random_uuid(), $1, timestamptz '2025-01-01 00:00Z' + n * interval '1 minute', $2, 'in_person',
            'female', '25-59', 'NI', 'immigrant', ARRAY['documents', 'migrant_rights']
     FROM generate_series(1, ${VISITS}) n`,
    [hub.id, admin.id],
  );
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
}, 90_000);
afterAll(() => t.close());

/** Opens a download and reads only the status line and headers; then never reads again. */
function openUnread(token: string): Promise<{ status: number; retryAfter: string | null; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /api/exports/visits.csv?hubId=${hub.id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    });
    socket.once('data', (chunk: Buffer) => {
      socket.pause(); // the client stops reading: the server's writes back up
      const head = chunk.toString('latin1');
      resolve({ status: Number(head.split(' ')[1]), retryAfter: /\r\nretry-after: (\d+)/i.exec(head)?.[1] ?? null, socket });
    });
    socket.on('error', () => undefined);
    setTimeout(() => reject(new Error('no answer')), 15_000).unref();
  });
}

it('keeps sign-in and visit logging answering while 30 exports are held open unread', async () => {
  const users = await Promise.all(Array.from({ length: 15 }, () => t.newUser('admin')));
  const staff = await t.newUser('staff', { hubIds: [hub.id] });
  const opened = await Promise.all(users.flatMap((user) => [openUnread(user.token), openUnread(user.token)]));
  try {
    const held = opened.filter((o) => o.status === 200);
    const refused = opened.filter((o) => o.status === 429);
    expect(held.length).toBe(6);
    expect(refused.length).toBe(24);
    expect(refused.every((o) => o.retryAfter !== null)).toBe(true);

    // A caller whose own slots are taken is refused a dashboard too (same pool and limits).
    const holder = users[opened.findIndex((o) => o.status === 200) >> 1];
    const dashboard = await t.request('GET', '/api/reports/dashboard?from=2025-01-01&to=2025-03-31', { token: holder.token });
    expect([dashboard.status, dashboard.headers['retry-after']]).toEqual([429, expect.any(String)]);

    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      let started = Date.now();
      const login = await t.request('POST', '/api/auth/login', { body: { email: staff.user.email, password: TEST_PASSWORD } });
      timings.push(Date.now() - started);
      expect(login.status).toBe(200);
      started = Date.now();
      const visit = await t.request('POST', '/api/visits', {
        token: staff.token,
        body: { id: randomUUID(), hubId: hub.id, occurredAt: new Date().toISOString(), channel: 'in_person', topics: ['documents'], sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending' },
      });
      timings.push(Date.now() - started);
      expect(visit.status).toBe(201);
    }
    console.log(`[exports] 30 unread exports: ${held.length} held, ${refused.length} refused with 429; sign-in and visit logging meanwhile: max ${Math.max(...timings)} ms`);
    expect(Math.max(...timings)).toBeLessThan(3000);

    // The stalled downloads are cut after the idle-read limit: slots and connections come back.
    let heavyBusy = -1;
    for (let i = 0; i < 100 && heavyBusy !== 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const [row] = await t.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'mih-api-heavy' AND state <> 'idle'`, [t.databaseName]);
      heavyBusy = row.n;
    }
    expect(heavyBusy).toBe(0);
    const again = await t.request('GET', '/api/reports/dashboard?from=2025-01-01&to=2025-03-31', { token: holder.token });
    expect(again.status).toBe(200);
  } finally {
    for (const o of opened) o.socket.destroy();
  }
}, 90_000);

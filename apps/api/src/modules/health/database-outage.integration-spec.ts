// While the database cannot be reached (DATABASE_URL behind a network that fails), every request answers
// 503 with Retry-After — never 401 (a client would sign its user out) nor 500 — and the API recovers by
// itself when the database is back. The API talks to PostgreSQL through a TCP proxy the spec cuts.
import { randomUUID } from 'node:crypto';
import { startTcpProxy, TcpProxy } from '../../testing/tcp-proxy';
import { createTestApp, TEST_PASSWORD, TestApp, TestResponse } from '../../testing/test-app';

describe('database outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let hubId: string;
  let staff: { email: string; token: string };

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_CONNECT_TIMEOUT_SECONDS: '1', HEAVY_READS_ACQUIRE_SECONDS: '1' }, {
      apiDatabaseUrl: async (url) => {
        proxy = await startTcpProxy(url);
        return proxy.url;
      },
    });
    hubId = (await t.newHub()).id;
    const created = await t.newUser('staff', { hubIds: [hubId] });
    staff = { email: created.user.email, token: created.token };
  });
  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  const visit = (id: string) => ({
    id,
    hubId,
    occurredAt: new Date().toISOString(),
    channel: 'in_person',
    topics: ['documents'],
    sex: 'female',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'intending',
  });
  const expectTryAgain = (response: TestResponse) => {
    expect({ status: response.status, retryAfter: response.headers['retry-after'] }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
  };

  it('answers 503 with Retry-After to authenticated reads and writes, sign-in and health while refused, then recovers', async () => {
    await proxy.refuse();
    const list = await t.request('GET', '/api/visits', { token: staff.token });
    expectTryAgain(list);
    expect(list.body).toEqual({ statusCode: 503, code: 'service_unavailable', message: expect.any(String) });
    const id = randomUUID();
    expectTryAgain(await t.request('POST', '/api/visits', { token: staff.token, body: visit(id) }));
    expectTryAgain(await t.request('GET', '/api/auth/me', { token: staff.token }));
    expectTryAgain(await t.request('POST', '/api/auth/login', { body: { email: staff.email, password: TEST_PASSWORD } }));
    expectTryAgain(await t.request('GET', '/api/health'));

    await proxy.restore();
    const retried = await eventually(() => t.request('POST', '/api/visits', { token: staff.token, body: visit(id) }));
    expect(retried.status).toBe(201);
    expect((await t.request('GET', '/api/visits', { token: staff.token })).status).toBe(200);
    expect(await t.sql('SELECT count(*)::int AS n FROM visits WHERE id = $1', [id])).toEqual([{ n: 1 }]);
  });

  it('answers 503 within the connection timeout when the network swallows packets, then recovers', async () => {
    proxy.blackhole();
    // The first request meets its dropped pooled connection; the next ones wait for a new connection
    // that never answers, until the pool's connection timeout (DATABASE_CONNECT_TIMEOUT_SECONDS, 1 s
    // here, 5 by default), never for ever.
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      expectTryAgain(await t.request('GET', '/api/visits', { token: staff.token }));
      expect(Date.now() - started).toBeLessThan(4_000);
    }
    await proxy.restore();
    expect((await eventually(() => t.request('GET', '/api/visits', { token: staff.token }))).status).toBe(200);
  }, 30_000);
});

/** Retries while the answer is 503, as a client honouring Retry-After would (quicker here). */
async function eventually(call: () => Promise<TestResponse>): Promise<TestResponse> {
  let response = await call();
  for (let i = 0; i < 40 && response.status === 503; i++) {
    await new Promise((r) => setTimeout(r, 250));
    response = await call();
  }
  return response;
}

// The per-IP rate limit on /api/auth/* (AUTH_RATE_LIMIT_PER_MINUTE), separate from the per-email lockout.
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

describe('auth rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  // From an address of its own, so the harness's admin sign-in (from 127.0.0.1) does not count.
  const loginFrom = async (remoteAddress: string, email: string, password = TEST_PASSWORD) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
    return { status: response.statusCode, body: response.json() };
  };

  it('answers the 4th call to /api/auth/login within a minute with 429 too_many_requests', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await loginFrom('10.0.0.1', 'admin@test.example')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const fourth = await loginFrom('10.0.0.1', 'admin@test.example');
    expect(fourth.status).toBe(429);
    expect(fourth.body).toEqual({ statusCode: 429, code: 'too_many_requests', message: expect.any(String) });
  });

  it('counts calls whatever their outcome, wrong passwords included', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await loginFrom('10.0.0.2', 'nobody@test.example', 'Wrong-password-1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts each client address separately', async () => {
    for (let i = 0; i < 4; i++) await loginFrom('10.0.0.3', 'nobody@test.example', 'Wrong-password-1');
    expect((await loginFrom('10.0.0.3', 'admin@test.example')).status).toBe(429);
    expect((await loginFrom('10.0.0.4', 'admin@test.example')).status).toBe(200);
  });
});

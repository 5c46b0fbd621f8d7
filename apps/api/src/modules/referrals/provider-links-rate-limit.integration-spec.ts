// The public provider-link routes are rate-limited per address like /api/auth/* (AUTH_RATE_LIMIT_PER_MINUTE),
// so tokens cannot be guessed at speed.
import { createTestApp, TestApp } from '../../testing/test-app';

describe('provider link rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  const viewFrom = async (remoteAddress: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/provider-links/view', remoteAddress, payload: { token: 'guess' } })).statusCode;

  it('answers the 4th call from one address within a minute with 429, and counts each address apart', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await viewFrom('10.0.0.9'));
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(await viewFrom('10.0.0.10')).toBe(404);
  });
});

// The sign-in lockout under a parallel burst (issue 12: 30 guesses at once got 10 to 22 answers before
// the lock) and its guard against locking someone else out: per account and source, with a higher
// whole-account cap.
import { createHash } from 'node:crypto';
import { LoginThrottleService } from './login-throttle.service';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

describe('sign-in lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '6', LOGIN_ACCOUNT_MAX_FAILURES: '20' });
  });
  afterAll(() => t?.close());

  const loginFrom = async (remoteAddress: string, email: string, password: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
    return response.statusCode;
  };
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

  it('lets at most 6 of 30 parallel wrong passwords from one source reach the password check', async () => {
    const { user } = await t.newUser('admin');
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => loginFrom('10.1.0.1', user.email, `Wrong-password-${i}`)));
    const checked = statuses.filter((s) => s !== 429 && s !== 423);
    console.log(`[lockout] 30 parallel wrong passwords from one source: ${JSON.stringify(tally(statuses))}`);
    expect(checked.length).toBeLessThanOrEqual(6);
    expect(checked.every((s) => s === 401)).toBe(true);
    // Locked from there, even with the right password...
    expect(await loginFrom('10.1.0.1', user.email, TEST_PASSWORD)).toBe(429);
    // ...but not from elsewhere: the owner of the account (here: the admin) can still sign in.
    expect(await loginFrom('10.1.0.2', user.email, TEST_PASSWORD)).toBe(200);
  });

  it('counts an IPv6 /64 as one source', async () => {
    const { user } = await t.newUser('admin');
    for (let i = 1; i <= 6; i++) expect(await loginFrom(`2001:db8:1:2::${i}`, user.email, 'Wrong-password-1')).toBe(401);
    expect(await loginFrom('2001:db8:1:2:ffff::9', user.email, TEST_PASSWORD)).toBe(429);
    expect(await loginFrom('2001:db8:1:3::1', user.email, TEST_PASSWORD)).toBe(200);
  });

  it('locks the whole account after LOGIN_ACCOUNT_MAX_FAILURES from many sources, even under a parallel burst', async () => {
    const { user } = await t.newUser('admin');
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(`10.2.${i}.1`, user.email, `Wrong-password-${i}`)));
    const checked = statuses.filter((s) => s !== 429);
    console.log(`[lockout] 40 parallel wrong passwords from 40 sources: ${JSON.stringify(tally(statuses))}`);
    expect(checked.length).toBeLessThanOrEqual(20);
    expect(await loginFrom('10.3.0.1', user.email, TEST_PASSWORD)).toBe(429);
  });

  it('gives a right password’s attempt back to the account counter and starts its source afresh', async () => {
    const { user } = await t.newUser('admin');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) expect(await loginFrom('10.4.0.1', user.email, 'Wrong-password-1')).toBe(401);
      expect(await loginFrom('10.4.0.1', user.email, TEST_PASSWORD)).toBe(200);
    }
    const emailHash = createHash('sha256').update(user.email.toLowerCase()).digest('hex');
    const [row] = await t.sql("SELECT attempts FROM login_throttles WHERE email_hash = $1 AND source = ''", [emailHash]);
    expect(row.attempts).toBe(15);
  });

  it('deletes counters whose window and lock ran out, now and then', async () => {
    await t.sql(`INSERT INTO login_throttles (email_hash, source, attempts, window_started_at) VALUES (repeat('a', 64), repeat('b', 64), 3, now() - interval '3 days'), (repeat('c', 64), '', 3, now())`);
    await (t.app.get(LoginThrottleService) as unknown as { sweep(): Promise<void> }).sweep();
    const left = await t.sql(`SELECT left(email_hash, 1) AS e FROM login_throttles WHERE email_hash IN (repeat('a', 64), repeat('c', 64))`);
    expect(left).toEqual([{ e: 'c' }]);
  });
});

import { ERROR_CODES } from '@mih/contracts';
import {
  FIRST_RETRY_MS,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_MS,
  MAX_SERVER_ERROR_ATTEMPTS,
  type OutboxEntryState,
  type SendFailure,
  afterAttempt,
  isDue,
  judge,
  resend,
  retryDelay,
} from './outbox-rules';

const NOW = 1_000_000;
const noJitter = () => 0.5;
const fresh: OutboxEntryState = { status: 'pending', attempts: 0, nextAttemptAt: NOW };
const failure = (statusCode: number, code: string, extra: Partial<SendFailure> = {}): SendFailure => ({
  statusCode,
  code,
  message: 'x',
  ...extra,
});
const network = failure(0, 'network_error');

describe('outbox rules', () => {
  it('an answered send leaves the outbox', () => {
    expect(afterAttempt(fresh, null, NOW)).toBeNull();
  });

  it.each([0, 408, 429, 502, 503, 504])('status %i is "not now": the record stays pending and is retried', (status) => {
    const next = afterAttempt(fresh, failure(status, 'x'), NOW, noJitter);
    expect(next).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: NOW + FIRST_RETRY_MS });
  });

  it.each([
    [400, ERROR_CODES.validationFailed],
    [403, ERROR_CODES.forbidden],
    [404, ERROR_CODES.notFound],
    [409, ERROR_CODES.staleVersion],
    [409, ERROR_CODES.quarterLocked],
    [409, ERROR_CODES.conflict],
    [413, ERROR_CODES.payloadTooLarge],
  ])('a refusal (%i %s) needs attention, with the server reason, and is not retried by itself', (status, code) => {
    const errors = [{ field: 'occurredAt', constraints: ['notInFuture'], message: 'm' }];
    const next = afterAttempt(fresh, failure(status, code, { errors }), NOW)!;
    expect(next.status).toBe('needs_attention');
    expect(next.error).toEqual({ statusCode: status, code, message: 'x', errors });
    expect(isDue(next, Number.MAX_SAFE_INTEGER - 1, true)).toBe(false);
  });

  it('a 401 after the token refresh waits for its user to sign in again, without counting as a failure', () => {
    const next = afterAttempt({ ...fresh, attempts: 3 }, failure(401, ERROR_CODES.unauthorized), NOW)!;
    expect(next).toMatchObject({ status: 'pending', attempts: 3, nextAttemptAt: NOW });
    expect(judge(failure(401, ERROR_CODES.unauthorized), 1).kind).toBe('wait_for_sign_in');
  });

  it('a 403 password_change_required waits too (an admin set the password), instead of needing attention', () => {
    expect(judge(failure(403, ERROR_CODES.passwordChangeRequired), 1).kind).toBe('wait_for_sign_in');
    expect(judge(failure(403, ERROR_CODES.forbidden), 1).kind).toBe('refused');
  });

  it('a server error is retried a few times, then a person looks at it', () => {
    let entry: OutboxEntryState = fresh;
    for (let i = 1; i < MAX_SERVER_ERROR_ATTEMPTS; i++) {
      entry = afterAttempt(entry, failure(500, ERROR_CODES.internal), NOW, noJitter)!;
      expect(entry.status).toBe('pending');
    }
    entry = afterAttempt(entry, failure(500, ERROR_CODES.internal), NOW, noJitter)!;
    expect(entry.status).toBe('needs_attention');
  });

  it('backs off exponentially, capped so a record goes within seconds of the link coming back', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelay(network, n, noJitter));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, MAX_RETRY_MS, MAX_RETRY_MS, MAX_RETRY_MS]);
  });

  it('spreads retries by ±20 % so reconnecting devices do not knock at once', () => {
    expect(retryDelay(network, 3, () => 0)).toBe(3_200);
    expect(retryDelay(network, 3, () => 0.999999)).toBe(4_800);
  });

  it('honours Retry-After, but not beyond ten minutes', () => {
    expect(retryDelay(failure(429, 'too_many_requests', { retryAfterMs: 7_000 }), 1)).toBe(7_000);
    expect(retryDelay(failure(503, 'service_unavailable', { retryAfterMs: 0 }), 5)).toBe(0);
    expect(retryDelay(failure(503, 'service_unavailable', { retryAfterMs: 86_400_000 }), 1)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('a record is due when its wait is over; "online again" skips only the wait of a lost link', () => {
    const lostLink = afterAttempt(fresh, network, NOW, noJitter)!;
    const throttled = afterAttempt(fresh, failure(429, 'too_many_requests', { retryAfterMs: 60_000 }), NOW)!;
    expect(isDue(lostLink, NOW)).toBe(false);
    expect(isDue(lostLink, NOW + FIRST_RETRY_MS)).toBe(true);
    expect(isDue(lostLink, NOW, true)).toBe(true);
    expect(isDue(throttled, NOW, true)).toBe(false);
    expect(isDue({ ...fresh, status: 'sending' }, NOW)).toBe(false);
  });

  it('"send again" puts a refused record back in line with a clean slate', () => {
    const refused = afterAttempt(fresh, failure(409, ERROR_CODES.quarterLocked), NOW)!;
    expect(resend(refused, NOW + 5)).toEqual({ status: 'pending', attempts: 0, nextAttemptAt: NOW + 5, error: undefined });
  });
});

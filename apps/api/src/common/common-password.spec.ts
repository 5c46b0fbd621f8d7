// The common-password check runs on the list shipped in fxa-common-password-list, offline.
import { isCommonPassword } from './validators';

describe('isCommonPassword', () => {
  it.each(['password123', 'qwertyuiop', '1234567890', 'Password123', 'QWERTYUIOP', 'iloveyou12'])('finds %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Demo-2026!', 'Lucia-2026!', 'Test-password-1', 'Volume-2026!', 'Verde-llanura-2027'])('lets the demo and test password %s through', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  it('answers fast enough to run on every request that sets a password', () => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) isCommonPassword(`Not-on-the-list-${i}`);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});

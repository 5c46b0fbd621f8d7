import { ageBandOf } from '@mih/contracts';

// The rule the visit form and the API both apply (libs/shared/contracts/src/lib/rules.ts).
describe('ageBandOf', () => {
  const on = new Date('2026-12-06T15:00:00Z');
  const person = (dateOfBirth: string | null, birthYear: number | null, ageBand: '18-24' | null = null) => ({ dateOfBirth, birthYear, ageBand });

  it('counts the birthday to the day when the date is known', () => {
    expect(ageBandOf(person('2008-12-07', 2008), on)).toBe('12-17'); // 17 until tomorrow
    expect(ageBandOf(person('2008-12-06', 2008), on)).toBe('18-24');
  });

  it('takes a masked date as a year of birth only', () => {
    expect(ageBandOf(person('2008-**-**', 2008), on)).toBe('18-24');
  });

  it('prefers the birth data over a band recorded earlier, and falls back to that band', () => {
    expect(ageBandOf(person(null, 1950, '18-24'), on)).toBe('60+');
    expect(ageBandOf(person(null, null, '18-24'), on)).toBe('18-24');
    expect(ageBandOf(person(null, null), on)).toBeNull();
  });
});

// Rules both sides apply. Written once here so the form shows what the API will store.
import type { AgeBand } from './enums';

/** How far in the future a device clock may put a record's time before it is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The person's age band on a given day: from the date of birth when it is known to the day, else from
 * the year of birth (age reached this year), else the band recorded on the person.
 * A masked date (`1990-**-**`) counts as a year only.
 */
export function ageBandOf(
  person: { dateOfBirth?: string | null; birthYear: number | null; ageBand: AgeBand | null },
  on: Date,
): AgeBand | null {
  const age = ageOn(person, on);
  if (age === null) return person.ageBand;
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 25) return '18-24';
  if (age < 60) return '25-59';
  return '60+';
}

function ageOn(person: { dateOfBirth?: string | null; birthYear: number | null }, on: Date): number | null {
  const [year, month, day] = (person.dateOfBirth ?? '').split('-').map(Number);
  if (year && month && day) {
    const hadBirthday = on.getUTCMonth() + 1 > month || (on.getUTCMonth() + 1 === month && on.getUTCDate() >= day);
    return on.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
  }
  return person.birthYear === null ? null : on.getUTCFullYear() - person.birthYear;
}

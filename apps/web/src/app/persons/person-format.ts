// How a person is summarised on screen without revealing anything: code, masked name, age.
import type { AgeBand, Person } from '@mih/contracts';

/** The name as the API sent it: masked (`J*** H***`) unless revealed; empty without consent. */
export function personName(person: Pick<Person, 'identifying'>): string {
  const { givenName, familyName } = person.identifying;
  return [givenName, familyName].filter(Boolean).join(' ');
}

/** Age in years from the birth year (±1), or null when only an age band is known. */
export function approximateAge(birthYear: number | null, today = new Date()): number | null {
  return birthYear === null ? null : today.getFullYear() - birthYear;
}

/** The age band a visit records for this person: theirs, or the one their birth year falls in. */
export function ageBandOf(person: Pick<Person, 'ageBand' | 'birthYear'>, today = new Date()): AgeBand | null {
  if (person.ageBand) return person.ageBand;
  const age = approximateAge(person.birthYear, today);
  if (age === null) return null;
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 25) return '18-24';
  if (age < 60) return '25-59';
  return '60+';
}

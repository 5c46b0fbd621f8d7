// How a person is summarised on screen without revealing anything: code, masked name, age.
import { ageBandOf as sharedAgeBandOf, type AgeBand, type Person } from '@mih/contracts';

/** The name as the API sent it: masked (`J*** H***`) unless revealed; empty without consent. */
export function personName(person: Pick<Person, 'identifying'>): string {
  const { givenName, familyName } = person.identifying;
  return [givenName, familyName].filter(Boolean).join(' ');
}

/** Age in years from the birth year (±1), or null when only an age band is known. */
export function approximateAge(birthYear: number | null, today = new Date()): number | null {
  return birthYear === null ? null : today.getFullYear() - birthYear;
}

/** The age band a visit today records for this person, by the rule the API applies. */
export function ageBandOf(person: Pick<Person, 'ageBand' | 'birthYear' | 'identifying'>, today = new Date()): AgeBand | null {
  return sharedAgeBandOf({ ...person, dateOfBirth: person.identifying.dateOfBirth }, today);
}

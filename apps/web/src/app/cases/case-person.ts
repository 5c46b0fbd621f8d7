// A person record started from a case: the same demographics, and the name and contact only when the
// person consented to them being recorded.
import type { CaseDetail } from '@mih/contracts';
import type { PersonCreateDialogData } from '../persons/person-create-dialog.component';

/** What the person form's phone field accepts; any other contact stays on the case only. */
const PHONE = /^[+0-9][0-9 ()./-]{2,39}$/;

export function personInitialFromCase(c: CaseDetail): NonNullable<PersonCreateDialogData['initial']> {
  const initial: NonNullable<PersonCreateDialogData['initial']> = {
    hubId: c.hubId,
    sex: c.sex,
    nationality: c.nationality,
    profile: c.profile,
    ageBand: c.ageBand,
    vulnerabilities: [...c.vulnerabilities],
  };
  if (c.consent?.given) {
    initial.consent = { given: true, purposes: [...c.consent.purposes], date: c.consent.date };
    if (c.givenName) initial.givenName = c.givenName;
    if (c.contact && PHONE.test(c.contact)) initial.phone = c.contact;
  }
  return initial;
}

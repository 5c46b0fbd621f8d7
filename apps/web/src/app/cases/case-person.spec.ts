import { caseDetail } from '../../testing/activity-fixtures';
import { personInitialFromCase } from './case-person';

describe('personInitialFromCase', () => {
  it('starts the person from the case: demographics, and name and phone under the same consent', () => {
    expect(personInitialFromCase(caseDetail({ vulnerabilities: ['pregnant'] }))).toEqual({
      hubId: caseDetail().hubId,
      sex: 'female',
      nationality: 'HN',
      profile: 'in_transit',
      ageBand: '18-24',
      vulnerabilities: ['pregnant'],
      consent: { given: true, purposes: ['contact', 'follow_up'], date: '2026-03-02' },
      givenName: 'Yesenia',
      phone: '+502 5555 0101',
    });
  });

  it('carries no name or contact without consent, and no contact that is not a phone number', () => {
    const withoutConsent = personInitialFromCase(caseDetail({ consent: null, givenName: null, contact: null }));
    expect(withoutConsent).not.toHaveProperty('consent');
    expect(withoutConsent).not.toHaveProperty('givenName');
    expect(personInitialFromCase(caseDetail({ contact: 'por medio de su hermana en el mercado' }))).not.toHaveProperty('phone');
  });
});

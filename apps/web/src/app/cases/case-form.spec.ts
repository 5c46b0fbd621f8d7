import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { buildCaseForm, createCaseRequest, updateCaseConsentState } from './case-form';

describe('case form', () => {
  function filled() {
    const form = buildCaseForm(TestBed.inject(NonNullableFormBuilder));
    updateCaseConsentState(form);
    form.patchValue({
      hubId: 'hub-1',
      needCategory: 'shelter',
      urgency: 'priority',
      sex: 'female',
      ageBand: '18-24',
      nationality: 'HN',
      profile: 'in_transit',
      description: '  Sin albergue esta noche  ',
    });
    return form;
  }

  it('keeps the name and contact locked until consent is checked, and sends none without it', () => {
    const form = filled();
    expect(form.controls.givenName.disabled).toBe(true);
    form.controls.givenName.setValue('Yesenia'); // a value left behind is never sent without consent
    expect(form.valid).toBe(true);
    expect(createCaseRequest(form, 'id-1')).toEqual({
      id: 'id-1',
      hubId: 'hub-1',
      needCategory: 'shelter',
      urgency: 'priority',
      sex: 'female',
      ageBand: '18-24',
      nationality: 'HN',
      profile: 'in_transit',
      description: 'Sin albergue esta noche',
    });
  });

  it('sends consent with its purposes and date, and the name and contact given', () => {
    const form = filled();
    form.controls.consentGiven.setValue(true);
    updateCaseConsentState(form);
    expect(form.controls.givenName.enabled).toBe(true);
    form.patchValue({ givenName: ' Yesenia ', contact: '+502 5555 0101', activityId: 'act-1', vulnerabilities: ['pregnant'] });
    expect(createCaseRequest(form, 'id-1')).toMatchObject({
      activityId: 'act-1',
      vulnerabilities: ['pregnant'],
      consent: { given: true, purposes: ['contact', 'follow_up'], date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      givenName: 'Yesenia',
      contact: '+502 5555 0101',
    });
  });

  it('requires a purpose once consent is given, and a description always', () => {
    const form = filled();
    form.controls.consentGiven.setValue(true);
    updateCaseConsentState(form);
    form.controls.purposes.setValue([]);
    expect(form.controls.purposes.hasError('required')).toBe(true);
    form.controls.description.setValue('');
    expect(form.controls.description.hasError('required')).toBe(true);
  });
});

// The "new case" form's controls and request: minimal data and the need; a first name and a contact
// only once consent (purposes and date) is recorded, as the API requires.
import { type AbstractControl, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import {
  type AgeBand,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_NAME_MAX_LENGTH,
  type CaseUrgency,
  type ConsentPurpose,
  type CreateCaseRequest,
  type Profile,
  type Sex,
} from '@mih/contracts';
import { today } from '../persons/person-form';

const PHONE_OR_TEXT_MAX = 100;

function purposesWhenGiven(purposes: AbstractControl<string[]>): ValidationErrors | null {
  const given = purposes.parent?.get('consentGiven')?.value as boolean | undefined;
  return given && purposes.value.length === 0 ? { required: true } : null;
}

function notAfterToday(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > today() ? { future: true } : null;
}

export function buildCaseForm(fb: NonNullableFormBuilder) {
  return fb.group({
    hubId: ['', Validators.required],
    activityId: [''],
    needCategory: ['', Validators.required],
    urgency: ['routine', Validators.required],
    sex: ['', Validators.required],
    ageBand: ['', Validators.required],
    nationality: ['', Validators.required],
    profile: ['', Validators.required],
    vulnerabilities: fb.control<string[]>([]),
    description: ['', [Validators.required, Validators.maxLength(CASE_DESCRIPTION_MAX_LENGTH)]],
    consentGiven: [false],
    purposes: fb.control<string[]>(['contact', 'follow_up'], purposesWhenGiven),
    consentDate: [today(), [Validators.required, notAfterToday]],
    givenName: ['', Validators.maxLength(CASE_NAME_MAX_LENGTH)],
    contact: ['', Validators.maxLength(PHONE_OR_TEXT_MAX)],
  });
}

export type CaseFormGroup = ReturnType<typeof buildCaseForm>;

/** Consent details and the identifying fields are editable only while consent is checked. */
export function updateCaseConsentState(form: CaseFormGroup): void {
  const given = form.controls.consentGiven.value;
  for (const name of ['purposes', 'consentDate', 'givenName', 'contact'] as const) {
    const control = form.controls[name];
    if (given) control.enable({ emitEvent: false });
    else control.disable({ emitEvent: false });
  }
  form.controls.purposes.updateValueAndValidity({ emitEvent: false });
}

export function createCaseRequest(form: CaseFormGroup, id: string): CreateCaseRequest {
  const v = form.getRawValue();
  const request: CreateCaseRequest = {
    id,
    hubId: v.hubId,
    needCategory: v.needCategory,
    urgency: v.urgency as CaseUrgency,
    sex: v.sex as Sex,
    ageBand: v.ageBand as AgeBand,
    nationality: v.nationality,
    profile: v.profile as Profile,
    description: v.description.trim(),
  };
  if (v.activityId) request.activityId = v.activityId;
  if (v.vulnerabilities.length) request.vulnerabilities = v.vulnerabilities;
  if (v.consentGiven) {
    request.consent = { given: true, purposes: v.purposes as ConsentPurpose[], date: v.consentDate };
    const givenName = v.givenName.trim();
    const contact = v.contact.trim();
    if (givenName) request.givenName = givenName;
    if (contact) request.contact = contact;
  }
  return request;
}

/** A case waiting in the outbox, back in the form to be fixed. */
export function caseRequestFormValue(request: CreateCaseRequest): Partial<ReturnType<CaseFormGroup['getRawValue']>> {
  return {
    hubId: request.hubId,
    activityId: request.activityId ?? '',
    needCategory: request.needCategory,
    urgency: request.urgency,
    sex: request.sex,
    ageBand: request.ageBand,
    nationality: request.nationality,
    profile: request.profile,
    vulnerabilities: [...(request.vulnerabilities ?? [])],
    description: request.description,
    consentGiven: !!request.consent?.given,
    ...(request.consent ? { purposes: [...request.consent.purposes], consentDate: request.consent.date } : {}),
    givenName: request.givenName ?? '',
    contact: request.contact ?? '',
  };
}

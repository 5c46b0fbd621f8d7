// The person form shared by the quick create dialog and the person page: controls, the consent rules
// (identifying fields only with consent) and the requests built from it.
import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  type AgeBand,
  type ConsentPurpose,
  type CreatePersonRequest,
  IDENTIFYING_FIELDS,
  type IdentifyingField,
  type Language,
  type Person,
  type Profile,
  type Sex,
  type UpdatePersonRequest,
} from '@mih/contracts';
import { startWith } from 'rxjs';

export type PersonFormGroup = FormGroup<{
  hubId: FormControl<string>;
  sex: FormControl<string>;
  nationality: FormControl<string>;
  profile: FormControl<string>;
  birthYear: FormControl<number | null>;
  ageBand: FormControl<string>;
  vulnerabilities: FormControl<string[]>;
  consent: FormGroup<{
    given: FormControl<boolean>;
    purposes: FormControl<string[]>;
    date: FormControl<string>;
  }>;
  givenName: FormControl<string>;
  familyName: FormControl<string>;
  dateOfBirth: FormControl<string>;
  documentNumber: FormControl<string>;
  phone: FormControl<string>;
  /** '' while not asked. */
  preferredLanguage: FormControl<string>;
}>;

const NAME_MAX_LENGTH = 100;
const DOCUMENT_MAX_LENGTH = 40;
const PHONE_PATTERN = /^[+0-9][0-9 ()./-]{2,39}$/;

/** `YYYY-MM-DD` of today in local time. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A birth year or an age band: one of them tells which age band the person's visits count in. */
function ageBandOrBirthYear(ageBand: AbstractControl<string>): ValidationErrors | null {
  const birthYear = ageBand.parent?.get('birthYear')?.value as number | null | undefined;
  return ageBand.value || (birthYear !== null && birthYear !== undefined) ? null : { ageUnknown: true };
}

/** Consent is given for at least one purpose. */
function purposesWhenGiven(purposes: AbstractControl<string[]>): ValidationErrors | null {
  const given = purposes.parent?.get('given')?.value as boolean | undefined;
  return given && purposes.value.length === 0 ? { required: true } : null;
}

function notAfterToday(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > today() ? { future: true } : null;
}

export function buildPersonForm(fb: NonNullableFormBuilder): PersonFormGroup {
  return fb.group({
    hubId: ['', Validators.required],
    sex: ['', Validators.required],
    nationality: ['', Validators.required],
    profile: ['', Validators.required],
    birthYear: fb.control<number | null>(null, [Validators.min(1900), Validators.max(new Date().getFullYear())]),
    ageBand: ['', ageBandOrBirthYear],
    vulnerabilities: fb.control<string[]>([]),
    consent: fb.group({
      given: [false],
      purposes: fb.control<string[]>([], purposesWhenGiven),
      date: [today(), [Validators.required, notAfterToday]],
    }),
    givenName: ['', Validators.maxLength(NAME_MAX_LENGTH)],
    familyName: ['', Validators.maxLength(NAME_MAX_LENGTH)],
    dateOfBirth: ['', notAfterToday],
    documentNumber: ['', Validators.maxLength(DOCUMENT_MAX_LENGTH)],
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    preferredLanguage: [''],
  });
}

/**
 * Keeps the form's rules live: the age band is re-checked when the birth year changes, and the
 * identifying fields (and the consent details) are enabled only while consent is checked and, on an
 * existing record, only once its identifying data have been revealed (masked values are never sent back).
 */
export function syncPersonForm(form: PersonFormGroup, destroyRef: DestroyRef, identifyingEditable: () => boolean = () => true): void {
  const { birthYear, ageBand, consent } = form.controls;
  birthYear.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => ageBand.updateValueAndValidity());
  consent.controls.given.valueChanges
    .pipe(startWith(consent.controls.given.value), takeUntilDestroyed(destroyRef))
    .subscribe(() => updateConsentState(form, identifyingEditable()));
}

export function updateConsentState(form: PersonFormGroup, identifyingEditable: boolean): void {
  const { purposes, date, given } = form.controls.consent.controls;
  const opts = { emitEvent: false };
  if (given.value) {
    purposes.enable(opts);
    date.enable(opts);
  } else {
    purposes.disable(opts);
    date.disable(opts);
  }
  for (const field of IDENTIFYING_FIELDS) {
    const control = form.controls[field];
    if (given.value && identifyingEditable) control.enable(opts);
    else control.disable(opts);
  }
  purposes.updateValueAndValidity(opts);
  form.updateValueAndValidity();
}

export function createPersonRequest(form: PersonFormGroup, id: string): CreatePersonRequest {
  const v = form.getRawValue();
  const request: CreatePersonRequest = {
    id,
    hubId: v.hubId,
    sex: v.sex as Sex,
    nationality: v.nationality,
    profile: v.profile as Profile,
  };
  if (v.birthYear !== null) request.birthYear = v.birthYear;
  if (v.ageBand) request.ageBand = v.ageBand as AgeBand;
  if (v.vulnerabilities.length) request.vulnerabilities = v.vulnerabilities;
  if (v.preferredLanguage) request.preferredLanguage = v.preferredLanguage as Language;
  if (v.consent.given) {
    request.consent = { given: true, purposes: v.consent.purposes as ConsentPurpose[], date: v.consent.date };
    for (const field of IDENTIFYING_FIELDS) {
      const value = v[field].trim();
      if (value) request[field] = value;
    }
  }
  return request;
}

/** Identifying fields of a stored person can be edited once revealed, or when there are none yet. */
export function identifyingEditable(person: Person): boolean {
  return person.identifyingRevealed || !person.consent?.given;
}

/** The form's values for an existing person; identifying fields only when they came unmasked. */
export function personFormValue(person: Person): ReturnType<PersonFormGroup['getRawValue']> {
  const revealed = person.identifyingRevealed;
  const identifying = (field: IdentifyingField) => (revealed ? (person.identifying[field] ?? '') : '');
  return {
    hubId: person.hubId,
    sex: person.sex,
    nationality: person.nationality,
    profile: person.profile,
    birthYear: person.birthYear,
    ageBand: person.ageBand ?? '',
    vulnerabilities: [...person.vulnerabilities],
    consent: {
      given: person.consent?.given ?? false,
      purposes: [...(person.consent?.purposes ?? [])],
      date: person.consent?.date ?? today(),
    },
    givenName: identifying('givenName'),
    familyName: identifying('familyName'),
    dateOfBirth: identifying('dateOfBirth'),
    documentNumber: identifying('documentNumber'),
    phone: identifying('phone'),
    preferredLanguage: person.preferredLanguage ?? '',
  };
}

/** Only what differs from the record loaded; a cleared optional field is sent as null. */
export function personChanges(form: PersonFormGroup, person: Person): Omit<UpdatePersonRequest, 'version'> {
  const v = form.getRawValue();
  const changes: Omit<UpdatePersonRequest, 'version'> = {};
  if (v.sex !== person.sex) changes.sex = v.sex as Sex;
  if (v.nationality !== person.nationality) changes.nationality = v.nationality;
  if (v.profile !== person.profile) changes.profile = v.profile as Profile;
  if (v.birthYear !== person.birthYear) changes.birthYear = v.birthYear;
  if ((v.ageBand || null) !== person.ageBand) changes.ageBand = (v.ageBand || null) as AgeBand | null;
  if (!sameList(v.vulnerabilities, person.vulnerabilities)) changes.vulnerabilities = v.vulnerabilities;
  if ((v.preferredLanguage || null) !== person.preferredLanguage) changes.preferredLanguage = (v.preferredLanguage || null) as Language | null;

  const before = person.consent;
  const given = v.consent.given;
  const consentChanged =
    given !== (before?.given ?? false) ||
    (given && (!sameList(v.consent.purposes, before?.purposes ?? []) || v.consent.date !== before?.date));
  if (consentChanged) {
    changes.consent = given
      ? { given: true, purposes: v.consent.purposes as ConsentPurpose[], date: v.consent.date }
      : { given: false, purposes: [], date: before?.date ?? today() };
  }
  // Masked values are never sent back: identifying fields change only when they were revealed (or when
  // the record had no consent, hence nothing to mask).
  if (given && identifyingEditable(person)) {
    for (const field of IDENTIFYING_FIELDS) {
      const value = v[field].trim() || null;
      if (value !== (person.identifying[field] ?? null)) changes[field] = value;
    }
  }
  return changes;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The person as the app shows it while their create waits in the outbox (no code yet: the server gives
 * it). The names are the ones just typed on this device, shown only to the user who typed them.
 */
export function pendingPerson(request: CreatePersonRequest & { id: string }, createdBy: string): Person {
  const now = new Date().toISOString();
  return {
    id: request.id,
    code: '',
    hubId: request.hubId,
    sex: request.sex,
    nationality: request.nationality,
    profile: request.profile,
    birthYear: request.birthYear ?? null,
    ageBand: request.ageBand ?? null,
    vulnerabilities: request.vulnerabilities ?? [],
    consent: request.consent ?? null,
    identifying: {
      givenName: request.givenName ?? null,
      familyName: request.familyName ?? null,
      dateOfBirth: request.dateOfBirth ?? null,
      documentNumber: request.documentNumber ?? null,
      phone: request.phone ?? null,
    },
    identifyingRevealed: false,
    mergedIntoId: null,
    preferredLanguage: request.preferredLanguage ?? null,
    createdBy,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** A person whose create has not reached the server yet (see `pendingPerson`). */
export function isPendingPerson(person: Pick<Person, 'code'>): boolean {
  return person.code === '';
}

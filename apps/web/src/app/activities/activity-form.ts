// The activity form's controls, rules and requests: participants by sex and age whose total is derived
// (never typed) and must not be zero, as the API requires.
import { type AbstractControl, type FormControl, type FormGroup, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import {
  ACTIVITY_CAMPAIGN_MAX_LENGTH,
  ACTIVITY_COMMUNITY_MAX_LENGTH,
  ACTIVITY_MATERIALS_MAX_LENGTH,
  ACTIVITY_NOTES_MAX_LENGTH,
  ACTIVITY_PLACE_MAX_LENGTH,
  type Activity,
  type ActivityType,
  type CreateActivityRequest,
  PARTICIPANT_GROUPS,
  type ParticipantGroup,
  type Participants,
  PARTICIPANTS_MAX,
  type UpdateActivityRequest,
} from '@mih/contracts';
import { today } from '../persons/person-form';

type ParticipantControls = Record<ParticipantGroup, FormControl<number | null>>;

export type ActivityFormGroup = FormGroup<{
  type: FormControl<string>;
  occurredOn: FormControl<string>;
  hubId: FormControl<string>;
  place: FormControl<string>;
  community: FormControl<string>;
  participants: FormGroup<ParticipantControls>;
  topics: FormControl<string[]>;
  counselorIds: FormControl<string[]>;
  campaign: FormControl<string>;
  materials: FormControl<string>;
  notes: FormControl<string>;
}>;

/** The sum of the groups; an empty or invalid box counts as nothing. */
export function participantsTotal(value: Partial<Record<ParticipantGroup, number | null>>): number {
  return PARTICIPANT_GROUPS.reduce((sum, group) => {
    const n = value[group];
    return sum + (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0);
  }, 0);
}

function someoneTookPart(group: AbstractControl): ValidationErrors | null {
  return participantsTotal(group.value) > 0 ? null : { noneTookPart: true };
}

function notAfterToday(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value > today() ? { future: true } : null;
}

export function buildActivityForm(fb: NonNullableFormBuilder): ActivityFormGroup {
  const count = () => fb.control<number | null>(0, [Validators.required, Validators.min(0), Validators.max(PARTICIPANTS_MAX), Validators.pattern(/^\d+$/)]);
  const participants = Object.fromEntries(PARTICIPANT_GROUPS.map((group) => [group, count()])) as ParticipantControls;
  return fb.group({
    type: ['', Validators.required],
    occurredOn: [today(), [Validators.required, notAfterToday]],
    hubId: ['', Validators.required],
    place: ['', [Validators.required, Validators.maxLength(ACTIVITY_PLACE_MAX_LENGTH)]],
    community: ['', Validators.maxLength(ACTIVITY_COMMUNITY_MAX_LENGTH)],
    participants: fb.group(participants, { validators: someoneTookPart }),
    topics: fb.control<string[]>([], Validators.required),
    counselorIds: fb.control<string[]>([]),
    campaign: ['', Validators.maxLength(ACTIVITY_CAMPAIGN_MAX_LENGTH)],
    materials: ['', Validators.maxLength(ACTIVITY_MATERIALS_MAX_LENGTH)],
    notes: ['', Validators.maxLength(ACTIVITY_NOTES_MAX_LENGTH)],
  });
}

function participantsOf(form: ActivityFormGroup): Participants {
  const value = form.controls.participants.getRawValue();
  return Object.fromEntries(PARTICIPANT_GROUPS.map((group) => [group, value[group] ?? 0])) as Participants;
}

export function createActivityRequest(form: ActivityFormGroup, id: string): CreateActivityRequest {
  const v = form.getRawValue();
  const request: CreateActivityRequest = {
    id,
    hubId: v.hubId,
    type: v.type as ActivityType,
    occurredOn: v.occurredOn,
    place: v.place.trim(),
    participants: participantsOf(form),
    topics: v.topics,
  };
  if (v.counselorIds.length) request.counselorIds = v.counselorIds;
  for (const field of ['community', 'campaign', 'materials', 'notes'] as const) {
    const text = v[field].trim();
    if (text) request[field] = text;
  }
  return request;
}

/** Everything the form edits, with emptied optional texts sent as null. */
export function updateActivityRequest(form: ActivityFormGroup, activity: Pick<Activity, 'version'>): UpdateActivityRequest {
  const v = form.getRawValue();
  const text = (value: string) => value.trim() || null;
  return {
    version: activity.version,
    type: v.type as ActivityType,
    occurredOn: v.occurredOn,
    place: v.place.trim(),
    community: text(v.community),
    participants: participantsOf(form),
    topics: v.topics,
    counselorIds: v.counselorIds,
    campaign: text(v.campaign),
    materials: text(v.materials),
    notes: text(v.notes),
  };
}

export function activityFormValue(activity: Activity): ReturnType<ActivityFormGroup['getRawValue']> {
  return activityRequestFormValue({
    ...activity,
    community: activity.community ?? undefined,
    campaign: activity.campaign ?? undefined,
    materials: activity.materials ?? undefined,
    notes: activity.notes ?? undefined,
    counselorIds: activity.counselors.map((c) => c.id),
  });
}

/** What the form shows for an activity's fields (a stored one, or a create waiting in the outbox). */
export function activityRequestFormValue(request: CreateActivityRequest): ReturnType<ActivityFormGroup['getRawValue']> {
  return {
    type: request.type,
    occurredOn: request.occurredOn,
    hubId: request.hubId,
    place: request.place,
    community: request.community ?? '',
    participants: { ...request.participants },
    topics: [...request.topics],
    counselorIds: [...(request.counselorIds ?? [])],
    campaign: request.campaign ?? '',
    materials: request.materials ?? '',
    notes: request.notes ?? '',
  };
}

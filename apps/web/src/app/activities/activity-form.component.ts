// "New activity" (/activities/new) and its edit page (/activities/:id): what was held, where and when,
// who took part by sex and age (the total adds itself up), topics and materials. Built for a phone:
// one column, steppers with 48 px buttons, the save button at the bottom.
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ACTIVITY_NOTES_MAX_LENGTH,
  ACTIVITY_TYPES,
  type Activity,
  type CreateActivityRequest,
  type Counselor,
  ERROR_CODES,
  type Hub,
  PARTICIPANT_GROUPS,
  type ParticipantGroup,
  PARTICIPANTS_MAX,
} from '@mih/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { RecordEditor } from '../core/record-editor';
import { CounselorsService } from '../counselors/counselors.service';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalNumberPipe } from '../i18n/local-date.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { ActivitiesService } from './activities.service';
import { OfflineCacheService } from '../offline/offline-cache.service';
import { OutboxService } from '../offline/outbox.service';
import {
  activityFormValue,
  activityRequestFormValue,
  buildActivityForm,
  createActivityRequest,
  participantsTotal,
  updateActivityRequest,
} from './activity-form';

@Component({
  selector: 'mih-activity-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalNumberPipe,
    ReferencePickerComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './activity-form.component.html',
  styleUrl: './activity-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityFormComponent {
  private readonly activities = inject(ActivitiesService);
  private readonly outbox = inject(OutboxService);
  private readonly offlineCache = inject(OfflineCacheService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly counselorsService = inject(CounselorsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;

  /** Route parameter; absent on /activities/new. */
  readonly id = input<string>();
  /** Query parameter: the outbox entry of an activity the server refused, to fix and send again. */
  readonly fix = input<string>();

  protected readonly types = ACTIVITY_TYPES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly max = PARTICIPANTS_MAX;
  protected readonly notesMaxLength = ACTIVITY_NOTES_MAX_LENGTH;

  protected readonly form = buildActivityForm(inject(NonNullableFormBuilder));
  protected readonly activity = signal<Activity | null>(null);
  protected readonly hubs = signal<Hub[]>([]);
  protected readonly hubsLoaded = signal(false);
  private readonly editor = new RecordEditor(this.form, { alreadySavedKey: 'activities.errors.alreadySaved' });
  protected readonly saving = this.editor.saving;
  protected readonly errorKey = this.editor.errorKey;
  protected readonly loading = signal(false);
  protected readonly submitted = signal(false);
  protected readonly isNew = computed(() => !this.id());

  private readonly participants = toSignal(
    this.form.controls.participants.valueChanges.pipe(startWith(this.form.controls.participants.value)),
    { initialValue: this.form.controls.participants.value },
  );
  protected readonly total = computed(() => participantsTotal(this.participants()));
  private readonly participantsStatus = toSignal(this.form.controls.participants.statusChanges, { initialValue: 'VALID' });
  protected readonly noneTookPart = computed(() => {
    this.participantsStatus();
    this.participants();
    return this.submitted() && this.form.controls.participants.hasError('noneTookPart');
  });

  /** The counselors of the chosen hub, for the "held by" picker. */
  protected readonly counselors = toSignal(
    this.form.controls.hubId.valueChanges.pipe(
      startWith(this.form.controls.hubId.value),
      switchMap((hubId) =>
        hubId
          ? this.offlineCache
              .remember(`counselors:${hubId}`, this.counselorsService.listAll({ hubId, active: true }))
              .pipe(catchError(() => of([] as Counselor[])))
          : of([] as Counselor[]),
      ),
      map((list) => this.withNamedCounselors(list)),
    ),
    { initialValue: [] as Counselor[] },
  );

  /** Sent with the create: a retry (lost answer, double tap) stores the activity once. */
  private activityId = newId();
  /** The outbox entry this form is fixing ("needs attention" → fix), if any. */
  private fixing: string | undefined;

  constructor() {
    inject(HubsService)
      .activeForForms()
      .pipe(catchError(() => of([] as Hub[])))
      .subscribe((sorted) => {
        this.hubs.set(sorted);
        this.hubsLoaded.set(true);
        if (sorted[0] && !this.form.controls.hubId.value) this.form.controls.hubId.setValue(sorted[0].id);
      });
    // A counselor who records an activity held it: preselected (the API adds them anyway).
    const me = this.auth.user();
    if (me?.role === 'counselor') this.form.controls.counselorIds.setValue([me.id]);

    effect(() => {
      const id = this.id();
      untracked(() => id && this.load(id));
    });
    effect(() => {
      const entryId = this.fix();
      if (entryId) untracked(() => void this.loadFromOutbox(entryId));
    });
  }

  protected hubName(hubId: string): string {
    return this.hubs().find((hub) => hub.id === hubId)?.name ?? '';
  }

  protected step(group: ParticipantGroup, by: number): void {
    const control = this.form.controls.participants.controls[group];
    const current = Number.isInteger(control.value) ? (control.value as number) : 0;
    control.setValue(Math.min(PARTICIPANTS_MAX, Math.max(0, current + by)));
    control.markAsDirty();
  }

  protected retryLists(): void {
    this.referenceLists.retry();
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (!this.editor.ready()) return;
    const activity = this.activity();
    const outcome = activity
      ? await this.editor.save<Activity>(
          { kind: 'activity', operation: 'update', recordId: activity.id, body: updateActivityRequest(this.form, activity) },
          'activities.updated',
        )
      : await this.editor.save<Activity>(
          {
            kind: 'activity',
            operation: 'create',
            recordId: this.activityId,
            body: createActivityRequest(this.form, this.activityId),
            replaces: this.fixing,
          },
          'activities.saved',
        );
    if (outcome.status === 'refused') {
      // An earlier attempt was stored with other content: this one gets a new id.
      if (outcome.error.code === ERROR_CODES.conflict) this.activityId = newId();
      return;
    }
    void this.router.navigateByUrl(this.fixing ? '/outbox' : '/activities');
  }

  private load(id: string): void {
    this.loading.set(true);
    this.activities.get(id).subscribe({
      next: (activity) => {
        this.activity.set(activity);
        this.form.reset(activityFormValue(activity));
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.errorKey.set(errorMessageKey(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  /** An activity the server refused while it waited: back on the form with the same id. */
  private async loadFromOutbox(entryId: string): Promise<void> {
    const item = await this.outbox.item(entryId);
    if (!item || item.kind !== 'activity' || item.operation !== 'create') return;
    const body = item.body as unknown as CreateActivityRequest & { id: string };
    this.fixing = item.id;
    this.activityId = body.id;
    this.form.reset(activityRequestFormValue(body));
    if (item.error) this.editor.showError(item.error);
  }

  /** Counselors already named on the activity stay choosable even if they left the hub's roster. */
  private withNamedCounselors(list: Counselor[]): Counselor[] {
    const named = this.activity()?.counselors ?? [];
    const missing = named.filter((c) => !list.some((l) => l.id === c.id));
    return [...list, ...missing.map((c) => ({ id: c.id, displayName: c.displayName }) as Counselor)];
  }
}

// "New activity" (/activities/new) and its edit page (/activities/:id): what was held, where and when,
// who took part by sex and age (the total adds itself up), topics and materials. Built for a phone:
// one column, steppers with 48 px buttons, the save button at the bottom.
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
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
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ACTIVITY_NOTES_MAX_LENGTH,
  ACTIVITY_TYPES,
  type Activity,
  type ApiError,
  type Counselor,
  ERROR_CODES,
  type Hub,
  PARTICIPANT_GROUPS,
  type ParticipantGroup,
  PARTICIPANTS_MAX,
} from '@mih/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { CounselorsService } from '../counselors/counselors.service';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalNumberPipe } from '../i18n/local-date.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { ActivitiesService } from './activities.service';
import { activityFormValue, buildActivityForm, createActivityRequest, participantsTotal, updateActivityRequest } from './activity-form';

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
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly counselorsService = inject(CounselorsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;

  /** Route parameter; absent on /activities/new. */
  readonly id = input<string>();

  protected readonly types = ACTIVITY_TYPES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly max = PARTICIPANTS_MAX;
  protected readonly notesMaxLength = ACTIVITY_NOTES_MAX_LENGTH;

  protected readonly form = buildActivityForm(inject(NonNullableFormBuilder));
  protected readonly activity = signal<Activity | null>(null);
  protected readonly hubs = signal<Hub[]>([]);
  protected readonly hubsLoaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly loading = signal(false);
  protected readonly errorKey = signal<string | null>(null);
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
        hubId ? this.counselorsService.listAll({ hubId, active: true }).pipe(catchError(() => of([] as Counselor[]))) : of([] as Counselor[]),
      ),
      map((list) => this.withNamedCounselors(list)),
    ),
    { initialValue: [] as Counselor[] },
  );

  /** Sent with the create: a retry (lost answer, double tap) stores the activity once. */
  private activityId = newId();

  constructor() {
    inject(HubsService)
      .listAll({ status: 'active' })
      .pipe(catchError(() => of([] as Hub[])))
      .subscribe((hubs) => {
        const own = this.auth.user()?.hubIds ?? [];
        const rank = (hub: Hub) => (own.includes(hub.id) ? own.indexOf(hub.id) : own.length);
        const sorted = [...hubs].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, this.lang()));
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

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    this.submitted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    const activity = this.activity();
    const request = activity
      ? this.activities.update(activity.id, updateActivityRequest(this.form, activity))
      : this.activities.create(createActivityRequest(this.form, this.activityId));
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(this.transloco.translate(activity ? 'activities.updated' : 'activities.saved'), this.transloco.translate('common.ok'), { duration: 4000 });
        void this.router.navigateByUrl('/activities');
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
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

  /** Counselors already named on the activity stay choosable even if they left the hub's roster. */
  private withNamedCounselors(list: Counselor[]): Counselor[] {
    const named = this.activity()?.counselors ?? [];
    const missing = named.filter((c) => !list.some((l) => l.id === c.id));
    return [...list, ...missing.map((c) => ({ id: c.id, displayName: c.displayName }) as Counselor)];
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.conflict) {
      // An earlier attempt was stored with other content: this one gets a new id.
      this.activityId = newId();
      this.errorKey.set('activities.errors.alreadySaved');
    } else if (error.code === ERROR_CODES.staleVersion) {
      this.errorKey.set('errors.staleVersion');
    } else if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
      return;
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus(), { injector: this.injector });
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => {
        for (const field of Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-field]'))) {
          if (!this.form.get(field.dataset['field'] ?? '')?.invalid) continue;
          field.querySelector<HTMLElement>('input:not([disabled]), textarea, mat-select, [tabindex="0"]')?.focus();
          field.scrollIntoView?.({ block: 'center' });
          return;
        }
      },
      { injector: this.injector },
    );
  }
}

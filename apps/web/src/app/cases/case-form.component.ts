// "New case" (/cases/new): a counselor (or hub staff) sends a person's need to the hub's inbox with the
// least data: sex, age band, nationality, profile, a short description; a first name and a contact only
// with the person's consent. `?activityId=` preselects the activity where the case was identified.
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type Activity,
  type ApiError,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_URGENCIES,
  CONSENT_PURPOSES,
  ERROR_CODES,
  type Hub,
} from '@mih/contracts';
import { catchError, map, of } from 'rxjs';
import { ActivitiesService } from '../activities/activities.service';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { HubsService } from '../hubs/hubs.service';
import { countryGroups } from '../i18n/country-codes';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { today } from '../persons/person-form';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { ChoiceFieldComponent, type ChoiceOption } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { buildCaseForm, createCaseRequest, updateCaseConsentState } from './case-form';
import { CasesService } from './cases.service';

/** How many of the caller's latest activities the activity picker offers. */
const RECENT_ACTIVITIES = 20;

@Component({
  selector: 'mih-case-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    ChoiceFieldComponent,
    ReferencePickerComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './case-form.component.html',
  styleUrl: './case-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseFormComponent {
  private readonly cases = inject(CasesService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly referenceLists = inject(ReferenceListsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;
  protected readonly counselorMode = this.auth.role() === 'counselor';

  /** Query parameter: the activity where the case was identified. */
  readonly activityId = input<string>();

  protected readonly descriptionMaxLength = CASE_DESCRIPTION_MAX_LENGTH;
  protected readonly purposes = CONSENT_PURPOSES;
  protected readonly maxDate = today();
  protected readonly countries = computed(() => countryGroups(this.lang()));
  protected readonly urgencyOptions = computed<ChoiceOption[]>(() => {
    this.lang();
    return CASE_URGENCIES.map((code) => ({ value: code, label: this.transloco.translate(`cases.urgency.${code}`) }));
  });
  protected readonly sexOptions = computed<ChoiceOption[]>(() => this.lists().sexes.map((i) => ({ value: i.code, label: i.label })));
  protected readonly ageBandOptions = computed<ChoiceOption[]>(() =>
    this.lists().ageBands.map((i) => ({ value: i.code, label: i.label, short: i.code.replace('-', '–') })),
  );

  protected readonly form = buildCaseForm(inject(NonNullableFormBuilder));
  protected readonly hubs = signal<Hub[]>([]);
  protected readonly hubsLoaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly consentGiven = toSignal(this.form.controls.consentGiven.valueChanges, { initialValue: false });
  private readonly hubId = signal('');

  /** The caller's latest activities at the chosen hub, to say where the case came up. */
  private readonly recentActivities = toSignal(
    inject(ActivitiesService)
      .list({ limit: RECENT_ACTIVITIES })
      .pipe(
        map((page) => page.items),
        catchError(() => of([] as Activity[])),
      ),
    { initialValue: [] as Activity[] },
  );
  protected readonly activities = computed(() => this.recentActivities().filter((a) => a.hubId === this.hubId()));

  /** Sent with the create: a retry stores the case once. */
  private caseId = newId();

  constructor() {
    updateCaseConsentState(this.form);
    this.form.controls.consentGiven.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => updateCaseConsentState(this.form));
    inject(HubsService)
      .listAll({ status: 'active' })
      .pipe(catchError(() => of([] as Hub[])))
      .subscribe((hubs) => {
        const own = this.auth.user()?.hubIds ?? [];
        const rank = (hub: Hub) => (own.includes(hub.id) ? own.indexOf(hub.id) : own.length);
        const sorted = [...hubs].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, this.lang()));
        this.hubs.set(sorted);
        this.hubsLoaded.set(true);
        if (sorted[0]) this.chooseHub(sorted[0].id);
        const activityId = this.activityId();
        if (activityId) this.form.controls.activityId.setValue(activityId);
      });
    this.form.controls.hubId.valueChanges.pipe(takeUntilDestroyed()).subscribe((hubId) => this.chooseHub(hubId));
  }

  protected hubName(hubId: string): string {
    return this.hubs().find((hub) => hub.id === hubId)?.name ?? '';
  }

  protected hasPurpose(purpose: string): boolean {
    return this.form.controls.purposes.value.includes(purpose);
  }

  protected togglePurpose(purpose: string, checked: boolean): void {
    const control = this.form.controls.purposes;
    control.setValue(checked ? [...control.value, purpose] : control.value.filter((p) => p !== purpose));
    control.markAsTouched();
  }

  protected retryLists(): void {
    this.referenceLists.retry();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    this.cases.create(createCaseRequest(this.form, this.caseId)).subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(this.transloco.translate(this.counselorMode ? 'cases.sent' : 'cases.savedStaff'), this.transloco.translate('common.ok'), {
          duration: 4000,
        });
        void this.router.navigateByUrl(this.counselorMode ? '/cases' : '/inbox');
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  /** The nationality follows the hub until someone picks one; an activity of another hub is dropped. */
  private chooseHub(hubId: string): void {
    if (this.form.controls.hubId.value !== hubId) this.form.controls.hubId.setValue(hubId, { emitEvent: false });
    this.hubId.set(hubId);
    const hub = this.hubs().find((h) => h.id === hubId);
    const nationality = this.form.controls.nationality;
    if (hub && (nationality.pristine || !nationality.value)) nationality.setValue(hub.countryCode);
    const activity = this.recentActivities().find((a) => a.id === this.form.controls.activityId.value);
    if (activity && activity.hubId !== hubId) this.form.controls.activityId.setValue('');
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.conflict) {
      this.caseId = newId();
      this.errorKey.set('cases.errors.alreadySaved');
    } else if (applyServerErrors(this.form, remapFields(error))) {
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
          field.querySelector<HTMLElement>('button[tabindex="0"], input:not([disabled]), textarea, mat-select, [tabindex="0"]')?.focus();
          return;
        }
      },
      { injector: this.injector },
    );
  }
}

/** The API names consent.purposes and consent.date; the form keeps them flat. */
function remapFields(error: ApiError): ApiError {
  const flat: Record<string, string> = { 'consent.purposes': 'purposes', 'consent.date': 'consentDate', consent: 'consentGiven' };
  return { ...error, errors: error.errors?.map((e) => ({ ...e, field: flat[e.field] ?? e.field })) };
}

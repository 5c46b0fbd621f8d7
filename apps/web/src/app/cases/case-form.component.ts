// "New case" (/cases/new): a counselor (or hub staff) sends a person's need to the hub's inbox with the
// least data: sex, age band, nationality, profile, a short description; a first name and a contact only
// with the person's consent. `?activityId=` preselects the activity where the case was identified.
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type Activity,
  type ApiError,
  type CreateCaseRequest,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_URGENCIES,
  CONSENT_PURPOSES,
  ERROR_CODES,
  type Hub,
} from '@mih/contracts';
import { catchError, map, of } from 'rxjs';
import { ActivitiesService } from '../activities/activities.service';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { RecordEditor } from '../core/record-editor';
import { HubsService } from '../hubs/hubs.service';
import { countryGroups } from '../i18n/country-codes';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { OfflineCacheService } from '../offline/offline-cache.service';
import { OutboxService } from '../offline/outbox.service';
import { today } from '../persons/person-form';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { ChoiceFieldComponent, type ChoiceOption } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { buildCaseForm, caseRequestFormValue, createCaseRequest, updateCaseConsentState } from './case-form';

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
  private readonly outbox = inject(OutboxService);
  private readonly offlineCache = inject(OfflineCacheService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly referenceLists = inject(ReferenceListsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;
  protected readonly counselorMode = this.auth.role() === 'counselor';

  /** Query parameter: the activity where the case was identified. */
  readonly activityId = input<string>();
  /** Query parameter: the outbox entry of a case the server refused, to fix and send again. */
  readonly fix = input<string>();

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
  private readonly editor = new RecordEditor(this.form, { alreadySavedKey: 'cases.errors.alreadySaved', remapErrors: remapFields });
  protected readonly saving = this.editor.saving;
  protected readonly errorKey = this.editor.errorKey;
  protected readonly consentGiven = toSignal(this.form.controls.consentGiven.valueChanges, { initialValue: false });
  private readonly hubId = signal('');

  /** The caller's latest activities at the chosen hub, to say where the case came up. */
  private readonly recentActivities = toSignal(
    this.offlineCache
      .remember(
        'activities:recent',
        inject(ActivitiesService)
          .list({ limit: RECENT_ACTIVITIES })
          .pipe(map((page) => page.items)),
      )
      .pipe(catchError(() => of([] as Activity[]))),
    { initialValue: [] as Activity[] },
  );
  /** Activities saved on this device and not yet sent can be named too (the case then waits for them). */
  private readonly pendingActivities = computed(() =>
    this.outbox
      .items()
      .filter((item) => item.kind === 'activity' && item.operation === 'create')
      .map((item) => item.body as unknown as Activity),
  );
  protected readonly activities = computed(() =>
    [...this.pendingActivities(), ...this.recentActivities()].filter((a) => a.hubId === this.hubId()),
  );

  /** Sent with the create: a retry stores the case once. */
  private caseId = newId();
  /** The outbox entry this form is fixing ("needs attention" → fix), if any. */
  private fixing: string | undefined;

  constructor() {
    updateCaseConsentState(this.form);
    this.form.controls.consentGiven.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => updateCaseConsentState(this.form));
    inject(HubsService)
      .activeForForms()
      .pipe(catchError(() => of([] as Hub[])))
      .subscribe((sorted) => {
        this.hubs.set(sorted);
        this.hubsLoaded.set(true);
        if (sorted[0] && !this.form.controls.hubId.value) this.chooseHub(sorted[0].id);
        const activityId = this.activityId();
        if (activityId) this.form.controls.activityId.setValue(activityId);
      });
    this.form.controls.hubId.valueChanges.pipe(takeUntilDestroyed()).subscribe((hubId) => this.chooseHub(hubId));
    effect(() => {
      const entryId = this.fix();
      if (entryId) untracked(() => void this.loadFromOutbox(entryId));
    });
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

  protected async submit(): Promise<void> {
    if (!this.editor.ready()) return;
    const request = createCaseRequest(this.form, this.caseId);
    const outcome = await this.editor.save(
      {
        kind: 'case',
        operation: 'create',
        recordId: this.caseId,
        body: request,
        dependsOn: request.activityId ? [request.activityId] : [],
        replaces: this.fixing,
      },
      this.counselorMode ? 'cases.sent' : 'cases.savedStaff',
    );
    if (outcome.status === 'refused') {
      if (outcome.error.code === ERROR_CODES.conflict) this.caseId = newId();
      return;
    }
    void this.router.navigateByUrl(this.fixing ? '/outbox' : this.counselorMode ? '/cases' : '/inbox');
  }

  /** A case the server refused while it waited: back on the form with the same id. */
  private async loadFromOutbox(entryId: string): Promise<void> {
    const item = await this.outbox.item(entryId);
    if (!item || item.kind !== 'case' || item.operation !== 'create') return;
    const body = item.body as unknown as CreateCaseRequest & { id: string };
    this.fixing = item.id;
    this.caseId = body.id;
    this.form.patchValue(caseRequestFormValue(body));
    updateCaseConsentState(this.form);
    this.hubId.set(body.hubId);
    if (item.error) this.editor.showError(item.error);
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
}

/** The API names consent.purposes and consent.date; the form keeps them flat. */
function remapFields(error: ApiError): ApiError {
  const flat: Record<string, string> = { 'consent.purposes': 'purposes', 'consent.date': 'consentDate', consent: 'consentGiven' };
  return { ...error, errors: error.errors?.map((e) => ({ ...e, field: flat[e.field] ?? e.field })) };
}

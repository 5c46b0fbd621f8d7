// A referral of a person to a service provider (/referrals/new?personId=…), or a draft or returned one
// changed by its author (/referrals/:id/edit). Providers offered: those that meet the need in the
// place of the person's hub and accept referrals. "Save draft" keeps it; "Submit" sends it to review.
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type ApiError,
  ERROR_CODES,
  type Hub,
  type Language,
  LANGUAGES,
  type Person,
  REFERRAL_REASON_MAX_LENGTH,
  REFERRAL_URGENCIES,
  type Referral,
  type ReferralUrgency,
  type ServiceProvider,
  type UpdateReferralRequest,
} from '@mih/contracts';
import { type Observable, catchError, combineLatest, map, of, startWith, switchMap, tap } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { newId } from '../core/new-id';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ServiceProvidersService } from '../service-providers/service-providers.service';
import { ChoiceFieldComponent, type ChoiceOption } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { defaultDueOn, localDateString } from './referral-rules';
import { ReferralsService } from './referrals.service';

type Intent = 'draft' | 'submit';

@Component({
  selector: 'mih-referral-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    ChoiceFieldComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './referral-form.component.html',
  styleUrl: './referral-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralFormComponent {
  private readonly referrals = inject(ReferralsService);
  private readonly persons = inject(PersonsService);
  private readonly hubs = inject(HubsService);
  private readonly providers = inject(ServiceProvidersService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Route parameter on /referrals/:id/edit. */
  readonly id = input<string>();
  /** Query parameter on /referrals/new. */
  readonly personId = input<string>();

  protected readonly reasonMaxLength = REFERRAL_REASON_MAX_LENGTH;
  protected readonly today = localDateString(new Date());

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    needCategory: ['', Validators.required],
    serviceProviderId: ['', Validators.required],
    urgency: ['routine' as string, Validators.required],
    reason: ['', [Validators.required, Validators.maxLength(REFERRAL_REASON_MAX_LENGTH)]],
    consentToShare: [false, Validators.requiredTrue],
    dueOn: [defaultDueOn('routine'), Validators.required],
    /** The language of the slip the person carries away; '' while not known. */
    preferredLanguage: [''],
  });
  protected readonly languages = LANGUAGES;

  protected readonly referral = signal<Referral | null>(null);
  protected readonly person = signal<Person | null>(null);
  protected readonly hub = signal<Hub | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly stale = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly isNew = computed(() => !this.id());

  /** Emits once the active language's texts are loaded: labels built in code follow it. */
  private readonly translation = toSignal(this.transloco.selectTranslation());
  protected readonly urgencyOptions = computed<ChoiceOption[]>(() => {
    this.translation();
    return REFERRAL_URGENCIES.map((u) => ({ value: u, label: this.transloco.translate(`urgency.${u}`) }));
  });
  private readonly urgency = toSignal(this.form.controls.urgency.valueChanges, { initialValue: 'routine' });
  protected readonly emergency = computed(() => this.urgency() === 'emergency');
  /** Only a draft's first submit skips review; a returned referral goes back to the supervisors. */
  protected readonly skipsReview = computed(() => this.emergency() && (this.referral()?.status ?? 'draft') === 'draft');

  /** Where the person's hub is: the place the providers must cover. */
  protected readonly place = computed(() => {
    const hub = this.hub();
    return hub ? { countryCode: hub.countryCode, municipality: hub.municipality } : null;
  });
  protected readonly providerOptions = signal<ServiceProvider[]>([]);
  protected readonly providersLoading = signal(false);
  private readonly needCategory = toSignal(this.form.controls.needCategory.valueChanges, { initialValue: '' });

  /** The user chose a due date: it no longer follows the urgency. */
  private dueOnTouched = false;
  /** Sent with the create: a retry (lost answer, double click) stores the referral once. */
  private readonly referralId = newId();

  constructor() {
    effect(() => {
      const id = this.id();
      const personId = this.personId();
      untracked(() => (id ? this.loadReferral(id) : personId ? this.loadPerson(personId) : this.missingPerson()));
    });

    this.form.controls.urgency.valueChanges.subscribe((urgency) => {
      if (!this.dueOnTouched && this.isNew()) this.form.controls.dueOn.setValue(defaultDueOn(urgency as ReferralUrgency));
    });

    combineLatest([toObservable(this.place), toObservable(this.needCategory)])
      .pipe(
        tap(() => this.providersLoading.set(true)),
        switchMap(([place, needCategory]) =>
          place && needCategory
            ? this.providers.listAll({ needCategory, ...place, acceptingReferrals: true }).pipe(catchError(() => of([])))
            : of([] as ServiceProvider[]),
        ),
      )
      .subscribe((providers) => {
        this.providersLoading.set(false);
        this.providerOptions.set(providers);
        const chosen = this.form.controls.serviceProviderId;
        // A provider that does not meet the new need is no longer a choice.
        if (chosen.value && !providers.some((p) => p.id === chosen.value)) chosen.setValue('');
        if (!chosen.value && providers.length === 1) chosen.setValue(providers[0].id);
      });
  }

  protected dueOnChanged(): void {
    this.dueOnTouched = true;
  }

  protected save(intent: Intent): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    const referral = this.referral();
    const saved = referral ? this.saveChanges(referral) : this.create();
    saved.subscribe({
      next: (result) => (intent === 'submit' ? this.submit(result) : this.done(result, 'referrals.form.saved')),
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  /** After a 409: load the referral as it is now. */
  protected reload(): void {
    const id = this.id();
    if (id) this.loadReferral(id);
  }

  private create(): Observable<Referral> {
    const v = this.form.getRawValue();
    return this.referrals.create({
      id: this.referralId,
      personId: this.person()!.id,
      serviceProviderId: v.serviceProviderId,
      needCategory: v.needCategory,
      urgency: v.urgency as ReferralUrgency,
      reason: v.reason.trim(),
      consentToShare: true,
      dueOn: v.dueOn,
      ...(v.preferredLanguage ? { preferredLanguage: v.preferredLanguage as Language } : {}),
    });
  }

  private saveChanges(referral: Referral): Observable<Referral> {
    const v = this.form.getRawValue();
    const changes: Omit<UpdateReferralRequest, 'version'> = {};
    if (v.serviceProviderId !== referral.serviceProviderId) changes.serviceProviderId = v.serviceProviderId;
    if (v.needCategory !== referral.needCategory) changes.needCategory = v.needCategory;
    if (v.urgency !== referral.urgency) changes.urgency = v.urgency as ReferralUrgency;
    if (v.reason.trim() !== referral.reason) changes.reason = v.reason.trim();
    if (v.dueOn !== referral.dueOn) changes.dueOn = v.dueOn;
    if ((v.preferredLanguage || null) !== referral.preferredLanguage) changes.preferredLanguage = (v.preferredLanguage || null) as Language | null;
    if (Object.keys(changes).length === 0) return of(referral);
    return this.referrals.update(referral.id, { version: referral.version, ...changes });
  }

  private submit(referral: Referral): void {
    this.referrals.act(referral.id, 'submit', { version: referral.version }).subscribe({
      next: (submitted) =>
        this.done(submitted, submitted.status === 'approved' ? 'referrals.form.sentWithoutReview' : 'referrals.form.submitted'),
      // Saved but not submitted: the referral page shows it as it is and offers "Submit" again.
      error: () => this.done(referral, 'referrals.form.submitFailed'),
    });
  }

  private done(referral: Referral, messageKey: string): void {
    this.saving.set(false);
    this.snackBar.open(this.transloco.translate(messageKey), this.transloco.translate('common.ok'), { duration: 5000 });
    void this.router.navigate(['/referrals', referral.id], { replaceUrl: true });
  }

  private loadPerson(personId: string): void {
    this.loading.set(true);
    this.persons.get(personId).pipe(map(({ visits: _visits, referrals: _referrals, ...person }) => person as Person)).subscribe({
      next: (person) => this.showPerson(person),
      error: (err: unknown) => this.loadFailed(err),
    });
  }

  private loadReferral(id: string): void {
    this.loading.set(true);
    this.stale.set(false);
    this.referrals.get(id).subscribe({
      next: ({ events: _events, ...referral }) => {
        this.referral.set(referral);
        this.dueOnTouched = true;
        this.form.reset({
          needCategory: referral.needCategory,
          serviceProviderId: referral.serviceProviderId,
          urgency: referral.urgency,
          reason: referral.reason,
          consentToShare: referral.consentToShare,
          dueOn: referral.dueOn,
          preferredLanguage: referral.preferredLanguage ?? '',
        });
        if (!this.person()) this.loadPerson(referral.personId);
        else this.loading.set(false);
      },
      error: (err: unknown) => this.loadFailed(err),
    });
  }

  private showPerson(person: Person): void {
    this.person.set(person);
    // A new referral speaks the person's language unless the staff member already chose another.
    const language = this.form.controls.preferredLanguage;
    if (this.isNew() && language.pristine) language.setValue(person.preferredLanguage ?? '');
    this.hubs.get(person.hubId).subscribe({
      next: (hub) => {
        this.loading.set(false);
        this.hub.set(hub);
        this.focusFirstField();
      },
      error: (err: unknown) => this.loadFailed(err),
    });
  }

  private missingPerson(): void {
    this.loading.set(false);
    this.errorKey.set('referrals.form.noPerson');
  }

  private loadFailed(err: unknown): void {
    this.loading.set(false);
    this.errorKey.set(errorMessageKey(toApiError(err)));
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.staleVersion || error.code === ERROR_CODES.conflict) {
      this.stale.set(true);
    } else if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
      return;
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus());
  }

  private focusFirstField(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[data-field="needCategory"] mat-select')?.focus());
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      for (const field of Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-field]'))) {
        if (!this.form.get(field.dataset['field'] ?? '')?.invalid) continue;
        field.querySelector<HTMLElement>('mat-select, textarea, input, button[tabindex="0"]')?.focus();
        return;
      }
    });
  }
}

// "New visit" (/visits/new): the consultation logged in under a minute, by keyboard alone. Anonymous by
// default; a person found (or created) in the search box at the top links the visit instead. Enter saves,
// then the form is ready for the next visit with the same hub and channel.
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
  viewChild,
} from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type AgeBand,
  type ApiError,
  type Channel,
  type CreateVisitRequest,
  ERROR_CODES,
  type Hub,
  type Person,
  type Profile,
  type Sex,
  VISIT_NOTE_MAX_LENGTH,
} from '@mih/contracts';
import { catchError, filter, of } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { HubsService } from '../hubs/hubs.service';
import { countryGroups } from '../i18n/country-codes';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import {
  PersonCreateDialogComponent,
  type PersonCreateDialogData,
} from '../persons/person-create-dialog.component';
import { ageBandOf, personName } from '../persons/person-format';
import { PersonSearchComponent } from '../persons/person-search.component';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { ChoiceFieldComponent, type ChoiceOption } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { VisitsService } from './visits.service';

/** The fields that describe an anonymous visitor; a linked visit takes them from the person. */
const ANONYMOUS_FIELDS = ['sex', 'ageBand', 'nationality', 'profile'] as const;
/** A clock a few minutes fast must not block saving a visit that is happening now. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Inputs on which Enter means "choose", not "save". */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file']);

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input shows it. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  const time = Date.parse(control.value);
  return Number.isNaN(time) || time <= Date.now() + CLOCK_SKEW_MS ? null : { future: true };
}

@Component({
  selector: 'mih-visit-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    ChoiceFieldComponent,
    ReferencePickerComponent,
    PersonSearchComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './visit-form.component.html',
  styleUrl: './visit-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitFormComponent {
  private readonly visits = inject(VisitsService);
  private readonly persons = inject(PersonsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly search = viewChild(PersonSearchComponent);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;

  /** Query parameter: start with this person linked (from the person page). */
  readonly personId = input<string>();
  /** Query parameter: an in-app page to go back to once the visit is saved (the case it came from). */
  readonly returnTo = input<string>();

  protected readonly noteMaxLength = VISIT_NOTE_MAX_LENGTH;
  protected readonly countries = computed(() => countryGroups(this.lang()));
  protected readonly sexOptions = computed(() => toOptions(this.lists().sexes));
  protected readonly channelOptions = computed(() => toOptions(this.lists().channels));
  protected readonly ageBandOptions = computed<ChoiceOption[]>(() =>
    this.lists().ageBands.map((item) => ({ value: item.code, label: item.label, short: item.code.replace('-', '–') })),
  );

  /** Active hubs of the user's scope, their own hubs first. */
  protected readonly hubs = signal<Hub[]>([]);
  protected readonly hubsLoaded = signal(false);
  protected readonly person = signal<Person | null>(null);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    sex: ['', Validators.required],
    ageBand: ['', Validators.required],
    nationality: ['', Validators.required],
    profile: ['', Validators.required],
    topics: this.fb.control<string[]>([], Validators.required),
    needs: this.fb.control<string[]>([]),
    vulnerabilities: this.fb.control<string[]>([]),
    note: ['', Validators.maxLength(VISIT_NOTE_MAX_LENGTH)],
    followUpOn: [''],
    occurredAt: [localDateTime(new Date()), [Validators.required, notInFuture]],
    hubId: ['', Validators.required],
    channel: ['in_person' as string, Validators.required],
  });

  /** Sent with the create: a retry of the same visit (lost answer, double Enter) stores it once. */
  private visitId = newId();

  private readonly hubIdValue = signal('');
  protected readonly selectedHub = computed(() => this.hubs().find((hub) => hub.id === this.hubIdValue()) ?? null);

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
        if (sorted[0] && !this.form.controls.hubId.value) this.chooseHub(sorted[0].id);
        this.focusFirstField();
      });

    // The nationality follows the hub until someone picks one.
    this.form.controls.hubId.valueChanges.subscribe((hubId) => this.chooseHub(hubId));

    effect(() => {
      const id = this.personId();
      if (!id) return;
      untracked(() =>
        this.persons.get(id).subscribe({
          next: (person) => this.link(person),
          error: (err: unknown) => this.errorKey.set(errorMessageKey(toApiError(err))),
        }),
      );
    });
  }

  protected retryLists(): void {
    this.referenceLists.retry();
  }

  /** Enter saves from any text field (Ctrl+Enter from the note, or from anywhere). */
  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.defaultPrevented || event.isComposing || event.altKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const withModifier = event.ctrlKey || event.metaKey;
    if (!withModifier) {
      if (target instanceof HTMLTextAreaElement) return;
      if (!(target instanceof HTMLInputElement) || NON_TEXT_INPUTS.has(target.type)) return;
    }
    event.preventDefault();
    this.submit();
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
    this.visits.create(this.request()).subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(this.transloco.translate('visits.saved'), this.transloco.translate('common.ok'), {
          duration: 4000,
        });
        const back = this.returnTo();
        if (back?.startsWith('/') && !back.startsWith('//')) {
          void this.router.navigateByUrl(back);
          return;
        }
        this.startNext();
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  protected link(person: Person): void {
    this.person.set(person);
    for (const name of ANONYMOUS_FIELDS) this.form.controls[name].disable();
    const vulnerabilities = this.form.controls.vulnerabilities;
    if (vulnerabilities.value.length === 0 && person.vulnerabilities.length) {
      vulnerabilities.setValue([...person.vulnerabilities]);
    }
  }

  protected unlink(): void {
    this.person.set(null);
    for (const name of ANONYMOUS_FIELDS) this.form.controls[name].enable();
    this.focusFirstField();
  }

  protected createPerson(query = ''): void {
    const data: PersonCreateDialogData = { hubs: this.hubs(), hubId: this.form.controls.hubId.value, query };
    this.dialog
      .open(PersonCreateDialogComponent, { data, width: '640px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((person): person is Person => !!person))
      .subscribe((person) => {
        this.link(person);
        this.snackBar.open(this.transloco.translate('persons.created', { code: person.code }), this.transloco.translate('common.ok'), {
          duration: 4000,
        });
      });
  }

  protected personSummary(person: Person): string {
    const lists = this.lists();
    const label = (items: { code: string; label: string }[], code: string | null) =>
      items.find((i) => i.code === code)?.label ?? code ?? '';
    return [
      personName(person),
      label(lists.sexes, person.sex),
      label(lists.ageBands, ageBandOf(person)),
      label(lists.profiles, person.profile),
    ]
      .filter(Boolean)
      .join(' · ');
  }

  private chooseHub(hubId: string): void {
    if (this.form.controls.hubId.value !== hubId) this.form.controls.hubId.setValue(hubId, { emitEvent: false });
    this.hubIdValue.set(hubId);
    const hub = this.hubs().find((h) => h.id === hubId);
    const nationality = this.form.controls.nationality;
    if (hub && (nationality.pristine || !nationality.value)) nationality.setValue(hub.countryCode);
  }

  /** Ready for the next visitor: same hub and channel, time now, everything else empty. */
  private startNext(): void {
    const { hubId, channel } = this.form.getRawValue();
    this.visitId = newId();
    this.person.set(null);
    this.form.reset({
      sex: '',
      ageBand: '',
      nationality: this.hubs().find((h) => h.id === hubId)?.countryCode ?? '',
      profile: '',
      topics: [],
      needs: [],
      vulnerabilities: [],
      note: '',
      followUpOn: '',
      occurredAt: localDateTime(new Date()),
      hubId,
      channel,
    });
    for (const name of ANONYMOUS_FIELDS) this.form.controls[name].enable();
    this.focusFirstField();
  }

  private request(): CreateVisitRequest {
    const v = this.form.getRawValue();
    const person = this.person();
    const request: CreateVisitRequest = {
      id: this.visitId,
      hubId: v.hubId,
      occurredAt: new Date(v.occurredAt).toISOString(),
      channel: v.channel as Channel,
      topics: v.topics,
    };
    if (person) {
      request.personId = person.id;
    } else {
      request.sex = v.sex as Sex;
      request.ageBand = v.ageBand as AgeBand;
      request.nationality = v.nationality;
      request.profile = v.profile as Profile;
    }
    if (v.needs.length) request.needs = v.needs;
    if (v.vulnerabilities.length) request.vulnerabilities = v.vulnerabilities;
    const note = v.note.trim();
    if (note) request.note = note;
    if (v.followUpOn) request.followUpOn = v.followUpOn;
    return request;
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.conflict) {
      // An earlier attempt of this visit was stored after all, with other content: this one is new.
      this.visitId = newId();
      this.errorKey.set('visits.errors.alreadySaved');
      this.focusNotice();
      return;
    }
    if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
      return;
    }
    this.errorKey.set(errorMessageKey(error));
    this.focusNotice();
  }

  /** The message sits above the form, likely scrolled out of sight: bring it into view. */
  private focusNotice(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus(), {
      injector: this.injector,
    });
  }

  private focusFirstField(): void {
    afterNextRender(() => this.search()?.focus(), { injector: this.injector });
  }

  /** Focus the first field (in screen order) that needs attention. */
  private focusFirstInvalid(): void {
    afterNextRender(() => {
      for (const field of Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-field]'))) {
        const control = this.form.get(field.dataset['field'] ?? '');
        if (!control?.invalid) continue;
        field
          .querySelector<HTMLElement>('button[tabindex="0"], input:not([disabled]), textarea, mat-select, [tabindex="0"]')
          ?.focus();
        return;
      }
    }, { injector: this.injector });
  }
}

function toOptions(items: { code: string; label: string }[]): ChoiceOption[] {
  return items.map((item) => ({ value: item.code, label: item.label }));
}

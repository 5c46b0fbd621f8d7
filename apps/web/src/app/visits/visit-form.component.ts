// "New visit" (/visits/new): the consultation logged in under a minute, by keyboard alone. Anonymous by
// default; a person found (or created) in the search box at the top links the visit instead. Enter saves,
// then the form is ready for the next visit with the same hub and channel.
import {
  ChangeDetectionStrategy,
  Component,
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
import { type AbstractControl, FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type AgeBand,
  type Channel,
  type CreateVisitRequest,
  ERROR_CODES,
  type Hub,
  type Person,
  type Profile,
  type Sex,
  type Visit,
  MAX_CLOCK_SKEW_MS,
  VISIT_NOTE_MAX_LENGTH,
} from '@mih/contracts';
import { catchError, filter, of } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { newId } from '../core/new-id';
import { RecordEditor } from '../core/record-editor';
import { HubsService } from '../hubs/hubs.service';
import { countryGroups } from '../i18n/country-codes';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import {
  PersonCreateDialogComponent,
  type PersonCreateDialogData,
} from '../persons/person-create-dialog.component';
import { ageBandOf, personName } from '../persons/person-format';
import { isPendingPerson } from '../persons/person-form';
import { PersonSearchComponent } from '../persons/person-search.component';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { ChoiceFieldComponent, type ChoiceOption } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { OutboxService } from '../offline/outbox.service';

/** The fields that describe an anonymous visitor; a linked visit takes them from the person. */
const ANONYMOUS_FIELDS = ['sex', 'ageBand', 'nationality', 'profile'] as const;
/** Inputs on which Enter means "choose", not "save". */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file']);

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input shows it. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function notInFuture(control: AbstractControl<string>): ValidationErrors | null {
  const time = Date.parse(control.value);
  return Number.isNaN(time) || time <= Date.now() + MAX_CLOCK_SKEW_MS ? null : { future: true };
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
  private readonly outbox = inject(OutboxService);
  private readonly persons = inject(PersonsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly search = viewChild(PersonSearchComponent);
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = this.referenceLists.lists;
  protected readonly listsFailed = this.referenceLists.loadFailed;

  /** Query parameter: start with this person linked (from the person page). */
  readonly personId = input<string>();
  /** Query parameter: an in-app page to go back to once the visit is saved (the case it came from). */
  readonly returnTo = input<string>();
  /** Query parameter: the outbox entry of a visit the server refused, to fix and send again. */
  readonly fix = input<string>();

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

  private readonly editor = new RecordEditor(this.form, { alreadySavedKey: 'visits.errors.alreadySaved' });
  protected readonly saving = this.editor.saving;
  protected readonly errorKey = this.editor.errorKey;

  /** Sent with the create: a retry of the same visit (lost answer, double Enter) stores it once. */
  private visitId = newId();
  /** The outbox entry this form is fixing ("needs attention" → fix), if any. */
  private fixing: string | undefined;

  private readonly hubIdValue = signal('');
  protected readonly selectedHub = computed(() => this.hubs().find((hub) => hub.id === this.hubIdValue()) ?? null);

  constructor() {
    inject(HubsService)
      .activeForForms()
      .pipe(catchError(() => of([] as Hub[])))
      .subscribe((sorted) => {
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

    effect(() => {
      const id = this.fix();
      if (id) untracked(() => void this.loadFromOutbox(id));
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
    void this.submit();
  }

  protected async submit(): Promise<void> {
    if (!this.editor.ready()) return;
    const request = this.request();
    const outcome = await this.editor.save<Visit>(
      {
        kind: 'visit',
        operation: 'create',
        recordId: this.visitId,
        body: request,
        // A person created on this device goes first; the outbox holds the visit until then.
        dependsOn: request.personId ? [request.personId] : [],
        replaces: this.fixing,
      },
      'visits.saved',
    );
    if (outcome.status === 'refused') {
      // An earlier attempt of this visit was stored after all, with other content: this one is new.
      if (outcome.error.code === ERROR_CODES.conflict) this.visitId = newId();
      return;
    }
    const back = this.fixing ? '/outbox' : this.returnTo();
    this.fixing = undefined;
    if (back?.startsWith('/') && !back.startsWith('//')) {
      void this.router.navigateByUrl(back);
      return;
    }
    this.startNext();
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
        // A person saved on this device only: the editor already said so; no code to show yet.
        if (!isPendingPerson(person)) this.editor.notify('persons.created', { code: person.code });
      });
  }

  /** The visit's time as entered (the API takes the age band on that day), or now while it is invalid. */
  private visitTime(): Date {
    const time = Date.parse(this.form.controls.occurredAt.value);
    return Number.isNaN(time) ? new Date() : new Date(time);
  }

  protected personSummary(person: Person): string {
    const lists = this.lists();
    const label = (items: { code: string; label: string }[], code: string | null) =>
      items.find((i) => i.code === code)?.label ?? code ?? '';
    return [
      personName(person),
      label(lists.sexes, person.sex),
      label(lists.ageBands, ageBandOf(person, this.visitTime())),
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
    // Through the directive: a save by the button left it "submitted", which would show every empty
    // required field of the next visit as an error.
    const reset = (value: ReturnType<typeof this.form.getRawValue>) => {
      const directive = this.formDirective();
      if (directive) directive.resetForm(value);
      else this.form.reset(value);
    };
    reset({
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

  private focusFirstField(): void {
    afterNextRender(() => this.search()?.focus(), { injector: this.injector });
  }

  /** A visit the server refused while it waited: back on the form with the same id, to fix and resend. */
  private async loadFromOutbox(entryId: string): Promise<void> {
    const item = await this.outbox.item(entryId);
    if (!item || item.kind !== 'visit' || item.operation !== 'create') return;
    const body = item.body as unknown as CreateVisitRequest & { id: string };
    this.fixing = item.id;
    this.visitId = body.id;
    this.form.patchValue({
      hubId: body.hubId,
      channel: body.channel,
      occurredAt: localDateTime(new Date(body.occurredAt)),
      topics: body.topics,
      needs: body.needs ?? [],
      vulnerabilities: body.vulnerabilities ?? [],
      note: body.note ?? '',
      followUpOn: body.followUpOn ?? '',
      sex: body.sex ?? '',
      ageBand: body.ageBand ?? '',
      nationality: body.nationality ?? '',
      profile: body.profile ?? '',
    });
    this.hubIdValue.set(body.hubId);
    if (body.personId) {
      this.persons.get(body.personId).subscribe({ next: (person) => this.link(person), error: () => undefined });
    }
    if (item.error) this.editor.showError(item.error);
    this.form.markAllAsTouched();
  }
}

function toOptions(items: { code: string; label: string }[]): ChoiceOption[] {
  return items.map((item) => ({ value: item.code, label: item.label }));
}

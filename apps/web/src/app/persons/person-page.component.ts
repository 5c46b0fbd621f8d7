// The person page (/persons/:id): profile, consent, identifying data masked until revealed with a
// reason, the timeline of visits, the versioned edit form and, for supervisors, merging a duplicate.
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
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
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ERROR_CODES, type Hub, IDENTIFYING_FIELDS, type Person, type Referral, type Visit } from '@mih/contracts';
import { catchError, filter, of } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { RecordEditor } from '../core/record-editor';
import { MERGE_ROLES } from '../core/roles';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferralStatusComponent } from '../referrals/referral-status.component';
import { IconComponent } from '../shared/icon.component';
import { MergeDialogComponent, type MergeDialogData } from './merge-dialog.component';
import { PersonFieldsComponent } from './person-fields.component';
import { approximateAge } from './person-format';
import {
  buildPersonForm,
  identifyingEditable,
  personChanges,
  personFormValue,
  syncPersonForm,
  updateConsentState,
} from './person-form';
import { RevealDialogComponent, type RevealDialogData } from './reveal-dialog.component';
import { PersonsService } from './persons.service';

@Component({
  selector: 'mih-person-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    PersonFieldsComponent,
    IconComponent,
    ReferralStatusComponent,
  ],
  templateUrl: './person-page.component.html',
  styleUrl: './person-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonPageComponent {
  private readonly persons = inject(PersonsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly identifyingFields = IDENTIFYING_FIELDS;
  protected readonly person = signal<Person | null>(null);
  protected readonly visits = signal<Visit[]>([]);
  protected readonly referrals = signal<Referral[]>([]);
  protected readonly loading = signal(true);
  protected readonly editing = signal(false);
  protected readonly stale = signal(false);

  private readonly role = inject(AuthService).role;
  protected readonly mayMerge = computed(() => {
    const role = this.role();
    return role !== null && MERGE_ROLES.includes(role);
  });
  private readonly hubList = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly hubNames = computed(() => new Map(this.hubList().map((hub) => [hub.id, hub.name])));
  protected readonly age = computed(() => approximateAge(this.person()?.birthYear ?? null));
  protected readonly consentGiven = computed(() => this.person()?.consent?.given ?? false);
  protected readonly identifyingMasked = computed(() => {
    const person = this.person();
    return !!person && !identifyingEditable(person);
  });

  protected readonly form = buildPersonForm(inject(NonNullableFormBuilder));
  private readonly editor = new RecordEditor(this.form, {
    fieldsWithin: () => this.host.nativeElement.querySelector<HTMLElement>('.edit-form') ?? this.host.nativeElement,
    // A 409 means someone else changed the person meanwhile: the page offers to reload instead.
    handles: (error) => {
      if (error.code !== ERROR_CODES.staleVersion) return false;
      this.stale.set(true);
      return true;
    },
  });
  protected readonly saving = this.editor.saving;
  protected readonly errorKey = this.editor.errorKey;

  constructor() {
    syncPersonForm(this.form, inject(DestroyRef), () => {
      const person = this.person();
      return person ? identifyingEditable(person) : true;
    });
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected reveal(): void {
    const person = this.person();
    if (!person) return;
    const data: RevealDialogData = { personId: person.id, code: person.code };
    this.dialog
      .open(RevealDialogComponent, { data, width: '480px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed()
      .pipe(filter((revealed): revealed is Person => !!revealed))
      .subscribe((revealed) => this.show(revealed));
  }

  protected edit(): void {
    const person = this.person();
    if (!person) return;
    this.show(person);
    this.editing.set(true);
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('.edit-form [data-field] button[tabindex="0"]')?.focus(),
      { injector: this.injector },
    );
  }

  protected cancelEdit(): void {
    const person = this.person();
    if (person) this.show(person);
    this.editing.set(false);
  }

  protected async save(): Promise<void> {
    const person = this.person();
    if (!person || !this.editor.ready()) return;
    const changes = personChanges(this.form, person);
    if (Object.keys(changes).length === 0) {
      this.notify('persons.noChanges');
      this.editing.set(false);
      return;
    }
    const outcome = await this.editor.save<Person>(
      { kind: 'person', operation: 'update', recordId: person.id, body: { version: person.version, ...changes } },
      'persons.saved',
    );
    if (outcome.status === 'refused') return;
    this.editing.set(false);
    if (outcome.status === 'synced') this.show(outcome.record);
  }

  protected merge(): void {
    const person = this.person();
    if (!person) return;
    const data: MergeDialogData = { person };
    this.dialog
      .open(MergeDialogComponent, { data, width: '560px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed()
      .pipe(filter((kept): kept is Person => !!kept))
      .subscribe(() => {
        this.notify('persons.merge.done');
        this.load(person.id);
      });
  }

  /** After a 409: fetch the current version, dropping the edits that could not be saved. */
  protected reload(): void {
    this.editing.set(false);
    this.load(this.id());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.stale.set(false);
    this.errorKey.set(null);
    this.persons.get(id).subscribe({
      next: ({ visits, referrals, ...person }) => {
        this.loading.set(false);
        this.visits.set(visits);
        this.referrals.set(referrals ?? []);
        this.show(person);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  private show(person: Person): void {
    this.person.set(person);
    this.stale.set(false);
    this.form.reset(personFormValue(person));
    updateConsentState(this.form, identifyingEditable(person));
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 4000 });
  }
}

// One case of the inbox (/inbox/:id): what the counselor sent (name and contact only with consent; the
// read is audited), the response timer, and the work: take it, find or register the person from the
// case data, log a visit for them, close the case with its outcome.
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type ApiError,
  CASE_ACTION_FROM,
  CASE_COMMENT_MAX_LENGTH,
  CASE_OUTCOMES,
  type CaseDetail,
  type CaseOutcome,
  ERROR_CODES,
  type Person,
} from '@mih/contracts';
import { type Observable, filter } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { PersonCreateDialogComponent, type PersonCreateDialogData } from '../persons/person-create-dialog.component';
import { PersonSearchComponent } from '../persons/person-search.component';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { personInitialFromCase } from './case-person';
import { CaseStatusComponent } from './case-status.component';
import { CaseTimerComponent } from './case-timer.component';
import { CasesService } from './cases.service';

@Component({
  selector: 'mih-case-page',
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
    LocalDatePipe,
    ReferenceLabelPipe,
    PersonSearchComponent,
    FieldErrorComponent,
    IconComponent,
    CaseStatusComponent,
    CaseTimerComponent,
  ],
  templateUrl: './case-page.component.html',
  styleUrl: './case-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePageComponent {
  private readonly cases = inject(CasesService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly me = inject(AuthService).user;
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter set when coming back from the visit form: the outcome is most likely "visit logged". */
  readonly visitLogged = input<string>();

  protected readonly outcomes = CASE_OUTCOMES;
  protected readonly commentMaxLength = CASE_COMMENT_MAX_LENGTH;
  protected readonly found = signal<CaseDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected readonly open = computed(() => this.found()?.status !== 'closed');
  protected readonly canTake = computed(() => {
    const c = this.found();
    return !!c && CASE_ACTION_FROM.take.includes(c.status) && c.assignedTo !== this.me()?.id;
  });
  protected readonly returnHere = computed(() => `/inbox/${this.id()}?visitLogged=1`);

  protected readonly closeForm = inject(NonNullableFormBuilder).group({
    outcome: ['', Validators.required],
    comment: ['', Validators.maxLength(CASE_COMMENT_MAX_LENGTH)],
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => {
      if (this.visitLogged()) untracked(() => this.closeForm.controls.outcome.setValue('visit_logged'));
    });
  }

  protected take(): void {
    const c = this.found();
    if (c) this.run(this.cases.take(c), 'caseDetail.taken');
  }

  protected link(person: Person): void {
    const c = this.found();
    if (c) this.run(this.cases.linkPerson(c, person.id), 'caseDetail.linkedDone');
  }

  /** The person dialog starts from the case's data (name and contact only when consented). */
  protected createPerson(query = ''): void {
    const c = this.found();
    if (!c) return;
    const data: PersonCreateDialogData = { hubId: c.hubId, query, initial: personInitialFromCase(c) };
    this.dialog
      .open(PersonCreateDialogComponent, { data, width: '640px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((person): person is Person => !!person))
      .subscribe((person) => this.link(person));
  }

  protected close(): void {
    const c = this.found();
    if (!c) return;
    if (this.closeForm.invalid) {
      this.closeForm.markAllAsTouched();
      return;
    }
    const { outcome, comment } = this.closeForm.getRawValue();
    this.run(this.cases.close(c, outcome as CaseOutcome, comment.trim() || undefined), 'caseDetail.closed');
  }

  private load(id: string): void {
    this.loading.set(true);
    this.cases.get(id).subscribe({
      next: (found) => {
        this.found.set(found);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.errorKey.set(errorMessageKey(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  /** One inbox action; on a stale version the case is reloaded and the user told to try again. */
  private run(action: Observable<CaseDetail>, doneKey: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    action.subscribe({
      next: (updated) => {
        this.found.set(updated);
        this.busy.set(false);
        this.snackBar.open(this.transloco.translate(doneKey), this.transloco.translate('common.ok'), { duration: 4000 });
      },
      error: (err: unknown) => {
        const error: ApiError = toApiError(err);
        this.busy.set(false);
        if (error.code === ERROR_CODES.staleVersion || error.code === ERROR_CODES.conflict) {
          this.errorKey.set('caseDetail.stale');
          this.load(this.id());
        } else {
          this.errorKey.set(errorMessageKey(error));
        }
      },
    });
  }
}

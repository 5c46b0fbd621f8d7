// One referral (/referrals/:id): what was referred to whom, its status and timeline, and the steps the
// caller may take now (from the shared state machine and the role), the follow-up (due date,
// assignee) and the printable slip for the provider.
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
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
  ERROR_CODES,
  type ReferralAction,
  type ReferralDetail,
  type User,
} from '@mih/contracts';
import { type Observable, catchError, filter, of } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { UsersService } from '../users/users.service';
import { ReferralActionDialogComponent, type ReferralActionDialogData } from './referral-action-dialog.component';
import {
  availableActions,
  canPrintSlip,
  commentRequired,
  isAuthor,
  isEditable,
  isFollowUpEditable,
  isProviderAnswer,
  localDateString,
  skipsReview,
} from './referral-rules';
import { ReferralStatusComponent, ReferralUrgencyComponent } from './referral-status.component';
import { ReferralsService } from './referrals.service';
import { intlLocales } from '../i18n/intl-locales';

/** Who a referral can be handed to: the people who follow cases in its hub. */
const ASSIGNABLE_ROLES = ['staff', 'supervisor'];
/** Steps without a required comment that still ask first (cancelling cannot be undone). */
const CONFIRM_ACTIONS: readonly ReferralAction[] = ['cancel'];

@Component({
  selector: 'mih-referral-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
    ReferralStatusComponent,
    ReferralUrgencyComponent,
  ],
  templateUrl: './referral-page.component.html',
  styleUrl: './referral-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralPageComponent {
  private readonly referrals = inject(ReferralsService);
  private readonly users = inject(UsersService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly auth = inject(AuthService);
  private readonly role = this.auth.role;
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly referral = signal<ReferralDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly stale = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly assignees = signal<User[]>([]);
  protected readonly today = localDateString(new Date());

  protected readonly actions = computed(() => {
    const referral = this.referral();
    if (!referral) return [];
    const actions = availableActions(referral.status, this.role());
    return this.authored() ? actions.filter((a) => a !== 'approve') : actions;
  });
  /** Four eyes: the caller wrote or submitted this referral, so someone else approves it. */
  protected readonly authored = computed(() => {
    const referral = this.referral();
    return !!referral && isAuthor(referral, this.auth.user()?.id ?? null);
  });
  protected readonly skipsReview = computed(() => {
    const referral = this.referral();
    return !!referral && skipsReview(referral);
  });
  protected readonly mainActions = computed(() => this.actions().filter((a) => !isProviderAnswer(a)));
  protected readonly providerAnswers = computed(() => this.actions().filter((a) => isProviderAnswer(a)));
  protected readonly editable = computed(() => {
    const referral = this.referral();
    return !!referral && isEditable(referral, this.role());
  });
  protected readonly followUpEditable = computed(() => {
    const referral = this.referral();
    return !!referral && isFollowUpEditable(referral, this.role());
  });
  protected readonly printable = computed(() => {
    const referral = this.referral();
    return !!referral && canPrintSlip(referral, this.role());
  });
  /** The current assignee may be missing from the hub's list (moved away, or an admin). */
  protected readonly assigneeListed = computed(() => {
    const referral = this.referral();
    return !referral || this.assignees().some((user) => user.id === referral.assignedTo);
  });
  /** The timeline, newest first: the latest step is what one looks for. */
  protected readonly events = computed(() => [...(this.referral()?.events ?? [])].reverse());

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly dueOnForm = this.fb.group({ dueOn: ['', Validators.required] });
  protected readonly assignForm = this.fb.group({ assignedTo: ['', Validators.required] });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected act(action: ReferralAction): void {
    const referral = this.referral();
    if (!referral || this.busy()) return;
    if (!commentRequired(action) && !CONFIRM_ACTIONS.includes(action)) {
      this.run(this.referrals.act(referral.id, action, { version: referral.version }), `referrals.done.${action}`);
      return;
    }
    const data: ReferralActionDialogData = { action, personCode: referral.personCode };
    this.dialog
      .open(ReferralActionDialogComponent, { data, width: '520px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed()
      .pipe(filter((comment): comment is string => comment !== undefined))
      .subscribe((comment) =>
        this.run(
          this.referrals.act(referral.id, action, { version: referral.version, ...(comment ? { comment } : {}) }),
          `referrals.done.${action}`,
        ),
      );
  }

  protected saveDueOn(): void {
    const referral = this.referral();
    const { dueOn } = this.dueOnForm.getRawValue();
    if (!referral || this.dueOnForm.invalid || dueOn === referral.dueOn) return;
    this.run(this.referrals.update(referral.id, { version: referral.version, dueOn }), 'referrals.followUp.dueOnSaved');
  }

  protected reassign(): void {
    const referral = this.referral();
    const { assignedTo } = this.assignForm.getRawValue();
    if (!referral || this.assignForm.invalid || assignedTo === referral.assignedTo) return;
    this.run(this.referrals.update(referral.id, { version: referral.version, assignedTo }), 'referrals.followUp.reassigned');
  }

  /** After a 409: show the referral as it is now. */
  protected reload(): void {
    this.load(this.id());
  }

  /** Every change answers the referral without its timeline: fetch it whole again. */
  private run(request: Observable<unknown>, messageKey: string): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.stale.set(false);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.notify(messageKey);
        this.load(this.id());
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.referrals.get(id).subscribe({
      next: (referral) => {
        this.loading.set(false);
        this.referral.set(referral);
        this.dueOnForm.reset({ dueOn: referral.dueOn });
        this.assignForm.reset({ assignedTo: referral.assignedTo });
        if (isFollowUpEditable(referral, this.role()) && this.assignees().length === 0) this.loadAssignees(referral.hubId);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  private loadAssignees(hubId: string): void {
    this.users
      .listAll({ hubId, active: true })
      .pipe(catchError(() => of([] as User[])))
      .subscribe((users) =>
        this.assignees.set(
          users
            .filter((user) => ASSIGNABLE_ROLES.includes(user.role))
            .sort((a, b) => a.displayName.localeCompare(b.displayName, intlLocales(this.lang()))),
        ),
      );
  }

  private fail(error: ApiError): void {
    this.busy.set(false);
    // A stale version, or a step someone else took first: the referral changed under us.
    if (error.code === ERROR_CODES.staleVersion || error.code === ERROR_CODES.conflict) {
      this.stale.set(true);
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus());
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 4000 });
  }
}

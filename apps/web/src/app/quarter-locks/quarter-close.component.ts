// Closing a quarter (/quarter-close): a supervisor picks a quarter and hubs, reads the data-quality
// checks (with links to the lists where the records can be fixed), then locks it; admins can unlock a hub.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Hub, QUARTER_CHECK_CODES, type QuarterChecks, type QuarterLock, type QuarterQuery } from '@mih/contracts';
import { catchError, debounceTime, filter, forkJoin, map, merge, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { HubsService } from '../hubs/hubs.service';
import { countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { lastEndedQuarter } from '../reports/quarter';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import { CHECK_LINKS, failingSummary, hubRows } from './quarter-close';
import { QuarterLocksService } from './quarter-locks.service';
import { type UnlockDialogData, UnlockDialogComponent } from './unlock-dialog.component';
import { dateTimeFormat } from '../i18n/intl-locales';

type State = { checks: QuarterChecks | null; locks: QuarterLock[]; errorKey: string | null; loading: boolean };

@Component({
  selector: 'mih-quarter-close',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    LocalDatePipe,
    LocalNumberPipe,
    IconComponent,
  ],
  templateUrl: './quarter-close.component.html',
  styleUrl: './quarter-close.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuarterCloseComponent {
  private readonly quarterLocks = inject(QuarterLocksService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  private readonly auth = inject(AuthService);
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly quarters = [1, 2, 3, 4];
  protected readonly checkLinks = CHECK_LINKS;
  protected readonly totalChecks = QUARTER_CHECK_CODES.length;
  protected readonly hubColumns = ['hub', 'state', 'actions'];
  private readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  private readonly today = new Date();
  protected readonly years = Array.from({ length: 6 }, (_, i) => this.today.getFullYear() - i);
  protected readonly filters = inject(NonNullableFormBuilder).group({ ...lastEndedQuarter(this.today), countryCode: '', hubId: '' });
  private readonly filterValues = toSignal(this.filters.valueChanges.pipe(map(() => this.filters.getRawValue())), {
    initialValue: this.filters.getRawValue(),
  });

  protected readonly hubs = toSignal(inject(HubsService).listAll().pipe(catchError(() => of([] as Hub[]))), { initialValue: [] as Hub[] });
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));
  protected readonly countries = computed(() => [...new Set(this.hubs().map((hub) => hub.countryCode))].sort());
  protected readonly hubsOfCountry = computed(() => {
    const country = this.filterValues().countryCode;
    return this.hubs().filter((hub) => !country || hub.countryCode === country);
  });

  protected readonly saving = signal(false);
  /** What went wrong with the last lock, until the quarter is read again. */
  private readonly actionErrorKey = signal<string | null>(null);

  /** Emits after a lock or an unlock, to read the quarter again. */
  private readonly changed = new Subject<void>();
  private readonly state = toSignal(
    merge(this.filters.valueChanges.pipe(debounceTime(200)), this.changed).pipe(
      startWith(null),
      tap(() => this.actionErrorKey.set(null)),
      map(() => this.query()),
      switchMap((query) =>
        forkJoin({ checks: this.quarterLocks.checks(query), locks: this.quarterLocks.locks(query.year, query.quarter) }).pipe(
          map(({ checks, locks }): State => ({ checks, locks, errorKey: null, loading: false })),
          catchError((error: unknown) => of<State>({ checks: null, locks: [], errorKey: errorMessageKey(toApiError(error)), loading: false })),
          startWith<State>({ checks: null, locks: [], errorKey: null, loading: true }),
        ),
      ),
    ),
    { initialValue: { checks: null, locks: [], errorKey: null, loading: true } as State },
  );
  protected readonly checks = computed(() => this.state().checks);
  protected readonly loading = computed(() => this.state().loading || this.saving());
  protected readonly errorKey = computed(() => this.actionErrorKey() ?? this.state().errorKey);
  protected readonly summary = computed(() => {
    const checks = this.checks();
    return checks ? failingSummary(checks) : null;
  });
  protected readonly rows = computed(() => {
    const checks = this.checks();
    return checks ? hubRows(checks, this.state().locks, this.hubNames()) : [];
  });
  protected readonly openHubs = computed(() => this.rows().filter((row) => !row.lock).length);

  constructor() {
    // A hub of another country would select nothing: choosing a country clears it.
    this.filters.controls.countryCode.valueChanges.pipe(takeUntilDestroyed()).subscribe((country) => {
      const hubId = this.filters.controls.hubId.value;
      if (hubId && country && this.hubs().find((hub) => hub.id === hubId)?.countryCode !== country) this.filters.controls.hubId.setValue('');
    });
  }

  protected countryLabel(code: string): string {
    return countryName(code, this.lang());
  }

  protected hubName(hubId: string): string {
    return this.hubNames().get(hubId) ?? hubId;
  }

  /** The day the quarter can be locked from: the next quarter's first day, where the browser is. */
  protected lockableFrom(checks: QuarterChecks): string {
    return dateTimeFormat(this.lang(), { dateStyle: 'long', timeZone: checks.timeZone }).format(new Date(checks.endsAt));
  }

  protected lock(): void {
    const checks = this.checks();
    const summary = this.summary();
    if (!checks || !summary || this.saving()) return;
    const params = { period: this.periodLabel(checks), hubs: this.openHubs(), failing: summary.failing, records: summary.records, total: this.totalChecks };
    const data: ConfirmDialogData = {
      title: 'quarterClose.confirm.title',
      message: summary.failing > 0 ? 'quarterClose.confirm.messageFailing' : 'quarterClose.confirm.messageClean',
      confirm: 'quarterClose.confirm.lock',
      params,
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.saving.set(true);
          this.actionErrorKey.set(null);
          const { year, quarter, hubId, countryCode, timeZone } = this.query();
          return this.quarterLocks.lock({ year, quarter, hubId, countryCode, timeZone });
        }),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.snackBar.open(this.transloco.translate('quarterClose.lockDone', params), this.transloco.translate('common.ok'), { duration: 5000 });
          this.changed.next();
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.actionErrorKey.set(errorMessageKey(toApiError(err)));
        },
      });
  }

  protected unlock(lock: QuarterLock): void {
    const data: UnlockDialogData = { year: lock.year, quarter: lock.quarter, hubId: lock.hubId, hubName: lock.hubName };
    this.dialog
      .open<UnlockDialogComponent, UnlockDialogData, QuarterLock[]>(UnlockDialogComponent, { data, width: '520px' })
      .afterClosed()
      .pipe(filter((removed): removed is QuarterLock[] => Array.isArray(removed)))
      .subscribe(() => {
        const message = this.transloco.translate('quarterClose.unlockDone', { hub: lock.hubName, period: this.periodLabel(lock) });
        this.snackBar.open(message, this.transloco.translate('common.ok'), { duration: 5000 });
        this.changed.next();
      });
  }

  /** e.g. "Q3 2026" in the UI's language, for messages built in code. */
  private periodLabel({ year, quarter }: { year: number; quarter: number }): string {
    return this.transloco.translate('quarter.period', { quarter, year });
  }

  private query(): QuarterQuery {
    const f = this.filters.getRawValue();
    return { year: f.year, quarter: f.quarter, hubId: f.hubId || undefined, countryCode: f.countryCode || undefined, timeZone: this.timeZone };
  }
}

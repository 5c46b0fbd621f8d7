// Referrals (/referrals?view=…): mine, the review queue (supervisors and admins), overdue ones, the
// emergencies sent without review (supervisors and admins), or all in my scope; filtered by status.
// Overdue due dates show in red and say so; a skipped review is marked on its row.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { REFERRAL_STATUSES, type ReferralListItem, type ReferralListQuery, type ReferralStatus } from '@mih/contracts';
import { combineLatest, debounceTime, map, startWith } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { PagedList } from '../core/paged-list';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ListStatusComponent } from '../shared/list-status.component';
import { isReviewer } from './referral-rules';
import { ReferralStatusComponent, ReferralUrgencyComponent } from './referral-status.component';
import { ReferralsService } from './referrals.service';

const PAGE_SIZE = 50;

export const REFERRAL_VIEWS = ['mine', 'review', 'overdue', 'skipped', 'all'] as const;
/** Views only reviewers are offered. */
const REVIEWER_VIEWS: readonly ReferralView[] = ['review', 'skipped'];
export type ReferralView = (typeof REFERRAL_VIEWS)[number];

/** The list query of a view; the status filter does not apply to the review queue (all submitted). */
export function referralQuery(view: ReferralView, userId: string | null, status: ReferralStatus | ''): ReferralListQuery {
  const byStatus = status ? { status } : {};
  switch (view) {
    case 'review':
      return { queue: 'review' };
    case 'overdue':
      return { overdue: true, ...byStatus };
    case 'skipped':
      return { reviewSkipped: true, ...byStatus };
    case 'mine':
      return { assignedTo: userId ?? undefined, ...byStatus };
    default:
      return byStatus;
  }
}

@Component({
  selector: 'mih-referral-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    MatTabsModule,
    TranslocoPipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    ReferralStatusComponent,
    ReferralUrgencyComponent,
    ExportMenuComponent,
    ListStatusComponent,
  ],
  templateUrl: './referral-list.component.html',
  styleUrl: './referral-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralListComponent {
  private readonly referrals = inject(ReferralsService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Query parameter `view`. */
  readonly view = input<string>();

  protected readonly statuses = REFERRAL_STATUSES;
  protected readonly columns = ['person', 'need', 'provider', 'urgency', 'status', 'dueOn'];
  protected readonly views = computed<ReferralView[]>(() =>
    REFERRAL_VIEWS.filter((view) => !REVIEWER_VIEWS.includes(view) || isReviewer(this.auth.role())),
  );
  /** The view shown: the one asked for if offered, else the review queue for reviewers, else mine. */
  protected readonly current = computed<ReferralView>(() => {
    const asked = this.view() as ReferralView;
    if (this.views().includes(asked)) return asked;
    return isReviewer(this.auth.role()) ? 'review' : 'mine';
  });

  protected readonly filters = inject(NonNullableFormBuilder).group({ status: '' as ReferralStatus | '' });

  protected readonly list = new PagedList<ReferralListItem, ReferralListQuery>((query) => this.referrals.list(query), PAGE_SIZE);
  protected readonly items = this.list.items;

  constructor() {
    this.list.follow(
      combineLatest([
        toObservable(this.current),
        this.filters.valueChanges.pipe(
          debounceTime(150),
          map(() => this.filters.getRawValue().status),
          startWith(''),
        ),
      ]).pipe(map(([view, status]) => referralQuery(view, this.auth.user()?.id ?? null, status as ReferralStatus | ''))),
    );
  }

  /** The view's filters at the moment of an export; the review queue exports as every submitted referral. */
  protected readonly exportFilters = () => {
    const { queue, ...query } = referralQuery(this.current(), this.auth.user()?.id ?? null, this.filters.getRawValue().status);
    return queue === 'review' ? { status: 'submitted' } : query;
  };

  protected open(referral: ReferralListItem): void {
    void this.router.navigate(['/referrals', referral.id]);
  }
}

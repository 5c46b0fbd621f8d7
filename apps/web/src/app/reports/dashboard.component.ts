// The figures of my scope for a period (/dashboard): consultations and the people they reached, by sex,
// age, profile, nationality, topic, need and channel, and month by month.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CodeCount, Dashboard, Hub, ReferenceItem, ReportQuery } from '@mih/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { catchError, debounceTime, filter, map, of, startWith, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { HubsService } from '../hubs/hubs.service';
import { countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalNumberPipe } from '../i18n/local-date.pipe';
import { referenceLabel, ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ChartCardComponent, type ChartSeries } from './chart-card.component';
import { PERIOD_KINDS, type Period, type PeriodKind, periodOf } from './period';
import { ReportsService } from './reports.service';
import { dateTimeFormat } from '../i18n/intl-locales';

/** Long lists (topics, needs, nationalities) show their first ones; the table under each chart too. */
const TOP = 10;

interface Figure {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  kind?: 'bar' | 'line';
  horizontal?: boolean;
}

type State = { dashboard: Dashboard | null; errorKey: string | null; loading: boolean };

@Component({
  selector: 'mih-dashboard',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, IconComponent, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule, TranslocoPipe, LocalNumberPipe, ChartCardComponent, ExportMenuComponent],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) })],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  private readonly reports = inject(ReportsService);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  private readonly lists = inject(ReferenceListsService).lists;
  /** Emits when the active language's translations are loaded: chart labels are built in code, not by the pipe. */
  private readonly translation = toSignal(this.transloco.selectTranslation());
  protected readonly periodKinds = PERIOD_KINDS;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    period: 'thisQuarter' as PeriodKind,
    from: '',
    to: '',
    countryCode: '',
    hubId: '',
  });
  private readonly filterValues = toSignal(this.filters.valueChanges.pipe(startWith(null), map(() => this.filters.getRawValue())), {
    initialValue: this.filters.getRawValue(),
  });
  protected readonly custom = computed(() => this.filterValues().period === 'custom');

  protected readonly hubs = toSignal(inject(HubsService).listAll().pipe(catchError(() => of([] as Hub[]))), { initialValue: [] as Hub[] });
  protected readonly countries = computed(() => [...new Set(this.hubs().map((hub) => hub.countryCode))].sort());
  protected readonly hubsOfCountry = computed(() => {
    const country = this.filterValues().countryCode;
    return this.hubs().filter((hub) => !country || hub.countryCode === country);
  });

  private readonly state = toSignal(
    this.filters.valueChanges.pipe(
      startWith(null),
      debounceTime(200),
      map(() => this.query()),
      filter((query): query is ReportQuery => query !== null),
      switchMap((query) =>
        this.reports.dashboard(query).pipe(
          map((dashboard): State => ({ dashboard, errorKey: null, loading: false })),
          catchError((error: unknown) => of<State>({ dashboard: null, errorKey: errorMessageKey(toApiError(error)), loading: false })),
          startWith<State>({ dashboard: null, errorKey: null, loading: true }),
        ),
      ),
    ),
    { initialValue: { dashboard: null, errorKey: null, loading: true } as State },
  );
  protected readonly dashboard = computed(() => this.state().dashboard);
  /** The figures on screen, for the export menu. */
  protected readonly exportFilters = () => this.query() ?? {};
  protected readonly loading = computed(() => this.state().loading);
  protected readonly errorKey = computed(() => this.state().errorKey);

  /** Whether the API hid counts (all but admins get them suppressed): the marks are then explained. */
  protected readonly hasHidden = computed(() => {
    const d = this.dashboard();
    return !!d && /"(<5|x)"/.test(JSON.stringify(d)); // no code or month is "<5" or "x"; only hidden counts are
  });

  protected readonly womenShare = computed(() => {
    const visits = this.dashboard()?.visits;
    if (!visits || typeof visits.peopleReached !== 'number' || visits.peopleReached === 0) return null;
    const women = visits.bySex.find((item) => item.code === 'female')?.count ?? 0;
    // A hidden count has no share: it would give the count back.
    return typeof women === 'number' ? Math.round((100 * women) / visits.peopleReached) : null;
  });

  protected readonly figures = computed<Figure[]>(() => {
    const visits = this.dashboard()?.visits;
    if (!visits) return [];
    if (!this.translation()) return [];
    const t = (key: string) => this.transloco.translate(key);
    const lists = this.lists();
    const people = t('reports.peopleReached');
    const consultations = t('reports.consultations');
    const byCode = (id: string, title: string, counts: CodeCount[], label: (code: string) => string, name: string, horizontal = false): Figure => {
      const shown = horizontal ? counts.slice(0, TOP) : counts;
      return { id, title, categories: shown.map((c) => label(c.code)), series: [{ name, values: shown.map((c) => c.count) }], horizontal };
    };
    const ref = (items: readonly ReferenceItem[]) => (code: string) => referenceLabel(items, code);
    const monthName = dateTimeFormat(this.lang(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return [
      {
        id: 'trend',
        title: t('reports.byMonth'),
        kind: 'line',
        categories: visits.byMonth.map((m) => monthName.format(new Date(`${m.month}-01T00:00:00Z`))),
        series: [
          { name: consultations, values: visits.byMonth.map((m) => m.consultations) },
          { name: people, values: visits.byMonth.map((m) => m.peopleReached) },
        ],
      },
      byCode('sex', t('reports.bySex'), visits.bySex, ref(lists.sexes), people),
      byCode('age', t('reports.byAgeBand'), sortByList(visits.byAgeBand, lists.ageBands), ref(lists.ageBands), people),
      byCode('profile', t('reports.byProfile'), visits.byProfile, ref(lists.profiles), people, true),
      byCode('nationality', t('reports.byNationality'), visits.byNationality, (code) => countryName(code, this.lang()), people, true),
      byCode('topics', t('reports.topics'), visits.topics, ref(lists.topics), consultations, true),
      byCode('needs', t('reports.needs'), visits.needs, ref(lists.needCategories), consultations, true),
      byCode('channels', t('reports.channels'), visits.channels, ref(lists.channels), consultations),
      ...this.outreachAndReferralFigures(t),
    ];
  });

  /** Outreach activities (participants by group, activities by type) and the referral funnel. */
  private outreachAndReferralFigures(t: (key: string) => string): Figure[] {
    const d = this.dashboard();
    if (!d) return [];
    const { activities, referrals } = d;
    const groups = ['girls', 'boys', 'women', 'men', 'other'] as const;
    const steps = ['submitted', 'approved', 'accepted', 'completed', 'declined', 'rejected'] as const;
    const participantGroups: Figure = {
      id: 'participants',
      title: t('reports.participantsByGroup'),
      categories: activities.participants.total ? groups.map((g) => t(`participantGroups.${g}`)) : [],
      series: [{ name: t('reports.participants'), values: groups.map((g) => activities.participants[g]) }],
    };
    const byType: Figure = {
      id: 'activityTypes',
      title: t('reports.activitiesByType'),
      horizontal: true,
      categories: activities.byType.map((item) => t(`activityTypes.${item.code}`)),
      series: [
        { name: t('reports.activities'), values: activities.byType.map((item) => item.count) },
        { name: t('reports.participants'), values: activities.byType.map((item) => item.participants) },
      ],
    };
    const funnel: Figure = {
      id: 'referrals',
      title: t('reports.referralFunnel'),
      categories: referrals.submitted ? steps.map((step) => t(`reports.steps.${step}`)) : [],
      series: [{ name: t('reports.referrals'), values: steps.map((step) => referrals[step]) }],
    };
    return [participantGroups, byType, funnel];
  }

  protected countryLabel(code: string): string {
    return countryName(code, this.lang());
  }

  /** The query of the filters, or null while a custom period is incomplete or backwards. */
  private query(): ReportQuery | null {
    const f = this.filters.getRawValue();
    const period: Period | null = f.period === 'custom' ? (f.from && f.to && f.from <= f.to ? { from: f.from, to: f.to } : null) : periodOf(f.period, new Date());
    if (!period) return null;
    return {
      ...period,
      hubId: f.hubId || undefined,
      countryCode: f.countryCode || undefined,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
  }
}

/** Age bands read youngest first, not most first. */
function sortByList(counts: CodeCount[], items: readonly ReferenceItem[]): CodeCount[] {
  const order = new Map(items.map((item, i) => [item.code, i]));
  return [...counts].sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99));
}

// Activities (/activities). Staff and supervisors: their scope with filters (period, hub, type,
// campaign, counselor) and a totals row by sex and age for the filtered set. Counselors: "My
// activities", a plain list of cards sized for a phone.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ACTIVITY_TYPES,
  type Activity,
  type ActivityListQuery,
  type ActivityTotals,
  type ActivityType,
  type Counselor,
  type Hub,
  PARTICIPANT_GROUPS,
} from '@mih/contracts';
import { type Observable, catchError, debounceTime, map, of, shareReplay, startWith, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { PagedList } from '../core/paged-list';
import { ExportMenuComponent } from '../exports/export-menu.component';
import { CounselorsService } from '../counselors/counselors.service';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { ListStatusComponent } from '../shared/list-status.component';
import { ActivitiesService } from './activities.service';
import { OutboxItemsComponent } from '../offline/outbox-items.component';
import { OutboxService } from '../offline/outbox.service';

const PAGE_SIZE = 50;
/** Counselors scroll a short list on a slow link: smaller pages. */
const COUNSELOR_PAGE_SIZE = 20;

@Component({
  selector: 'mih-activity-list',
  imports: [
    OutboxItemsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    LocalDatePipe,
    LocalNumberPipe,
    ReferenceLabelPipe,
    IconComponent,
    ListStatusComponent,
    ExportMenuComponent,
  ],
  templateUrl: './activity-list.component.html',
  styleUrl: './activity-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityListComponent {
  private readonly activities = inject(ActivitiesService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;
  protected readonly counselorMode = inject(AuthService).role() === 'counselor';

  protected readonly types = ACTIVITY_TYPES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: '',
    to: '',
    hubId: '',
    type: '' as ActivityType | '',
    campaign: '',
    counselorId: '',
  });

  protected readonly list = new PagedList<Activity, ActivityListQuery>(
    (query) => this.activities.list(query),
    this.counselorMode ? COUNSELOR_PAGE_SIZE : PAGE_SIZE,
  );
  protected readonly items = this.list.items;
  protected readonly totals = signal<ActivityTotals | null>(null);

  // Filters only for the hub team; a counselor's screen makes one request.
  protected readonly hubs = this.counselorMode ? signal([] as Hub[]) : this.load(inject(HubsService).listAll(), [] as Hub[]);
  protected readonly counselors = this.counselorMode ? signal([] as Counselor[]) : this.load(inject(CounselorsService).listAll(), [] as Counselor[]);
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  constructor() {
    const queries = this.filters.valueChanges.pipe(
      debounceTime(250),
      startWith(null),
      map(() => this.query()),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.list.follow(queries, toObservable(inject(OutboxService).departed));
    if (!this.counselorMode) {
      queries
        .pipe(
          switchMap((filters) => this.activities.totals(filters).pipe(catchError(() => of(null)))),
          takeUntilDestroyed(),
        )
        .subscribe((totals) => this.totals.set(totals));
    }
  }

  /** The filters at the moment of an export (a counselor's: all their own activities). */
  protected readonly exportFilters = () => this.query();

  protected counselorNames(activity: Activity): string {
    return activity.counselors.map((c) => c.displayName).join(', ');
  }

  private query(): ActivityListQuery {
    const f = this.filters.getRawValue();
    return {
      from: f.from || undefined,
      to: f.to || undefined,
      hubId: f.hubId || undefined,
      type: f.type || undefined,
      campaign: f.campaign.trim() || undefined,
      counselorId: f.counselorId || undefined,
    };
  }

  private load<T>(source: Observable<T[]>, initial: T[]) {
    return toSignal(source.pipe(catchError(() => of(initial))), { initialValue: initial });
  }
}

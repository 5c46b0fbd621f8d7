// Visits of my hubs (/visits), newest first, with filters; "load more" follows the cursor.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, Hub, Page, Profile, Visit, VisitListQuery } from '@mih/contracts';
import {
  EMPTY,
  type MonoTypeOperatorFunction,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { VisitsService } from './visits.service';

const PAGE_SIZE = 50;

/** The start of a local calendar day (`YYYY-MM-DD`), `days` later, as an ISO instant. */
export function startOfLocalDay(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}

@Component({
  selector: 'mih-visit-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
  ],
  templateUrl: './visit-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitListComponent {
  private readonly visits = inject(VisitsService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  protected readonly columns = ['occurredAt', 'person', 'profile', 'topics', 'channel', 'hub'];
  protected readonly filters = inject(NonNullableFormBuilder).group({
    from: '',
    to: '',
    hubId: '',
    channel: '' as Channel | '',
    profile: '' as Profile | '',
    topic: '',
    followUpDue: false,
  });

  protected readonly items = signal<Visit[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);

  protected readonly hubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly hubNames = computed(() => new Map(this.hubs().map((hub) => [hub.id, hub.name])));

  constructor() {
    this.filters.valueChanges
      .pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => this.loading.set(true)),
        switchMap((query) => this.visits.list({ ...query, limit: PAGE_SIZE }).pipe(this.handleErrors())),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
      });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.visits
      .list({ ...this.query(), limit: PAGE_SIZE, cursor })
      .pipe(this.handleErrors())
      .subscribe((page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
      });
  }

  /** Dates are whole local days: "to" includes the day it names. */
  private query(): VisitListQuery {
    const f = this.filters.getRawValue();
    return {
      from: f.from ? startOfLocalDay(f.from) : undefined,
      to: f.to ? startOfLocalDay(f.to, 1) : undefined,
      hubId: f.hubId || undefined,
      channel: f.channel || undefined,
      profile: f.profile || undefined,
      topic: f.topic || undefined,
      followUpDue: f.followUpDue || undefined,
    };
  }

  private handleErrors(): MonoTypeOperatorFunction<Page<Visit>> {
    return (source) =>
      source.pipe(
        tap(() => {
          this.errorKey.set(null);
          this.loading.set(false);
        }),
        catchError((err: unknown) => {
          this.errorKey.set(errorMessageKey(toApiError(err)));
          this.loading.set(false);
          return EMPTY;
        }),
      );
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Hub, type HubListQuery, type HubStatus, HUB_STATUSES, type Page, REGION_COUNTRY_CODES } from '@mih/contracts';
import {
  EMPTY,
  type MonoTypeOperatorFunction,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { IconComponent } from '../shared/icon.component';
import { HubsService } from './hubs.service';

const PAGE_SIZE = 50;

@Component({
  selector: 'mih-hub-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    IconComponent,
  ],
  templateUrl: './hub-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HubListComponent {
  private readonly hubs = inject(HubsService);
  private readonly router = inject(Router);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly statuses = HUB_STATUSES;
  protected readonly columns = ['name', 'location', 'country', 'openedOn', 'status'];
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
  });

  protected readonly filters = inject(NonNullableFormBuilder).group({
    countryCode: '',
    status: '' as HubStatus | '',
    q: '',
  });

  protected readonly items = signal<Hub[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    this.filters.valueChanges
      .pipe(
        debounceTime(250),
        startWith(null),
        map(() => this.query()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => this.loading.set(true)),
        switchMap((query) => this.hubs.list({ ...query, limit: PAGE_SIZE }).pipe(this.handleErrors())),
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
    this.hubs
      .list({ ...this.query(), limit: PAGE_SIZE, cursor })
      .pipe(this.handleErrors())
      .subscribe((page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
      });
  }

  protected open(hub: Hub): void {
    void this.router.navigate(['/admin/hubs', hub.id]);
  }

  private query(): HubListQuery {
    const { countryCode, status, q } = this.filters.getRawValue();
    return { countryCode: countryCode || undefined, status: status || undefined, q: q.trim() || undefined };
  }

  /** Shows a failed load as a message instead of a page, and keeps the filters working. */
  private handleErrors(): MonoTypeOperatorFunction<Page<Hub>> {
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

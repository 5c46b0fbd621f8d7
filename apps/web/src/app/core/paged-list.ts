// One filtered, cursor-paged list (hubs, users, persons, visits): reloads when its query changes,
// appends the next page on loadMore(), and shows a failed load as a message instead of a page.
import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Page, PageQuery } from '@mih/contracts';
import { EMPTY, type Observable, catchError, combineLatest, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { errorMessageKey, toApiError } from './api-error';

export class PagedList<T, Q extends object> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(true);
  readonly errorKey = signal<string | null>(null);
  private readonly destroyRef = inject(DestroyRef);
  /** The query the shown pages belong to: a cursor only makes sense with it. */
  private query: Q | null = null;

  /** Create in an injection context (a component field). */
  constructor(
    private readonly fetch: (query: Q & PageQuery) => Observable<Page<T>>,
    private readonly pageSize: number,
  ) {}

  /**
   * Loads the first page of every new query (unchanged queries are skipped), and again whenever
   * `refreshes` emits (records of the outbox reached the server, so the list has them now).
   */
  follow(queries: Observable<Q>, refreshes: Observable<unknown> = of(null)): void {
    combineLatest([queries.pipe(distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b))), refreshes])
      .pipe(
        map(([query]) => query),
        tap((query) => {
          this.query = query;
          this.loading.set(true);
        }),
        switchMap((query) => this.load(query)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
      });
  }

  loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading() || !this.query) return;
    this.loading.set(true);
    this.load(this.query, cursor)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
      });
  }

  private load(query: Q, cursor?: string): Observable<Page<T>> {
    return this.fetch({ ...query, limit: this.pageSize, ...(cursor ? { cursor } : {}) }).pipe(
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

import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import type { Page } from '@mih/contracts';
import { Subject, of, throwError, type Observable } from 'rxjs';
import { PagedList } from './paged-list';

type Query = { q?: string };

describe('PagedList', () => {
  const calls: (Query & { limit?: number; cursor?: string })[] = [];
  let answer: (query: Query & { cursor?: string }) => Observable<Page<string>>;
  let list: PagedList<string, Query>;
  let queries: Subject<Query>;

  beforeEach(() => {
    calls.length = 0;
    answer = (query) => of({ items: [`${query.q ?? ''}${query.cursor ?? '1'}`], nextCursor: query.cursor ? null : '2' });
    queries = new Subject<Query>();
    runInInjectionContext(TestBed.inject(Injector), () => {
      list = new PagedList<string, Query>((query) => {
        calls.push(query);
        return answer(query);
      }, 10);
      list.follow(queries);
    });
  });

  it('loads the first page of each new query and skips a repeated one', () => {
    queries.next({ q: 'a' });
    queries.next({ q: 'a' });
    expect(calls).toEqual([{ q: 'a', limit: 10 }]);
    expect(list.items()).toEqual(['a1']);
    expect(list.nextCursor()).toBe('2');
    expect(list.loading()).toBe(false);
  });

  it('appends the next page of the query the cursor belongs to', () => {
    queries.next({ q: 'b' });
    list.loadMore();
    expect(calls[1]).toEqual({ q: 'b', limit: 10, cursor: '2' });
    expect(list.items()).toEqual(['b1', 'b2']);
    expect(list.nextCursor()).toBeNull();
    list.loadMore();
    expect(calls).toHaveLength(2);
  });

  it('shows a failed load as a message and keeps following new queries', () => {
    answer = () => throwError(() => new HttpErrorResponse({ status: 0 }));
    queries.next({ q: 'c' });
    expect(list.errorKey()).toBe('errors.network');
    expect(list.loading()).toBe(false);
    answer = (query) => of({ items: [query.q ?? ''], nextCursor: null });
    queries.next({ q: 'd' });
    expect(list.errorKey()).toBeNull();
    expect(list.items()).toEqual(['d']);
  });
});

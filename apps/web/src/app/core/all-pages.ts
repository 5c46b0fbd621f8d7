import { MAX_PAGE_SIZE, type Page } from '@mih/contracts';
import { EMPTY, type Observable, expand, map, reduce } from 'rxjs';

/** Every item of a collection, following its cursors in pages of MAX_PAGE_SIZE (for pickers and filters). */
export function allPages<T>(page: (query: { limit: number; cursor?: string }) => Observable<Page<T>>): Observable<T[]> {
  const next = (cursor?: string) => page({ limit: MAX_PAGE_SIZE, cursor });
  return next().pipe(
    expand((res) => (res.nextCursor ? next(res.nextCursor) : EMPTY)),
    map((res) => res.items),
    reduce((all, items) => all.concat(items), [] as T[]),
  );
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LockQuarterRequest, Page, QuarterChecks, QuarterLock, QuarterQuery, UnlockQuarterRequest } from '@mih/contracts';
import { map, type Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const QUARTER_LOCKS = '/api/quarter-locks';

@Injectable({ providedIn: 'root' })
export class QuarterLocksService {
  private readonly http = inject(HttpClient);

  checks(query: QuarterQuery): Observable<QuarterChecks> {
    return this.http.get<QuarterChecks>(`${QUARTER_LOCKS}/checks`, { params: toHttpParams(query) });
  }

  /** The quarter's locks in my scope (one per hub at most: a single page). */
  locks(year: number, quarter: number): Observable<QuarterLock[]> {
    return this.http.get<Page<QuarterLock>>(QUARTER_LOCKS, { params: toHttpParams({ year, quarter }) }).pipe(map((page) => page.items));
  }

  lock(body: LockQuarterRequest): Observable<QuarterLock[]> {
    return this.http.post<QuarterLock[]>(QUARTER_LOCKS, body);
  }

  /** Admins only; answers the locks removed. */
  unlock(body: UnlockQuarterRequest): Observable<QuarterLock[]> {
    return this.http.post<QuarterLock[]>(`${QUARTER_LOCKS}/unlock`, body);
  }
}

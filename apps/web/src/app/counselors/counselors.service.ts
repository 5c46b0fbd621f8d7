import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Counselor, CounselorListQuery, CreateCounselorRequest, Page, UpdateCounselorRequest } from '@mih/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/all-pages';
import { toHttpParams } from '../core/http-params';

const COUNSELORS = '/api/counselors';

@Injectable({ providedIn: 'root' })
export class CounselorsService {
  private readonly http = inject(HttpClient);

  /** One page of the counselors of the caller's hubs, by name. */
  list(query: CounselorListQuery = {}): Observable<Page<Counselor>> {
    return this.http.get<Page<Counselor>>(COUNSELORS, { params: toHttpParams(query) });
  }

  /** Every counselor matching the query (for pickers: a hub has a handful). */
  listAll(query: Omit<CounselorListQuery, 'cursor' | 'limit'> = {}): Observable<Counselor[]> {
    return allPages((page) => this.list({ ...query, ...page }));
  }

  get(id: string): Observable<Counselor> {
    return this.http.get<Counselor>(url(id));
  }

  create(body: CreateCounselorRequest): Observable<Counselor> {
    return this.http.post<Counselor>(COUNSELORS, body);
  }

  update(id: string, body: UpdateCounselorRequest): Observable<Counselor> {
    return this.http.patch<Counselor>(url(id), body);
  }
}

function url(id: string): string {
  return `${COUNSELORS}/${encodeURIComponent(id)}`;
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateVisitRequest, Page, UpdateVisitRequest, Visit, VisitListItem, VisitListQuery } from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const VISITS = '/api/visits';

@Injectable({ providedIn: 'root' })
export class VisitsService {
  private readonly http = inject(HttpClient);

  /** One page of the visits in the caller's scope, newest first; without notes (read the visit for its note). */
  list(query: VisitListQuery = {}): Observable<Page<VisitListItem>> {
    // A false flag means "no filter", not "only visits without a follow-up due".
    const { followUpDue, ...rest } = query;
    return this.http.get<Page<VisitListItem>>(VISITS, { params: toHttpParams({ ...rest, followUpDue: followUpDue || undefined }) });
  }

  /** One visit with its note (the API audits the read). */
  get(id: string): Observable<Visit> {
    return this.http.get<Visit>(`${VISITS}/${encodeURIComponent(id)}`);
  }

  /** The body carries a client-generated id: sending it again answers the visit already stored. */
  create(body: CreateVisitRequest): Observable<Visit> {
    return this.http.post<Visit>(VISITS, body);
  }

  update(id: string, body: UpdateVisitRequest): Observable<Visit> {
    return this.http.patch<Visit>(`${VISITS}/${encodeURIComponent(id)}`, body);
  }

  markFollowUpDone(visit: Pick<Visit, 'id' | 'version'>): Observable<Visit> {
    return this.update(visit.id, { version: visit.version, followUpDone: true });
  }
}

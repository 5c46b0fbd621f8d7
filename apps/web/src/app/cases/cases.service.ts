import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Case,
  CaseDetail,
  CaseListQuery,
  CaseOutcome,
  CreateCaseRequest,
  Page,
  SentCase,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const CASES = '/api/cases';

@Injectable({ providedIn: 'root' })
export class CasesService {
  private readonly http = inject(HttpClient);

  /** The hub's inbox: open cases of the caller's scope, oldest first, with the response timer. */
  inbox(query: Omit<CaseListQuery, 'inbox'> = {}): Observable<Page<Case>> {
    return this.http.get<Page<Case>>(CASES, { params: toHttpParams({ ...query, inbox: true }) });
  }

  /** A counselor's own cases, newest first: their status only. */
  mine(query: Omit<CaseListQuery, 'inbox' | 'assignedTo'> = {}): Observable<Page<SentCase>> {
    return this.http.get<Page<SentCase>>(CASES, { params: toHttpParams(query) });
  }

  /** The whole case (the read is audited). */
  get(id: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(url(id));
  }

  /** Staff get the whole case back, the counselor who sent it the status. */
  create(body: CreateCaseRequest): Observable<SentCase | CaseDetail> {
    return this.http.post<SentCase | CaseDetail>(CASES, body);
  }

  take(found: Pick<Case, 'id' | 'version'>): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${url(found.id)}/take`, { version: found.version });
  }

  linkPerson(found: Pick<Case, 'id' | 'version'>, personId: string): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${url(found.id)}/link-person`, { version: found.version, personId });
  }

  close(found: Pick<Case, 'id' | 'version'>, outcome: CaseOutcome, comment?: string): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${url(found.id)}/close`, { version: found.version, outcome, ...(comment ? { comment } : {}) });
  }
}

function url(id: string): string {
  return `${CASES}/${encodeURIComponent(id)}`;
}

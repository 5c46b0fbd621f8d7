import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateReferralRequest,
  Page,
  ProviderLink,
  Referral,
  ReferralAction,
  ReferralActionRequest,
  ReferralDetail,
  ReferralListItem,
  ReferralListQuery,
  UpdateReferralRequest,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const REFERRALS = '/api/referrals';

@Injectable({ providedIn: 'root' })
export class ReferralsService {
  private readonly http = inject(HttpClient);

  /** One page of the referrals in the caller's scope (`queue: 'review'`: the supervisor's queue). */
  list(query: ReferralListQuery = {}): Observable<Page<ReferralListItem>> {
    // A false "overdue" means "no filter", not "only those on time".
    const { overdue, ...rest } = query;
    return this.http.get<Page<ReferralListItem>>(REFERRALS, { params: toHttpParams({ ...rest, overdue: overdue || undefined }) });
  }

  /** The referral and its timeline. The read is audited. */
  get(id: string): Observable<ReferralDetail> {
    return this.http.get<ReferralDetail>(url(id));
  }

  /** Created as a draft. The body carries a client-generated id, so a retry stores nothing twice. */
  create(body: CreateReferralRequest): Observable<Referral> {
    return this.http.post<Referral>(REFERRALS, body);
  }

  update(id: string, body: UpdateReferralRequest): Observable<Referral> {
    return this.http.patch<Referral>(url(id), body);
  }

  /** One step of the state machine; a stale version or an illegal step answers 409. */
  act(id: string, action: ReferralAction, body: ReferralActionRequest): Observable<Referral> {
    return this.http.post<Referral>(`${url(id)}/${action}`, body);
  }

  /** A new link for the provider; the previous one stops working. */
  issueProviderLink(id: string): Observable<ProviderLink> {
    return this.http.post<ProviderLink>(`${url(id)}/provider-link`, null);
  }
}

function url(id: string): string {
  return `${REFERRALS}/${encodeURIComponent(id)}`;
}

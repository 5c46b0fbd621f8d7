// The provider's side of a referral, through the link on the slip: no session, the token travels in the
// request body only (never in a URL, so it stays out of server logs and browser history).
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ProviderLinkAction,
  ProviderLinkRespondRequest,
  ProviderLinkRespondResponse,
  ProviderLinkViewRequest,
  ProviderReferralView,
} from '@mih/contracts';
import type { Observable } from 'rxjs';

const PROVIDER_LINKS = '/api/provider-links';

@Injectable({ providedIn: 'root' })
export class ProviderLinksService {
  private readonly http = inject(HttpClient);

  view(token: string): Observable<ProviderReferralView> {
    const body: ProviderLinkViewRequest = { token };
    return this.http.post<ProviderReferralView>(`${PROVIDER_LINKS}/view`, body);
  }

  /** Answers with the referral as the provider sees it after the step (and, on accepting, the link for the outcome). */
  respond(token: string, action: ProviderLinkAction, comment?: string): Observable<ProviderLinkRespondResponse> {
    const body: ProviderLinkRespondRequest = { token, action, ...(comment ? { comment } : {}) };
    return this.http.post<ProviderLinkRespondResponse>(`${PROVIDER_LINKS}/respond`, body);
  }
}

/** The token from a link `…/provider#<token>`; null when the fragment holds nothing usable. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '').trim();
  return /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

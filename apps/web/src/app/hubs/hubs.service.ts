import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateHubRequest, Hub, HubListQuery, Page, UpdateHubRequest } from '@mih/contracts';
import { type Observable, map } from 'rxjs';
import { allPages } from '../core/all-pages';
import { AuthService } from '../core/auth.service';
import { toHttpParams } from '../core/http-params';
import { LanguageService } from '../i18n/language.service';
import { OfflineCacheService } from '../offline/offline-cache.service';
import { intlLocales } from '../i18n/intl-locales';

const HUBS = '/api/hubs';

@Injectable({ providedIn: 'root' })
export class HubsService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly offlineCache = inject(OfflineCacheService);

  /** One page of the hubs in the caller's scope. */
  list(query: HubListQuery = {}): Observable<Page<Hub>> {
    return this.http.get<Page<Hub>>(HUBS, { params: toHttpParams(query) });
  }

  /** Every hub in the caller's scope, following the cursors (for pickers and the home page). */
  listAll(query: Omit<HubListQuery, 'cursor' | 'limit'> = {}): Observable<Hub[]> {
    return allPages((page) => this.list({ ...query, ...page }));
  }

  /** The active hubs a form offers, the user's own first; the last list kept is used offline. */
  activeForForms(): Observable<Hub[]> {
    return this.offlineCache
      .remember('hubs:active', this.listAll({ status: 'active' }))
      .pipe(map((hubs) => ownHubsFirst(hubs, this.auth.user()?.hubIds ?? [], this.language.lang())));
  }

  get(id: string): Observable<Hub> {
    return this.http.get<Hub>(`${HUBS}/${encodeURIComponent(id)}`);
  }

  create(body: CreateHubRequest): Observable<Hub> {
    return this.http.post<Hub>(HUBS, body);
  }

  update(id: string, body: UpdateHubRequest): Observable<Hub> {
    return this.http.patch<Hub>(`${HUBS}/${encodeURIComponent(id)}`, body);
  }
}

/** The user's own hubs first (in their order), then the others by name. */
export function ownHubsFirst(hubs: readonly Hub[], own: readonly string[], lang: string): Hub[] {
  const rank = (hub: Hub) => (own.includes(hub.id) ? own.indexOf(hub.id) : own.length);
  return [...hubs].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, intlLocales(lang)));
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateHubRequest, Hub, HubListQuery, Page, UpdateHubRequest } from '@mih/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/all-pages';
import { toHttpParams } from '../core/http-params';

const HUBS = '/api/hubs';

@Injectable({ providedIn: 'root' })
export class HubsService {
  private readonly http = inject(HttpClient);

  /** One page of the hubs in the caller's scope. */
  list(query: HubListQuery = {}): Observable<Page<Hub>> {
    return this.http.get<Page<Hub>>(HUBS, { params: toHttpParams(query) });
  }

  /** Every hub in the caller's scope, following the cursors (for pickers and the home page). */
  listAll(query: Omit<HubListQuery, 'cursor' | 'limit'> = {}): Observable<Hub[]> {
    return allPages((page) => this.list({ ...query, ...page }));
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

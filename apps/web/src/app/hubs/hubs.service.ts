import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreateHubRequest,
  type Hub,
  type HubListQuery,
  MAX_PAGE_SIZE,
  type Page,
  type UpdateHubRequest,
} from '@mih/contracts';
import { EMPTY, type Observable, expand, map, reduce } from 'rxjs';
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
    const page = (cursor?: string) => this.list({ ...query, limit: MAX_PAGE_SIZE, cursor });
    return page().pipe(
      expand((res) => (res.nextCursor ? page(res.nextCursor) : EMPTY)),
      map((res) => res.items),
      reduce((all, items) => all.concat(items), [] as Hub[]),
    );
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

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Activity,
  ActivityFilters,
  ActivityListQuery,
  ActivityTotals,
  CreateActivityRequest,
  Page,
  UpdateActivityRequest,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const ACTIVITIES = '/api/activities';

@Injectable({ providedIn: 'root' })
export class ActivitiesService {
  private readonly http = inject(HttpClient);

  /** One page of the activities in the caller's scope (a counselor's own), newest first. */
  list(query: ActivityListQuery = {}): Observable<Page<Activity>> {
    return this.http.get<Page<Activity>>(ACTIVITIES, { params: toHttpParams(query) });
  }

  /** Count and participants by sex and age of the activities the filters select. */
  totals(filters: ActivityFilters = {}): Observable<ActivityTotals> {
    return this.http.get<ActivityTotals>(`${ACTIVITIES}/totals`, { params: toHttpParams(filters) });
  }

  get(id: string): Observable<Activity> {
    return this.http.get<Activity>(url(id));
  }

  /** The body carries a client-generated id: sending it again answers the activity already stored. */
  create(body: CreateActivityRequest): Observable<Activity> {
    return this.http.post<Activity>(ACTIVITIES, body);
  }

  update(id: string, body: UpdateActivityRequest): Observable<Activity> {
    return this.http.patch<Activity>(url(id), body);
  }
}

function url(id: string): string {
  return `${ACTIVITIES}/${encodeURIComponent(id)}`;
}

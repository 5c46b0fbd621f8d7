import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Notification, NotificationListQuery, Page, UnreadCount } from '@mih/contracts';
import { type Observable, map } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const NOTIFICATIONS = '/api/notifications';

@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);

  /** My notifications, newest first. */
  list(query: NotificationListQuery = {}): Observable<Page<Notification>> {
    const { unread, ...rest } = query;
    return this.http.get<Page<Notification>>(NOTIFICATIONS, { params: toHttpParams({ ...rest, unread: unread || undefined }) });
  }

  unreadCount(): Observable<number> {
    return this.http.get<UnreadCount>(`${NOTIFICATIONS}/unread-count`).pipe(map((res) => res.count));
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS}/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${NOTIFICATIONS}/read-all`, null);
  }
}

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NotificationsService } from './notifications.service';

describe('NotificationsService', () => {
  let http: HttpTestingController;
  let notifications: NotificationsService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    notifications = TestBed.inject(NotificationsService);
  });

  afterEach(() => http.verify());

  it('answers the unread count as a number', () => {
    let count: number | undefined;
    notifications.unreadCount().subscribe((n) => (count = n));
    http.expectOne('/api/notifications/unread-count').flush({ count: 3 });
    expect(count).toBe(3);
  });

  it('lists mine, only unread ones when asked', () => {
    notifications.list({ unread: true, limit: 20 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/notifications');
    expect(req.request.params.get('unread')).toBe('true');
    expect(req.request.params.get('limit')).toBe('20');
    req.flush({ items: [], nextCursor: null });
  });

  it('marks one, or all, as read', () => {
    notifications.markRead('n-1').subscribe();
    expect(http.expectOne('/api/notifications/n-1/read').request.method).toBe('POST');
    notifications.markAllRead().subscribe();
    expect(http.expectOne('/api/notifications/read-all').request.method).toBe('POST');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivitiesService } from './activities.service';

describe('ActivitiesService', () => {
  let http: HttpTestingController;
  let activities: ActivitiesService;
  const params = (req: { request: { params: { keys(): string[]; get(k: string): string | null } } }) =>
    Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    activities = TestBed.inject(ActivitiesService);
  });

  afterEach(() => http.verify());

  it('sends the filters as query parameters, leaving out empty ones', () => {
    activities.list({ from: '2026-01-01', to: '2026-03-31', type: 'workshop', campaign: 'piensalo', counselorId: 'c-1', hubId: undefined, limit: 20 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/activities');
    expect(req.request.method).toBe('GET');
    expect(params(req)).toEqual({ from: '2026-01-01', to: '2026-03-31', type: 'workshop', campaign: 'piensalo', counselorId: 'c-1', limit: '20' });
  });

  it('asks the totals of the same filters', () => {
    let answer: unknown;
    activities.totals({ hubId: 'hub-1', type: 'school_talk' }).subscribe((totals) => (answer = totals));
    const req = http.expectOne((r) => r.url === '/api/activities/totals');
    expect(params(req)).toEqual({ hubId: 'hub-1', type: 'school_talk' });
    req.flush({ activities: 2, total: 30 });
    expect(answer).toEqual({ activities: 2, total: 30 });
  });

  it('creates with POST and updates with PATCH on the activity', () => {
    const body = { id: 'a-1', hubId: 'h', type: 'workshop' as const, occurredOn: '2026-01-02', place: 'x', participants: { girls: 1, boys: 0, women: 0, men: 0, other: 0 }, topics: ['documents'] };
    activities.create(body).subscribe();
    const create = http.expectOne('/api/activities');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual(body);
    activities.update('a/1', { version: 2, place: 'y' }).subscribe();
    const update = http.expectOne('/api/activities/a%2F1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ version: 2, place: 'y' });
  });
});

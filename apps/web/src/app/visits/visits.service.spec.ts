import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { visit } from '../../testing/fixtures';
import { VisitsService } from './visits.service';

describe('VisitsService', () => {
  let http: HttpTestingController;
  let visits: VisitsService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    visits = TestBed.inject(VisitsService);
  });

  afterEach(() => http.verify());

  it('sends every filter as a query parameter', () => {
    visits
      .list({
        from: '2026-01-01T06:00:00.000Z',
        to: '2026-02-01T06:00:00.000Z',
        hubId: 'hub-1',
        channel: 'phone',
        profile: 'in_transit',
        topic: 'documents',
        staffId: 'staff-1',
        personId: 'person-1',
        followUpDue: true,
        limit: 50,
        cursor: 'abc',
      })
      .subscribe();

    const req = http.expectOne((r) => r.url === '/api/visits');
    expect(req.request.method).toBe('GET');
    expect(Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]))).toEqual({
      from: '2026-01-01T06:00:00.000Z',
      to: '2026-02-01T06:00:00.000Z',
      hubId: 'hub-1',
      channel: 'phone',
      profile: 'in_transit',
      topic: 'documents',
      staffId: 'staff-1',
      personId: 'person-1',
      followUpDue: 'true',
      limit: '50',
      cursor: 'abc',
    });
    req.flush({ items: [], nextCursor: null });
  });

  it('leaves out empty filters, and followUpDue when false', () => {
    visits.list({ hubId: '', channel: undefined, followUpDue: false, limit: 20 }).subscribe();

    const req = http.expectOne((r) => r.url === '/api/visits');
    expect(req.request.params.keys()).toEqual(['limit']);
    req.flush({ items: [], nextCursor: null });
  });

  it('creates a visit with the body as given, client id included', () => {
    const body = {
      id: '30000000-0000-4000-8000-00000000000a',
      hubId: 'hub-1',
      occurredAt: '2026-01-10T15:00:00.000Z',
      channel: 'in_person' as const,
      sex: 'female' as const,
      ageBand: '25-59' as const,
      nationality: 'GT',
      profile: 'intending' as const,
      topics: ['documents'],
    };
    visits.create(body).subscribe();

    const req = http.expectOne('/api/visits');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    req.flush(visit());
  });

  it('marks a follow-up done with the version it read', () => {
    visits.markFollowUpDone(visit({ id: 'v/1', version: 4 })).subscribe();

    const req = http.expectOne('/api/visits/v%2F1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 4, followUpDone: true });
    req.flush(visit());
  });
});

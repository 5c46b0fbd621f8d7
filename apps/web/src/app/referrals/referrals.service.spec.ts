import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { referral } from '../../testing/fixtures';
import { ReferralsService } from './referrals.service';

describe('ReferralsService', () => {
  let http: HttpTestingController;
  let referrals: ReferralsService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    referrals = TestBed.inject(ReferralsService);
  });

  afterEach(() => http.verify());

  function params(url: string): Record<string, string | null> {
    const req = http.expectOne((r) => r.url === url);
    const result = Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
    req.flush({ items: [], nextCursor: null });
    return result;
  }

  it('asks for the review queue with queue=review', () => {
    referrals.list({ queue: 'review', limit: 50 }).subscribe();
    expect(params('/api/referrals')).toEqual({ queue: 'review', limit: '50' });
  });

  it('sends the filters of "my overdue referrals" and leaves out the empty ones', () => {
    referrals.list({ assignedTo: 'user-1', overdue: true, status: 'approved', hubId: '', cursor: 'c2' }).subscribe();
    expect(params('/api/referrals')).toEqual({ assignedTo: 'user-1', overdue: 'true', status: 'approved', cursor: 'c2' });
  });

  it('does not send overdue=false (that would not mean "no filter")', () => {
    referrals.list({ overdue: false }).subscribe();
    expect(params('/api/referrals')).toEqual({});
  });

  it('creates a draft with the client id in the body', () => {
    const body = {
      id: '40000000-0000-4000-8000-00000000000a',
      personId: 'p-1',
      serviceProviderId: 'sp-1',
      needCategory: 'shelter',
      urgency: 'priority' as const,
      reason: 'Albergue urgente',
      consentToShare: true as const,
      dueOn: '2026-01-13',
    };
    referrals.create(body).subscribe();
    const req = http.expectOne('/api/referrals');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    req.flush(referral());
  });

  it('takes a step of the state machine with the version read and the comment', () => {
    let answered: unknown;
    referrals.act('r/1', 'return', { version: 3, comment: 'Falta el motivo' }).subscribe((r) => (answered = r));
    const req = http.expectOne('/api/referrals/r%2F1/return');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ version: 3, comment: 'Falta el motivo' });
    req.flush(referral({ status: 'returned', version: 4 }));
    expect(answered).toEqual(referral({ status: 'returned', version: 4 }));
  });

  it('changes the due date and the assignee with PATCH and the version', () => {
    referrals.update('r-1', { version: 2, dueOn: '2026-02-01', assignedTo: 'u-2' }).subscribe();
    const req = http.expectOne('/api/referrals/r-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 2, dueOn: '2026-02-01', assignedTo: 'u-2' });
    req.flush(referral());
  });

  it('issues a provider link with a POST that carries no token', () => {
    let link: unknown;
    referrals.issueProviderLink('r-1').subscribe((l) => (link = l));
    const req = http.expectOne('/api/referrals/r-1/provider-link');
    expect(req.request.method).toBe('POST');
    req.flush({ token: 'abc', path: '/provider#abc', expiresAt: '2026-02-10T00:00:00Z' });
    expect(link).toEqual({ token: 'abc', path: '/provider#abc', expiresAt: '2026-02-10T00:00:00Z' });
  });
});

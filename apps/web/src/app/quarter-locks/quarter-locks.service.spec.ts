import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { QuarterChecks, QuarterLock } from '@mih/contracts';
import { failingSummary, hubRows } from './quarter-close';
import { QuarterLocksService } from './quarter-locks.service';

const lock = (hubId: string, hubName: string): QuarterLock => ({
  hubId,
  hubCode: hubName.slice(4, 7).toUpperCase(),
  hubName,
  countryCode: 'GT',
  year: 2026,
  quarter: 3,
  startsAt: '2026-07-01T06:00:00.000Z',
  endsAt: '2026-10-01T06:00:00.000Z',
  lockedBy: { id: 'u-1', displayName: 'Sergio Supervisor' },
  lockedAt: '2026-10-05T15:00:00.000Z',
});

const checks = (overrides: Partial<QuarterChecks> = {}): QuarterChecks => ({
  year: 2026,
  quarter: 3,
  timeZone: 'America/Guatemala',
  startsAt: '2026-07-01T06:00:00.000Z',
  endsAt: '2026-10-01T06:00:00.000Z',
  ended: true,
  hubIds: ['h-tcu', 'h-qtz', 'h-esq'],
  checks: [
    { code: 'follow_ups_overdue', count: 3, hubs: [{ hubId: 'h-tcu', count: 3 }] },
    { code: 'referrals_overdue', count: 0, hubs: [] },
    { code: 'referrals_draft', count: 0, hubs: [] },
    { code: 'cases_open', count: 1, hubs: [{ hubId: 'h-qtz', count: 1 }] },
    { code: 'persons_without_age', count: 0, hubs: [] },
    { code: 'activities_without_counselor', count: 0, hubs: [] },
  ],
  ...overrides,
});

describe('QuarterLocksService', () => {
  let http: HttpTestingController;
  let service: QuarterLocksService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    service = TestBed.inject(QuarterLocksService);
  });

  afterEach(() => http.verify());

  const paramsOf = (req: { request: { params: { keys(): string[]; get(k: string): string | null } } }) =>
    Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));

  it('asks for the checks of a quarter with its time zone, leaving out an empty hub and country', () => {
    let answer: QuarterChecks | undefined;
    service.checks({ year: 2026, quarter: 3, hubId: '', countryCode: 'GT', timeZone: 'America/Guatemala' }).subscribe((c) => (answer = c));
    const req = http.expectOne((r) => r.url === '/api/quarter-locks/checks');
    expect(req.request.method).toBe('GET');
    expect(paramsOf(req)).toEqual({ year: '2026', quarter: '3', countryCode: 'GT', timeZone: 'America/Guatemala' });
    req.flush(checks());
    expect(answer?.checks).toHaveLength(6);
  });

  it("lists a quarter's locks and answers the items of the page", () => {
    let answer: QuarterLock[] | undefined;
    service.locks(2026, 3).subscribe((locks) => (answer = locks));
    const req = http.expectOne((r) => r.url === '/api/quarter-locks');
    expect(paramsOf(req)).toEqual({ year: '2026', quarter: '3' });
    req.flush({ items: [lock('h-tcu', 'CIM Tecún Umán')], nextCursor: null });
    expect(answer?.map((l) => l.hubId)).toEqual(['h-tcu']);
  });

  it('locks with a POST of the quarter and the selection', () => {
    const body = { year: 2026, quarter: 3, countryCode: 'GT', timeZone: 'America/Guatemala' };
    service.lock(body).subscribe();
    const req = http.expectOne('/api/quarter-locks');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    req.flush([lock('h-tcu', 'CIM Tecún Umán')]);
  });

  it('unlocks with a POST to /unlock carrying the hubs and the reason', () => {
    const body = { year: 2026, quarter: 3, hubIds: ['h-tcu'], reason: 'Informe tardío de la feria' };
    service.unlock(body).subscribe();
    const req = http.expectOne('/api/quarter-locks/unlock');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    req.flush([]);
  });
});

describe('quarter close', () => {
  it('counts the failing checks and their records for the confirmation', () => {
    expect(failingSummary(checks())).toEqual({ failing: 2, records: 4 });
    expect(failingSummary(checks({ checks: checks().checks.map((c) => ({ ...c, count: 0, hubs: [] })) }))).toEqual({ failing: 0, records: 0 });
  });

  it('lists the selected hubs by name with their lock, naming unlocked ones from the hub list', () => {
    const names = new Map([
      ['h-qtz', 'CIM Quetzaltenango'],
      ['h-esq', 'CIM Esquipulas'],
    ]);
    const rows = hubRows(checks(), [lock('h-tcu', 'CIM Tecún Umán'), lock('h-other', 'CIM Upala')], names);
    expect(rows.map((row) => [row.name, row.lock?.lockedBy.displayName ?? null])).toEqual([
      ['CIM Esquipulas', null],
      ['CIM Quetzaltenango', null],
      ['CIM Tecún Umán', 'Sergio Supervisor'],
    ]);
  });
});

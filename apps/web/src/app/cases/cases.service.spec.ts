import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CasesService } from './cases.service';

describe('CasesService', () => {
  let http: HttpTestingController;
  let cases: CasesService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    cases = TestBed.inject(CasesService);
  });

  afterEach(() => http.verify());

  it('asks the inbox with inbox=true, and a counselor’s own cases without it', () => {
    cases.inbox({ hubId: 'hub-1', limit: 50 }).subscribe();
    const inbox = http.expectOne((r) => r.url === '/api/cases');
    expect(inbox.request.params.get('inbox')).toBe('true');
    expect(inbox.request.params.get('hubId')).toBe('hub-1');
    cases.mine({ limit: 3 }).subscribe();
    const mine = http.expectOne((r) => r.url === '/api/cases');
    expect(mine.request.params.has('inbox')).toBe(false);
    expect(mine.request.params.get('limit')).toBe('3');
  });

  it('sends each inbox action with the version read', () => {
    const found = { id: 'c-1', version: 4 };
    cases.take(found).subscribe();
    expect(http.expectOne('/api/cases/c-1/take').request.body).toEqual({ version: 4 });
    cases.linkPerson(found, 'p-1').subscribe();
    expect(http.expectOne('/api/cases/c-1/link-person').request.body).toEqual({ version: 4, personId: 'p-1' });
    cases.close(found, 'no_contact').subscribe();
    expect(http.expectOne('/api/cases/c-1/close').request.body).toEqual({ version: 4, outcome: 'no_contact' });
    cases.close(found, 'referred', 'A la defensoría').subscribe();
    const close = http.expectOne('/api/cases/c-1/close');
    expect(close.request.method).toBe('POST');
    expect(close.request.body).toEqual({ version: 4, outcome: 'referred', comment: 'A la defensoría' });
  });
});

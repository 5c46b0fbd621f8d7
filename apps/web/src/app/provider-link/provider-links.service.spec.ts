import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ProviderLinksService, tokenFromHash } from './provider-links.service';

const TOKEN = 'Qm9vbS1UaGlzLWlzLWEtdGVzdC10b2tlbi0xMjM0NTY3';

describe('ProviderLinksService', () => {
  let http: HttpTestingController;
  let links: ProviderLinksService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    links = TestBed.inject(ProviderLinksService);
  });

  afterEach(() => http.verify());

  it('sends the token in the body, never in the URL', () => {
    links.view(TOKEN).subscribe();
    const req = http.expectOne('/api/provider-links/view');
    expect(req.request.method).toBe('POST');
    expect(req.request.urlWithParams).not.toContain(TOKEN);
    expect(req.request.body).toEqual({ token: TOKEN });
    req.flush({});
  });

  it('answers with the action and the reason or outcome', () => {
    links.respond(TOKEN, 'complete', 'Recibió albergue tres noches').subscribe();
    const req = http.expectOne('/api/provider-links/respond');
    expect(req.request.body).toEqual({ token: TOKEN, action: 'complete', comment: 'Recibió albergue tres noches' });
    req.flush({});
  });

  it('sends no comment with an accept', () => {
    links.respond(TOKEN, 'accept').subscribe();
    expect(http.expectOne('/api/provider-links/respond').request.body).toEqual({ token: TOKEN, action: 'accept' });
  });
});

describe('tokenFromHash', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash(`#${TOKEN}`)).toBe(TOKEN);
  });

  it('refuses an empty or malformed fragment', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#short')).toBeNull();
    expect(tokenFromHash('#<script>alert(1)</script>-padding-padding')).toBeNull();
  });
});

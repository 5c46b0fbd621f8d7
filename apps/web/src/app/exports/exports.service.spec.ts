import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { ExportsService, filenameOf } from './exports.service';

describe('ExportsService', () => {
  let http: HttpTestingController;
  let exports: ExportsService;
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestTransloco()] });
    http = TestBed.inject(HttpTestingController);
    exports = TestBed.inject(ExportsService);
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    URL.createObjectURL = jest.fn(() => 'blob:export');
    URL.revokeObjectURL = jest.fn();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('downloads with the filters in the query, the language on screen and the time zone, and saves under the name given', () => {
    let saved = '';
    exports.download('visits', 'csv', { hubId: 'h-1', channel: undefined, followUpDue: false }).subscribe((name) => (saved = name));

    const req = http.expectOne((r) => r.url === '/api/exports/visits.csv');
    expect(req.request.method).toBe('GET');
    expect(req.request.responseType).toBe('blob');
    expect(req.request.params.keys().sort()).toEqual(['hubId', 'lang', 'timeZone']);
    expect(req.request.params.get('lang')).toBe('es');
    req.flush(new Blob(['a,b\r\n']), { headers: { 'content-disposition': 'attachment; filename="visits-2026-11-23.csv"' } });

    expect(saved).toBe('visits-2026-11-23.csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('visits-2026-11-23.csv');
    expect(clicked[0].href).toBe('blob:export');
  });

  it('leaves the time zone to the dashboard query itself', () => {
    exports.download('dashboard', 'xlsx', { from: '2026-01-01', to: '2026-03-31', timeZone: 'America/Guatemala' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/exports/dashboard.xlsx');
    expect(req.request.params.get('timeZone')).toBe('America/Guatemala');
    req.flush(new Blob([]));
  });

  it('posts the identifying export with the reason in the body, never in the URL', () => {
    exports.downloadIdentifying('persons', 'xlsx', { hubId: 'h-1', sex: undefined }, 'Lista para la fiscalía').subscribe();

    const req = http.expectOne('/api/exports/persons.xlsx');
    expect(req.request.method).toBe('POST');
    expect(req.request.urlWithParams).toBe('/api/exports/persons.xlsx');
    expect(req.request.body).toEqual({ hubId: 'h-1', lang: 'es', timeZone: expect.any(String), reason: 'Lista para la fiscalía' });
    req.flush(new Blob([]), { headers: { 'content-disposition': 'attachment; filename="persons-2026-11-23.xlsx"' } });
    expect(clicked[0].download).toBe('persons-2026-11-23.xlsx');
  });

  it('reads the file name of a Content-Disposition header', () => {
    expect(filenameOf('attachment; filename="dashboard-2026-01-01_2026-03-31.csv"')).toBe('dashboard-2026-01-01_2026-03-31.csv');
    expect(filenameOf(null)).toBeNull();
  });
});

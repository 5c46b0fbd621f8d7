import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ServiceProvider } from '@mih/contracts';
import { serviceProvider } from '../../testing/fixtures';
import { ServiceProvidersService } from './service-providers.service';

describe('ServiceProvidersService', () => {
  let http: HttpTestingController;
  let providers: ServiceProvidersService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    providers = TestBed.inject(ServiceProvidersService);
  });

  afterEach(() => http.verify());

  it('searches the directory by need, place and name, only those taking referrals', () => {
    providers
      .list({ needCategory: 'shelter', countryCode: 'GT', municipality: 'Ayutla', acceptingReferrals: true, q: 'casa', type: 'shelter' })
      .subscribe();
    const req = http.expectOne((r) => r.url === '/api/service-providers');
    expect(Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]))).toEqual({
      needCategory: 'shelter',
      countryCode: 'GT',
      municipality: 'Ayutla',
      acceptingReferrals: 'true',
      q: 'casa',
      type: 'shelter',
    });
    req.flush({ items: [], nextCursor: null });
  });

  it('leaves acceptingReferrals out when false (the filter is "only those taking referrals")', () => {
    providers.list({ acceptingReferrals: false }).subscribe();
    expect(http.expectOne((r) => r.url === '/api/service-providers').request.params.keys()).toEqual([]);
  });

  it('follows the cursors to list every matching provider', () => {
    let all: ServiceProvider[] = [];
    providers.listAll({ needCategory: 'shelter' }).subscribe((items) => (all = items));
    const first = http.expectOne((r) => r.url === '/api/service-providers' && !r.params.has('cursor'));
    expect(first.request.params.get('needCategory')).toBe('shelter');
    first.flush({ items: [serviceProvider({ id: 'a' })], nextCursor: 'next' });
    http.expectOne((r) => r.params.get('cursor') === 'next').flush({ items: [serviceProvider({ id: 'b' })], nextCursor: null });
    expect(all.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('updates with the version and only the fields sent', () => {
    providers.update('sp-1', { version: 4, acceptingReferrals: false, phone: null }).subscribe();
    const req = http.expectOne('/api/service-providers/sp-1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 4, acceptingReferrals: false, phone: null });
    req.flush(serviceProvider());
  });
});

import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { serviceWorkerBypassInterceptor } from './service-worker-bypass.interceptor';

describe('serviceWorkerBypassInterceptor', () => {
  it('marks every API call to bypass the service worker, and nothing else', () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([serviceWorkerBypassInterceptor])), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const client = TestBed.inject(HttpClient);

    client.get('/api/visits').subscribe();
    client.post('/api/visits', {}).subscribe();
    client.get('/manifest.webmanifest').subscribe();

    const [list, create] = http.match((req) => req.url === '/api/visits');
    expect(list.request.headers.get('ngsw-bypass')).toBe('true');
    expect(create.request.headers.get('ngsw-bypass')).toBe('true');
    expect(http.expectOne('/manifest.webmanifest').request.headers.has('ngsw-bypass')).toBe(false);
  });
});

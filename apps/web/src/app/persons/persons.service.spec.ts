import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Person } from '@mih/contracts';
import { person } from '../../testing/fixtures';
import { PersonsService } from './persons.service';

describe('PersonsService', () => {
  let http: HttpTestingController;
  let persons: PersonsService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    persons = TestBed.inject(PersonsService);
  });

  afterEach(() => http.verify());

  it('searches by the trimmed text, a few matches at a time', () => {
    let found: Person[] = [];
    persons.search('  jose hernadez ').subscribe((items) => (found = items));

    const req = http.expectOne((r) => r.url === '/api/persons');
    expect(req.request.params.get('q')).toBe('jose hernadez');
    expect(req.request.params.get('limit')).toBe('8');
    req.flush({ items: [person()], nextCursor: null });
    expect(found).toEqual([person()]);
  });

  it('does not search for a single character', () => {
    let found: Person[] | undefined;
    persons.search(' j ').subscribe((items) => (found = items));
    http.expectNone((r) => r.url === '/api/persons');
    expect(found).toEqual([]);
  });

  it('asks to reveal with the reason in the body', () => {
    persons.reveal('p-1', { reasonCode: 'contact_person', reason: 'Seguimiento acordado' }).subscribe();
    const req = http.expectOne('/api/persons/p-1/reveal');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ reasonCode: 'contact_person', reason: 'Seguimiento acordado' });
    req.flush(person());
  });

  it('merges a duplicate into the record kept, with its version', () => {
    persons.merge('p-1', { duplicateId: 'p-2', version: 3 }).subscribe();
    const req = http.expectOne('/api/persons/p-1/merge');
    expect(req.request.body).toEqual({ duplicateId: 'p-2', version: 3 });
    req.flush(person());
  });
});

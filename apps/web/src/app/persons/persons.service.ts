import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreatePersonRequest,
  type MergePersonsRequest,
  type Page,
  type Person,
  type PersonDetail,
  type PersonListQuery,
  PERSON_SEARCH_MIN_LENGTH,
  type RevealPersonRequest,
  type UpdatePersonRequest,
} from '@mih/contracts';
import { type Observable, map, of } from 'rxjs';
import { toHttpParams } from '../core/http-params';

const PERSONS = '/api/persons';
const SEARCH_LIMIT = 8;

@Injectable({ providedIn: 'root' })
export class PersonsService {
  private readonly http = inject(HttpClient);

  /** One page of the persons in the caller's scope; identifying fields come masked. */
  list(query: PersonListQuery = {}): Observable<Page<Person>> {
    return this.http.get<Page<Person>>(PERSONS, { params: toHttpParams(query) });
  }

  /** The best matches for a name, code or document number (accents and small typos tolerated). */
  search(q: string, limit = SEARCH_LIMIT): Observable<Person[]> {
    const text = q.trim();
    if (text.length < PERSON_SEARCH_MIN_LENGTH) return of([]);
    return this.list({ q: text, limit }).pipe(map((page) => page.items));
  }

  /** The person (masked) and their visits, newest first. The read is audited. */
  get(id: string): Observable<PersonDetail> {
    return this.http.get<PersonDetail>(url(id));
  }

  create(body: CreatePersonRequest): Observable<Person> {
    return this.http.post<Person>(PERSONS, body);
  }

  update(id: string, body: UpdatePersonRequest): Observable<Person> {
    return this.http.patch<Person>(url(id), body);
  }

  /** The person with identifying fields in clear; the reason goes to the audit trail. */
  reveal(id: string, body: RevealPersonRequest): Observable<Person> {
    return this.http.post<Person>(`${url(id)}/reveal`, body);
  }

  /** Moves the duplicate's visits to `id` and closes the duplicate. */
  merge(id: string, body: MergePersonsRequest): Observable<Person> {
    return this.http.post<Person>(`${url(id)}/merge`, body);
  }
}

function url(id: string): string {
  return `${PERSONS}/${encodeURIComponent(id)}`;
}

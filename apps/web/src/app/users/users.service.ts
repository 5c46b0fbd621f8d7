import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateUserRequest,
  Page,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/all-pages';
import { toHttpParams } from '../core/http-params';

const USERS = '/api/users';

@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery = {}): Observable<Page<User>> {
    return this.http.get<Page<User>>(USERS, { params: toHttpParams(query) });
  }

  /** Every user in the caller's scope matching the query (for pickers and filters). */
  listAll(query: Omit<UserListQuery, 'cursor' | 'limit'> = {}): Observable<User[]> {
    return allPages((page) => this.list({ ...query, ...page }));
  }

  get(id: string): Observable<User> {
    return this.http.get<User>(`${USERS}/${encodeURIComponent(id)}`);
  }

  create(body: CreateUserRequest): Observable<User> {
    return this.http.post<User>(USERS, body);
  }

  update(id: string, body: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${USERS}/${encodeURIComponent(id)}`, body);
  }

  resetPassword(id: string, password: string): Observable<void> {
    const body: ResetPasswordRequest = { password };
    return this.http.post<void>(`${USERS}/${encodeURIComponent(id)}/reset-password`, body);
  }

  /** The user's second factor goes; they set it up again at the next sign-in (audited on the server). */
  resetSecondFactor(id: string): Observable<void> {
    return this.http.post<void>(`${USERS}/${encodeURIComponent(id)}/reset-second-factor`, null);
  }
}

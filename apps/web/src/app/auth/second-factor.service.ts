// The caller's own second factor, as the API keeps it (/api/auth/second-factor).
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AUTH_ROUTES, type RecoveryCodes, type SecondFactorCodeRequest, type SecondFactorEnrolment, type SecondFactorStatus } from '@mih/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SecondFactorService {
  private readonly http = inject(HttpClient);

  status(): Observable<SecondFactorStatus> {
    return this.http.get<SecondFactorStatus>(AUTH_ROUTES.secondFactor);
  }

  enrol(): Observable<SecondFactorEnrolment> {
    return this.http.post<SecondFactorEnrolment>(AUTH_ROUTES.secondFactorEnrol, null);
  }

  confirm(code: string): Observable<RecoveryCodes> {
    const body: SecondFactorCodeRequest = { code };
    return this.http.post<RecoveryCodes>(AUTH_ROUTES.secondFactorConfirm, body);
  }

  disable(code: string): Observable<void> {
    const body: SecondFactorCodeRequest = { code };
    return this.http.post<void>(AUTH_ROUTES.secondFactorDisable, body);
  }
}

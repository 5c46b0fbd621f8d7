import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AUDIT_EVENTS_PATH, type AuditEvent, type AuditEventListQuery, type Page } from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(query: AuditEventListQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>(AUDIT_EVENTS_PATH, { params: toHttpParams(query) });
  }
}

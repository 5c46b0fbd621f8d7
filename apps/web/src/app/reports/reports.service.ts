import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Dashboard, ReportQuery } from '@mih/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';

@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);

  dashboard(query: ReportQuery): Observable<Dashboard> {
    return this.http.get<Dashboard>('/api/reports/dashboard', { params: toHttpParams(query) });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RetentionPreview, RetentionSetting, RetentionSettings, UpdateRetentionSettingRequest } from '@mih/contracts';
import type { Observable } from 'rxjs';

const RETENTION = '/api/retention';

@Injectable({ providedIn: 'root' })
export class RetentionService {
  private readonly http = inject(HttpClient);

  settings(): Observable<RetentionSettings> {
    return this.http.get<RetentionSettings>(`${RETENTION}/settings`);
  }

  update(countryCode: string, body: UpdateRetentionSettingRequest): Observable<RetentionSetting> {
    return this.http.put<RetentionSetting>(`${RETENTION}/settings/${encodeURIComponent(countryCode)}`, body);
  }

  preview(): Observable<RetentionPreview> {
    return this.http.get<RetentionPreview>(`${RETENTION}/preview`);
  }
}

// Downloads exports through HttpClient (the token goes in the Authorization header, never in a URL)
// and saves them under the name the API gives. Identifying exports are POSTs: their reason travels in
// the body.
import { HttpClient, type HttpResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { ExportFormat, ExportOptions, IdentifyingExportDataset, ExportDataset } from '@mih/contracts';
import { map, type Observable } from 'rxjs';
import { toHttpParams } from '../core/http-params';
import { LanguageService } from '../i18n/language.service';

/** What can be exported: the four lists, the dashboard's figures and the audit trail. */
export type ExportTarget = ExportDataset | 'dashboard' | 'audit-events';

/** The filters of the list as it is shown (the same names as its own query). */
export type ExportFilters = object;

@Injectable({ providedIn: 'root' })
export class ExportsService {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly lang = inject(LanguageService).lang;

  /** Downloads the de-identified export with these filters and saves it; emits the file name. */
  download(target: ExportTarget, format: ExportFormat, filters: ExportFilters): Observable<string> {
    const params = toHttpParams({ ...withoutFalseFlags(filters), ...this.options(target) });
    return this.http
      .get(exportUrl(target, format), { params, responseType: 'blob', observe: 'response' })
      .pipe(map((response) => this.save(response, `${target}.${format}`)));
  }

  /** Downloads the identifying export (admins and supervisors) with the reason, audited by the API. */
  downloadIdentifying(dataset: IdentifyingExportDataset, format: ExportFormat, filters: ExportFilters, reason: string): Observable<string> {
    const body = { ...withoutEmpty(withoutFalseFlags(filters)), ...this.options(dataset), reason };
    return this.http
      .post(exportUrl(dataset, format), body, { responseType: 'blob', observe: 'response' })
      .pipe(map((response) => this.save(response, `${dataset}.${format}`)));
  }

  /** Headers and labels in the language on screen, dates in the browser's time zone. */
  private options(target: ExportTarget): ExportOptions {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The dashboard takes its own timeZone among its filters.
    return target === 'dashboard' ? { lang: this.lang() } : { lang: this.lang(), timeZone };
  }

  private save(response: HttpResponse<Blob>, fallback: string): string {
    const filename = filenameOf(response.headers.get('content-disposition')) ?? fallback;
    const url = URL.createObjectURL(response.body ?? new Blob());
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.style.display = 'none';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return filename;
  }
}

export function exportUrl(target: ExportTarget, format: ExportFormat): string {
  return `/api/exports/${target}.${format}`;
}

/** `attachment; filename="visits-2026-11-23.csv"` → `visits-2026-11-23.csv`. */
export function filenameOf(contentDisposition: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  return match ? match[1] : null;
}

/** A false flag means "no filter" on the lists (e.g. followUpDue), not "only the others". */
function withoutFalseFlags(filters: ExportFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== false));
}

function withoutEmpty(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

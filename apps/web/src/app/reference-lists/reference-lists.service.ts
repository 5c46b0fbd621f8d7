// The reference lists (topics, needs, vulnerabilities, profiles…) with labels in the active language,
// fetched once per language and shared by every screen that shows or picks a code (kept for offline use).
import { HttpClient } from '@angular/common/http';
import { Injectable, type Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Language, ReferenceItem, ReferenceLists } from '@mih/contracts';
import { type Observable, Subject, catchError, combineLatest, of, shareReplay, startWith, switchMap, tap } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { OfflineCacheService } from '../offline/offline-cache.service';

const REFERENCE_LISTS = '/api/reference-lists';

export const EMPTY_REFERENCE_LISTS: ReferenceLists = {
  topics: [],
  needCategories: [],
  vulnerabilities: [],
  profiles: [],
  channels: [],
  sexes: [],
  ageBands: [],
};

@Injectable({ providedIn: 'root' })
export class ReferenceListsService {
  private readonly http = inject(HttpClient);
  private readonly offlineCache = inject(OfflineCacheService);
  private readonly cache = new Map<Language, Observable<ReferenceLists>>();
  private readonly current = signal<ReferenceLists>(EMPTY_REFERENCE_LISTS);
  private readonly failed = signal(false);

  /** The lists in the active language; empty until the first answer arrives. */
  readonly lists: Signal<ReferenceLists> = this.current.asReadonly();
  /** True when the lists could not be loaded (the screens then say so instead of offering empty pickers). */
  readonly loadFailed = this.failed.asReadonly();

  private readonly retries = new Subject<void>();

  constructor() {
    combineLatest([toObservable(inject(LanguageService).lang), this.retries.pipe(startWith(undefined))])
      .pipe(
        switchMap(([lang]) => this.load(lang)),
        takeUntilDestroyed(),
      )
      .subscribe((lists) => this.current.set(lists));
  }

  /** Asks again after a failed load. */
  retry(): void {
    this.retries.next();
  }

  /** The lists in one given language, whatever the UI's (a referral slip speaks the provider's). */
  inLanguage(lang: Language): Observable<ReferenceLists> {
    return this.load(lang);
  }

  private load(lang: Language): Observable<ReferenceLists> {
    let lists = this.cache.get(lang);
    if (!lists) {
      lists = this.offlineCache.remember(`reference-lists:${lang}`, this.http.get<ReferenceLists>(REFERENCE_LISTS, { params: { lang } })).pipe(
        tap(() => this.failed.set(false)),
        shareReplay(1),
      );
      this.cache.set(lang, lists);
    }
    return lists.pipe(
      catchError(() => {
        // Forget the failure so the next language switch or screen tries again.
        this.cache.delete(lang);
        this.failed.set(true);
        return of(this.current());
      }),
    );
  }
}

/** The label of a code in one list; the code itself while the lists load or for a retired code. */
export function referenceLabel(items: readonly ReferenceItem[], code: string | null | undefined): string {
  if (!code) return '';
  return items.find((item) => item.code === code)?.label ?? code;
}

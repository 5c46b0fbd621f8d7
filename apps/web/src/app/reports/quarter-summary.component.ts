// The quarter in numbers (/reports/quarter): a one-page summary of the caller's scope, in Spanish,
// English or French whatever the UI speaks, to print or paste into a donor report. Counts of 1 to 4 are
// shown as "<5", and those that would give one away by subtraction as "x" (suppressDashboard: the API
// already did it for all but admins; done again here, it changes nothing but admins' counts).
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type CodeCount,
  type Count,
  type Dashboard,
  type Hub,
  LANGUAGES,
  type Language,
  PARTICIPANT_GROUPS,
  type ParticipantFigures,
  type ReferenceItem,
  type ReferenceLists,
  suppressDashboard,
} from '@mih/contracts';
import { catchError, debounceTime, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { countryName } from '../i18n/country-name.pipe';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';
import { referenceLabel, ReferenceListsService } from '../reference-lists/reference-lists.service';
import { IconComponent } from '../shared/icon.component';
import { lastEndedQuarter, quarterDays } from './quarter';
import { ReportsService } from './reports.service';
import { share, suppressed } from './small-counts';
import { intlLocales } from '../i18n/intl-locales';

/** Topics and needs: the first ones only, it is one page. */
const TOP = 5;

/** One line of a figure's table. */
interface CountRow {
  label: string;
  count: Count;
}

interface Summary {
  dashboard: Dashboard;
  lists: ReferenceLists;
  lang: Language;
  scope: string;
}

type State = { summary: Summary | null; errorKey: string | null; loading: boolean };

@Component({
  selector: 'mih-quarter-summary',
  imports: [NgTemplateOutlet, ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, TranslocoPipe, TranslocoDirective, IconComponent],
  templateUrl: './quarter-summary.component.html',
  styleUrl: './quarter-summary.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuarterSummaryComponent {
  private readonly reports = inject(ReportsService);
  private readonly transloco = inject(TranslocoService);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly document = inject(DOCUMENT);
  protected readonly languages = LANGUAGES;
  protected readonly autonyms = LANGUAGE_AUTONYMS;
  protected readonly quarters = [1, 2, 3, 4];
  private readonly groups = PARTICIPANT_GROUPS;

  private readonly today = new Date();
  protected readonly years = Array.from({ length: 6 }, (_, i) => this.today.getFullYear() - i);
  protected readonly filters = inject(NonNullableFormBuilder).group({
    ...lastEndedQuarter(this.today),
    lang: inject(LanguageService).lang() as Language,
    countryCode: '',
    hubId: '',
  });

  protected readonly hubs = toSignal(inject(HubsService).listAll().pipe(catchError(() => of([] as Hub[]))), { initialValue: [] as Hub[] });
  protected readonly countries = computed(() => [...new Set(this.hubs().map((hub) => hub.countryCode))].sort());

  private readonly state = toSignal(
    this.filters.valueChanges.pipe(
      startWith(null),
      debounceTime(150),
      map(() => this.filters.getRawValue()),
      switchMap((f) =>
        forkJoin({
          dashboard: this.reports.dashboard({
            ...quarterDays(f.year, f.quarter),
            hubId: f.hubId || undefined,
            countryCode: f.countryCode || undefined,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          }),
          lists: this.referenceLists.inLanguage(f.lang),
          // The sheet's language is loaded even when the UI speaks another one.
          translations: this.transloco.load(f.lang),
        }).pipe(
          map(({ dashboard, lists }): State => ({ summary: { dashboard: suppressDashboard(dashboard), lists, lang: f.lang, scope: this.scopeName(f, f.lang) }, errorKey: null, loading: false })),
          catchError((error: unknown) => of<State>({ summary: null, errorKey: errorMessageKey(toApiError(error)), loading: false })),
          startWith<State>({ summary: null, errorKey: null, loading: true }),
        ),
      ),
    ),
    { initialValue: { summary: null, errorKey: null, loading: true } as State },
  );
  protected readonly summary = computed(() => this.state().summary);
  protected readonly loading = computed(() => this.state().loading);
  protected readonly errorKey = computed(() => this.state().errorKey);

  protected count(value: Count, lang: string): string {
    return suppressed(value, lang);
  }

  /** Hubs, countries and days are not people: never suppressed. */
  protected number(value: number, lang: string): string {
    return new Intl.NumberFormat(intlLocales(lang)).format(value);
  }

  protected share(value: Count, total: Count, lang: string): string {
    return share(value, total, lang);
  }

  protected top(counts: CodeCount[]): CodeCount[] {
    return counts.slice(0, TOP);
  }

  protected label(items: readonly ReferenceItem[], code: string): string {
    return referenceLabel(items, code);
  }

  protected refRows(counts: CodeCount[], items: readonly ReferenceItem[]): CountRow[] {
    return counts.map((item) => ({ label: referenceLabel(items, item.code), count: item.count }));
  }

  protected countryRows(counts: CodeCount[], lang: string): CountRow[] {
    return counts.map((item) => ({ label: countryName(item.code, lang), count: item.count }));
  }

  protected participantRows(participants: ParticipantFigures, t: (key: string) => string): CountRow[] {
    return this.groups.map((group) => ({ label: t(`participantGroups.${group}`), count: participants[group] }));
  }

  protected countryLabel(code: string, lang = this.filters.getRawValue().lang): string {
    return countryName(code, lang);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** Which hubs the figures cover, in the sheet's language. */
  private scopeName(f: { hubId: string; countryCode: string }, lang: Language): string {
    if (f.hubId) return this.hubs().find((hub) => hub.id === f.hubId)?.name ?? '';
    if (f.countryCode) return countryName(f.countryCode, lang);
    return this.transloco.translate('quarter.allHubs', {}, lang);
  }
}

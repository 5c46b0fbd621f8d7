// The printable referral slip (/referrals/:id/slip), outside the shell: one page with the minimum data
// shared and a QR code of a new provider link. The person carries it away, so it is printed in their
// language by default, or in the provider's or the staff member's, whatever the UI speaks: its texts and
// reference labels load in that language on demand. Opening this page issues the link, which revokes
// any link printed before.
import { DOCUMENT, ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DEFAULT_LANGUAGE,
  type Hub,
  type Language,
  type Person,
  type ProviderLink,
  type ReferenceLists,
  type ReferralDetail,
  type ServiceProvider,
} from '@mih/contracts';
import { type Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { approximateAge } from '../persons/person-format';
import { PersonsService } from '../persons/persons.service';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ServiceProvidersService } from '../service-providers/service-providers.service';
import { IconComponent } from '../shared/icon.component';
import { QrCodeComponent } from '../shared/qr-code.component';
import { slipLanguageChoices } from './referral-rules';
import { ReferralsService } from './referrals.service';

interface Slip {
  referral: ReferralDetail;
  provider: ServiceProvider;
  hub: Hub;
  person: Person;
  link: ProviderLink;
  url: string;
}

@Component({
  selector: 'mih-referral-slip',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoDirective,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    ReferenceLabelPipe,
    IconComponent,
    QrCodeComponent,
  ],
  templateUrl: './referral-slip.component.html',
  styleUrl: './referral-slip.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralSlipComponent {
  private readonly referrals = inject(ReferralsService);
  private readonly providers = inject(ServiceProvidersService);
  private readonly hubs = inject(HubsService);
  private readonly persons = inject(PersonsService);
  private readonly referenceLists = inject(ReferenceListsService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly autonyms = LANGUAGE_AUTONYMS;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly slip = signal<Slip | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  /** The languages offered, the default (the person's when known) first. */
  protected readonly languageChoices = computed(() => {
    const slip = this.slip();
    if (!slip) return [];
    return slipLanguageChoices(slip.referral.preferredLanguage, slip.provider.languages[0] ?? DEFAULT_LANGUAGE, this.lang());
  });
  /** The staff member's pick among languageChoices, if any. */
  protected readonly chosenLang = signal<Language | null>(null);
  protected readonly slipLang = computed<Language>(() => this.chosenLang() ?? this.languageChoices()[0]?.lang ?? DEFAULT_LANGUAGE);
  /** Reference labels per language, loaded (with that language's texts) once asked for. */
  private readonly listsByLang = signal<Partial<Record<Language, ReferenceLists>>>({});
  protected readonly lists = computed(() => this.listsByLang()[this.slipLang()] ?? null);
  protected readonly age = computed(() => approximateAge(this.slip()?.person.birthYear ?? null));
  /** A short reference to quote on the phone. */
  protected readonly reference = computed(() => this.slip()?.referral.id.slice(0, 8).toUpperCase() ?? '');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => {
      const lang = this.slipLang();
      if (this.slip()) untracked(() => this.inLanguage(lang).subscribe({ error: (err: unknown) => this.errorKey.set(errorMessageKey(toApiError(err))) }));
    });
  }

  /** The slip's texts and reference labels in `lang`, loaded unless they already are. */
  private inLanguage(lang: Language): Observable<unknown> {
    if (this.listsByLang()[lang]) return of(null);
    return forkJoin({
      lists: this.referenceLists.inLanguage(lang),
      // The translations of the slip's language, loaded even when the UI speaks another one.
      translations: this.transloco.load(lang),
    }).pipe(map(({ lists }) => this.listsByLang.update((byLang) => ({ ...byLang, [lang]: lists }))));
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private load(id: string): void {
    this.referrals
      .get(id)
      .pipe(
        switchMap((referral) =>
          forkJoin({
            provider: this.providers.get(referral.serviceProviderId),
            hub: this.hubs.get(referral.hubId),
            person: this.persons.get(referral.personId).pipe(map(({ visits: _visits, referrals: _referrals, ...person }) => person as Person)),
          }).pipe(map((parts) => ({ referral, ...parts }))),
        ),
        switchMap((parts) => {
          const [first] = slipLanguageChoices(parts.referral.preferredLanguage, parts.provider.languages[0] ?? DEFAULT_LANGUAGE, this.lang());
          return this.inLanguage(first.lang).pipe(map(() => parts));
        }),
        // Last: a link is issued only when everything else could be shown.
        switchMap((parts) =>
          this.referrals.issueProviderLink(parts.referral.id).pipe(
            map((link) => ({ ...parts, link, url: `${this.document.location.origin}${link.path}` })),
          ),
        ),
      )
      .subscribe({
        next: (slip) => this.slip.set(slip),
        error: (err: unknown) => {
          const error = toApiError(err);
          this.errorKey.set(error.statusCode === 409 ? 'referrals.slip.notSent' : errorMessageKey(error));
        },
      });
  }
}

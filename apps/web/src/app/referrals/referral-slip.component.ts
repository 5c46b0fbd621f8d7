// The printable referral slip (/referrals/:id/slip), outside the shell: one page in the provider's first
// language (whatever the UI's), with the minimum data shared and a QR code of a new provider link.
// Opening this page issues that link, which revokes any link printed before.
import { DOCUMENT, ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
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
import { forkJoin, map, switchMap } from 'rxjs';
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
import { ReferralsService } from './referrals.service';

interface Slip {
  referral: ReferralDetail;
  provider: ServiceProvider;
  hub: Hub;
  person: Person;
  lists: ReferenceLists;
  link: ProviderLink;
  url: string;
}

@Component({
  selector: 'mih-referral-slip',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
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
  /** The slip's language: the provider's first one. */
  protected readonly slipLang = computed<Language>(() => this.slip()?.provider.languages[0] ?? DEFAULT_LANGUAGE);
  protected readonly age = computed(() => approximateAge(this.slip()?.person.birthYear ?? null));
  /** A short reference to quote on the phone. */
  protected readonly reference = computed(() => this.slip()?.referral.id.slice(0, 8).toUpperCase() ?? '');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
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
          const lang = parts.provider.languages[0] ?? DEFAULT_LANGUAGE;
          return forkJoin({
            lists: this.referenceLists.inLanguage(lang),
            // The translations of the slip's language, loaded even when the UI speaks another one.
            translations: this.transloco.load(lang),
          }).pipe(map(({ lists }) => ({ ...parts, lists })));
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

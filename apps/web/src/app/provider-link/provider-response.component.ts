// The provider's page (/provider#<token>), public and outside the shell: what the referral shares, in
// the provider's language, and the answers the provider may give now (accept, decline with a reason,
// complete with the outcome). The token is read from the fragment, which browsers never send to a
// server, and wiped from the address bar at once. The slip's link takes one accept or decline and then
// is spent; accepting hands over the link for the outcome (shown once, to keep), which the page goes on
// with and which also shows the person's name and phone when consent allows.
import { DOCUMENT, ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type Language,
  LANGUAGES,
  type ProviderLink,
  type ProviderLinkAction,
  type ProviderReferralView,
  REFERRAL_COMMENT_MAX_LENGTH,
  REFERRAL_TRANSITIONS,
} from '@mih/contracts';
import { errorMessageKey, toApiError } from '../core/api-error';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { commentRequired, isFinal } from '../referrals/referral-rules';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { IconComponent } from '../shared/icon.component';
import { ProviderLinksService, tokenFromHash } from './provider-links.service';

type PageState = 'loading' | 'ready' | 'invalid' | 'error';

@Component({
  selector: 'mih-provider-response',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    LocalDatePipe,
    FieldErrorComponent,
    IconComponent,
  ],
  providers: [provideFormFieldDefaults()],
  templateUrl: './provider-response.component.html',
  styleUrl: './provider-response.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProviderResponseComponent {
  private readonly links = inject(ProviderLinksService);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly lang = this.language.lang;
  protected readonly languages = LANGUAGES;
  protected readonly autonyms = LANGUAGE_AUTONYMS;

  protected readonly state = signal<PageState>('loading');
  protected readonly view = signal<ProviderReferralView | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly sending = signal(false);
  /** The answer being written (decline and complete need a text first). */
  protected readonly pending = signal<ProviderLinkAction | null>(null);
  /** The answer just recorded, to thank for it. */
  protected readonly answered = signal<ProviderLinkAction | null>(null);
  /** The address of the link for the outcome, handed over on accepting: the slip's link is spent. */
  protected readonly outcomeUrl = signal<string | null>(null);
  protected readonly finished = computed(() => {
    const view = this.view();
    return !!view && isFinal(view.status);
  });

  protected readonly commentMaxLength = REFERRAL_COMMENT_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: ['', [Validators.required, Validators.maxLength(REFERRAL_COMMENT_MAX_LENGTH)]],
  });

  /** Kept in memory only. */
  private token: string | null = null;

  constructor() {
    this.readToken();
    // Another link pasted into this tab changes only the fragment: no new page load.
    const onHashChange = () => this.readToken();
    const window = this.document.defaultView;
    window?.addEventListener('hashchange', onHashChange);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('hashchange', onHashChange));
  }

  protected chooseLanguage(lang: Language): void {
    void this.language.use(lang);
  }

  protected answer(action: ProviderLinkAction): void {
    if (this.sending()) return;
    if (commentRequired(action)) {
      this.form.reset({ comment: '' });
      this.pending.set(action);
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('textarea')?.focus());
      return;
    }
    this.send(action);
  }

  protected confirmPending(): void {
    const action = this.pending();
    if (!action) return;
    const comment = this.form.getRawValue().comment.trim();
    if (this.form.invalid || !comment) {
      this.form.controls.comment.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.send(action, comment);
  }

  protected cancelPending(): void {
    this.pending.set(null);
  }

  protected retry(): void {
    this.load(false);
  }

  private readToken(): void {
    const location = this.document.location;
    if (!location.hash && this.token) return;
    this.token = tokenFromHash(location.hash);
    // Nothing of the token stays on screen, in the history entry or in a copied address.
    if (location.hash) this.document.defaultView?.history.replaceState(null, '', location.pathname + location.search);
    this.view.set(null);
    this.answered.set(null);
    this.outcomeUrl.set(null);
    this.pending.set(null);
    if (this.token) {
      this.state.set('loading');
      this.load(true);
    } else {
      this.state.set('invalid');
    }
  }

  private send(action: ProviderLinkAction, comment?: string): void {
    if (!this.token) return;
    this.sending.set(true);
    this.errorKey.set(null);
    this.links.respond(this.token, action, comment).subscribe({
      next: (answer) => {
        this.sending.set(false);
        this.pending.set(null);
        this.answered.set(action);
        if (answer?.outcomeLink) this.continueWith(answer.outcomeLink);
        this.afterAnswer(action, answer);
        setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.thanks')?.focus());
      },
      error: (err: unknown) => {
        this.sending.set(false);
        const error = toApiError(err);
        if (error.statusCode === 404) this.state.set('invalid');
        else this.errorKey.set(errorMessageKey(error));
      },
    });
  }

  /** Goes on with the link for the outcome (kept in memory, like the first), and shows it to keep. */
  private continueWith(link: ProviderLink): void {
    this.token = link.token;
    this.outcomeUrl.set(`${this.document.location.origin}${link.path}`);
  }

  /** The answer's new state: from the API's reply when it is the view, else worked out here. */
  private afterAnswer(action: ProviderLinkAction, answer: unknown): void {
    if (isView(answer)) {
      this.view.set(answer);
      return;
    }
    const to = REFERRAL_TRANSITIONS[action].to;
    // After a final answer the link is used up: a new look would only say so.
    if (isFinal(to)) this.view.update((view) => view && { ...view, status: to, allowedActions: [] });
    else this.load(false);
  }

  private load(first: boolean): void {
    if (!this.token) return;
    this.errorKey.set(null);
    this.links.view(this.token).subscribe({
      next: (view) => {
        this.view.set(view);
        this.state.set('ready');
        if (first && view.language !== this.lang()) void this.language.use(view.language);
      },
      error: (err: unknown) => {
        const error = toApiError(err);
        if (error.statusCode === 404) {
          this.state.set('invalid');
        } else {
          this.errorKey.set(errorMessageKey(error));
          if (!this.view()) this.state.set('error');
        }
      },
    });
  }
}

function isView(value: unknown): value is ProviderReferralView {
  return typeof value === 'object' && value !== null && Array.isArray((value as ProviderReferralView).allowedActions);
}

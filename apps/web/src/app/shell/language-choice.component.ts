// The language switch of the sign-in page: the four languages side by side, one tap each, in plain
// buttons (the toolbar's menu would add Material's menu and overlay code to the first page a phone loads).
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Language, LANGUAGES } from '@mih/contracts';
import { AuthService } from '../core/auth.service';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';

@Component({
  selector: 'mih-language-choice',
  imports: [TranslocoPipe],
  template: `
    <div class="choice" role="group" [attr.aria-label]="'language.label' | transloco">
      @for (code of languages; track code) {
        <button type="button" [attr.lang]="code" [attr.aria-pressed]="code === lang()" (click)="choose(code)">
          {{ autonyms[code] }}
        </button>
      }
    </div>
  `,
  styles: `
    .choice {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    button {
      min-height: 44px;
      padding: 0 12px;
      border: 1px solid transparent;
      border-radius: 22px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      border-color: currentColor;
      font-weight: 600;
    }
    button:hover {
      text-decoration: underline;
    }
    button:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageChoiceComponent {
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly languages = LANGUAGES;
  protected readonly autonyms = LANGUAGE_AUTONYMS;

  protected choose(lang: Language): void {
    void this.auth.changeLanguage(lang);
  }
}

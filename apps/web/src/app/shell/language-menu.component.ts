// The language switch of the toolbar (the sign-in page has its own, lighter: language-choice).
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Language, LANGUAGES } from '@mih/contracts';
import { AuthService } from '../core/auth.service';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';
import { IconComponent } from '../shared/icon.component';

@Component({
  selector: 'mih-language-menu',
  imports: [MatButtonModule, MatMenuModule, TranslocoPipe, IconComponent],
  template: `
    <button
      mat-button
      type="button"
      class="trigger"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'language.switch' | transloco: { language: lang().toUpperCase() + ' – ' + autonyms[lang()] }"
    >
      <mih-icon name="translate" />
      <!-- The code shown is also in the name (WCAG 2.5.3): "ES" works for voice control. -->
      <span class="code" aria-hidden="true">{{ lang().toUpperCase() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (code of languages; track code) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="code === lang()"
          [attr.lang]="code"
          (click)="choose(code)"
        >
          <span class="check" aria-hidden="true">
            @if (code === lang()) {
              <mih-icon name="check" />
            }
          </span>
          {{ autonyms[code] }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .trigger {
      min-width: 0;
      padding: 0 8px;
    }
    .trigger mih-icon {
      margin-right: 4px;
    }
    .code {
      font-weight: 600;
      letter-spacing: 0.04em;
    }
    .check {
      display: inline-flex;
      width: 24px;
      margin-right: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenuComponent {
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly languages = LANGUAGES;
  protected readonly autonyms = LANGUAGE_AUTONYMS;

  protected choose(lang: Language): void {
    void this.auth.changeLanguage(lang);
  }
}

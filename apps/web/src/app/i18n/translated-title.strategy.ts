// Route `title`s are translation keys; the document title follows the active language.
import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly key$ = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.key$, this.transloco.selectTranslation()]).subscribe(([key]) => {
      const app = this.transloco.translate('app.name');
      this.title.setTitle(key ? `${this.transloco.translate(key)} · ${app}` : app);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key$.next(this.buildTitle(snapshot));
  }
}

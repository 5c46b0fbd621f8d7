// Every page but sign-in needs every screen's translations: loaded (once) before such a page matches.
import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { LanguageService } from './language.service';

export const wholeTranslations: CanMatchFn = async () => {
  await inject(LanguageService).useWholeTranslations();
  return true;
};

// Page objects for referrals: the form, the referral page with its actions, the slip and the provider's
// page. Labels are the Spanish UI's unless a method takes them.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReferralFormPage {
  constructor(readonly page: Page) {}

  /** Opens a select by keyboard (a long floating label covers the middle of a narrow one) and picks. */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).press('Enter');
    await this.page.getByRole('option', { name: option }).click();
  }

  urgency(name: string): Locator {
    return this.page.getByRole('radiogroup', { name: 'Urgencia' }).getByRole('radio', { name });
  }

  get dueOn(): Locator {
    return this.page.getByLabel('Fecha de seguimiento');
  }
}

export class ReferralPage {
  constructor(readonly page: Page) {}

  heading(code: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(code) });
  }

  /** The status chips under the heading. */
  get statusLine(): Locator {
    return this.page.locator('.status-line');
  }

  get timeline(): Locator {
    return this.page.locator('ol.timeline');
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name: /Qué puedes hacer|What you can do/ }).getByRole('button', { name });
  }
}

export class ProviderResponsePage {
  constructor(readonly page: Page) {}

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async answerWith(action: string | RegExp, label: string, text: string, confirm: string | RegExp): Promise<void> {
    await this.button(action).click();
    await this.page.getByLabel(label).fill(text);
    await this.button(confirm).click();
  }

  async switchLanguage(current: RegExp, target: 'Español' | 'English' | 'Français'): Promise<void> {
    await this.page.getByRole('button', { name: current }).click();
    await this.page.getByRole('menuitemradio', { name: target }).click();
    await expect(this.page.getByRole('menu')).toHaveCount(0);
    await expect(this.page.locator('html')).toHaveAttribute('lang', target === 'English' ? 'en' : target === 'Français' ? 'fr' : 'es');
  }
}

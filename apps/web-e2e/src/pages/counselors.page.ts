// Page objects for counselor mode (activities and cases identified) and the hub's inbox, in Spanish
// unless the labels are given.
import { expect, type Locator, type Page } from '@playwright/test';

export class ActivityFormPage {
  constructor(readonly page: Page) {}

  participants(group: string): Locator {
    return this.page.getByRole('spinbutton', { name: group, exact: true });
  }

  plus(group: string): Locator {
    return this.page.getByRole('button', { name: `Sumar uno: ${group}` });
  }

  async choose(selectLabel: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: selectLabel }).press('Enter');
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Types into the topics picker and picks the first match. */
  async addTopic(text: string, option: string): Promise<void> {
    const topics = this.page.getByRole('combobox', { name: 'Temas' });
    await topics.click();
    await topics.pressSequentially(text, { delay: 20 });
    await this.page.getByRole('option', { name: option }).click();
  }
}

export class CaseFormPage {
  constructor(readonly page: Page) {}

  radio(group: string, name: string): Locator {
    return this.page.getByRole('radiogroup', { name: group }).getByRole('radio', { name });
  }

  async choose(selectLabel: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: selectLabel }).press('Enter');
    await this.page.getByRole('option', { name: option }).click();
  }
}

export class ShellMenu {
  constructor(readonly page: Page) {}

  /** On a phone the navigation is behind the menu button. */
  async links(menuLabel = 'Menú de navegación', navLabel = 'Navegación principal'): Promise<string[]> {
    await this.page.getByRole('button', { name: menuLabel }).click();
    const nav = this.page.getByRole('navigation', { name: navLabel });
    await expect(nav.getByRole('link').first()).toBeVisible();
    const names = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
    await this.page.keyboard.press('Escape');
    return names;
  }
}

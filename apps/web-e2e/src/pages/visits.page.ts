// Page objects for logging visits and working with person records, in the Spanish UI.
import { expect, type Locator, type Page } from '@playwright/test';

export class VisitFormPage {
  readonly personSearch: Locator;
  readonly topics: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    // Type-ahead boxes are comboboxes (their option lists carry the same label).
    this.personSearch = page.getByRole('combobox', { name: 'Buscar persona por nombre, código o documento' });
    this.topics = page.getByRole('combobox', { name: 'Temas' });
    this.saveButton = page.getByRole('button', { name: 'Guardar atención' });
  }

  radio(group: string, name: string | RegExp): Locator {
    return this.page.getByRole('radiogroup', { name: group }).getByRole('radio', { name });
  }

  /** Types into a type-ahead picker and waits until the wanted option is the active one. */
  async typeToFilter(input: Locator, text: string, option: string | RegExp): Promise<void> {
    await input.pressSequentially(text, { delay: 20 });
    await expect(this.page.getByRole('option', { name: option })).toHaveClass(/mat-mdc-option-active/);
  }

  chips(label: string): Locator {
    return this.page.locator('mat-form-field', { has: this.page.getByRole('combobox', { name: label }) }).locator('mat-chip-row');
  }
}

export class PersonDialogPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Nueva persona' });
  }

  async fill(person: { sex: string; profile: string; birthYear: string; givenName: string; familyName: string; document: string }) {
    const d = this.dialog;
    await d.getByRole('radiogroup', { name: 'Sexo' }).getByRole('radio', { name: person.sex }).click();
    await d.getByRole('combobox', { name: 'Perfil' }).click();
    await this.page.getByRole('option', { name: person.profile }).click();
    await d.getByLabel('Año de nacimiento').fill(person.birthYear);
    await d.getByRole('checkbox', { name: /aceptó que se registren sus datos/ }).check();
    await d.getByRole('checkbox', { name: 'Seguimiento del caso' }).check();
    await d.getByLabel('Nombres').fill(person.givenName);
    await d.getByLabel('Apellidos').fill(person.familyName);
    await d.getByLabel('Número de documento').fill(person.document);
  }
}

import { ApplicationRef } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { RetentionPreview, RetentionSettings } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, type } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { RetentionPageComponent } from './retention-page.component';
import { RetentionService } from './retention.service';

const SETTINGS: RetentionSettings = {
  defaultYears: 5,
  countries: [
    { countryCode: 'GT', years: 5, custom: false, updatedAt: null },
    { countryCode: 'HN', years: 10, custom: true, updatedAt: '2026-12-01T10:00:00.000Z' },
  ],
};
const PREVIEW: RetentionPreview = {
  asOf: '2026-12-06T03:00:00.000Z',
  items: [{ countryCode: 'GT', kind: 'persons', count: 12, oldest: '2021-03-04T10:00:00.000Z' }],
};

describe('RetentionPageComponent', () => {
  let retention: { settings: jest.Mock; preview: jest.Mock; update: jest.Mock };
  let page: HTMLElement;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  beforeEach(async () => {
    retention = { settings: jest.fn(() => of(SETTINGS)), preview: jest.fn(() => of(PREVIEW)), update: jest.fn() };
    TestBed.configureTestingModule({ providers: [provideTestTransloco(), { provide: RetentionService, useValue: retention }] });
    const fixture = TestBed.createComponent(RetentionPageComponent);
    page = fixture.nativeElement;
    await settle();
  });

  it('shows each country\'s period and what the next run will anonymise', () => {
    expect((getByLabel(page, 'Años (GT)') as HTMLInputElement).value).toBe('5');
    expect((getByLabel(page, 'Años (HN)') as HTMLInputElement).value).toBe('10');
    const preview = page.querySelector<HTMLElement>('section[aria-labelledby="preview-title"]')!;
    expect(preview.querySelector('h2')?.textContent).toBe('Próxima ejecución');
    expect(preview.textContent).toContain('Personas');
    expect(preview.textContent).toContain('12');
  });

  it('refuses more than 30 years without asking the server', async () => {
    type(getByLabel(page, 'Años (GT)'), '31');
    getByRole(page, 'button', /Guardar el plazo de .*\(GT\)/).click();
    await settle();
    expect(fieldError(getByLabel(page, 'Años (GT)'))).toBe('El valor máximo es 30.');
    expect(retention.update).not.toHaveBeenCalled();
  });

  it('shows the server\'s refusal under the field it names', async () => {
    const body = { statusCode: 400, code: 'validation_failed', message: 'Validation failed', errors: [{ field: 'years', constraints: ['max'], message: 'years must not be greater than 30' }] };
    retention.update.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 400, error: body })));
    type(getByLabel(page, 'Años (GT)'), '12');
    getByRole(page, 'button', /Guardar el plazo de .*\(GT\)/).click();
    await settle();
    expect(retention.update).toHaveBeenCalledWith('GT', { years: 12 });
    expect(fieldError(getByLabel(page, 'Años (GT)'))).toBe('El valor está fuera del rango permitido.');
  });
});

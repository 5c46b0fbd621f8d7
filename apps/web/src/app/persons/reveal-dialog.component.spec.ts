import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { Person } from '@mih/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, type } from '../../testing/dom-queries';
import { person } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { PersonsService } from './persons.service';
import { RevealDialogComponent, type RevealDialogData } from './reveal-dialog.component';

describe('RevealDialogComponent', () => {
  let persons: { reveal: jest.Mock };
  let dialog: HTMLElement;
  let closedWith: Person | undefined;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  beforeEach(async () => {
    persons = { reveal: jest.fn() };
    TestBed.configureTestingModule({
      providers: [provideTestTransloco(), { provide: PersonsService, useValue: persons }],
    });
    const data: RevealDialogData = { personId: person().id, code: person().code };
    closedWith = undefined;
    TestBed.inject(MatDialog)
      .open(RevealDialogComponent, { data })
      .afterClosed()
      .subscribe((revealed) => (closedWith = revealed));
    await settle();
    dialog = document.body.querySelector<HTMLElement>('mat-dialog-container')!;
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('explains that the reason is recorded', () => {
    expect(getByRole(dialog, 'heading', 'Mostrar datos de identificación')).toBeTruthy();
    expect(dialog.textContent).toContain('Indica por qué necesitas ver los datos de GT-TCU-000001. El motivo queda registrado.');
  });

  async function choose(option: string): Promise<void> {
    await click(getByLabel<HTMLElement>(dialog, 'Motivo'));
    await click(getByRole(document.body, 'option', option));
  }

  it('offers the reasons of the list, translated', async () => {
    await click(getByLabel<HTMLElement>(dialog, 'Motivo'));
    const options = Array.from(document.body.querySelectorAll('mat-option')).map((o) => o.textContent!.trim());
    expect(options).toEqual([
      'Contactar a la persona',
      'Derivación a un proveedor',
      'Verificar su identidad en la ventanilla',
      'Trámite de documentos',
      'Riesgo para su seguridad',
      'Solicitud legal o judicial',
      'Corregir el registro',
      'Otro motivo (explicar)',
    ]);
  });

  it('asks for a reason and reveals nothing without one', async () => {
    await click(getByRole(dialog, 'button', 'Mostrar datos'));

    expect(fieldError(getByLabel<HTMLElement>(dialog, 'Motivo'))).toBe('Este campo es obligatorio.');
    expect(persons.reveal).not.toHaveBeenCalled();
    expect(closedWith).toBeUndefined();
  });

  it('wants the details when the reason is "other", at least 5 characters not counting surrounding spaces', async () => {
    await choose('Otro motivo (explicar)');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));
    expect(fieldError(getByLabel(dialog, 'Detalle del motivo'))).toBe('Este campo es obligatorio.');

    type(getByLabel(dialog, 'Detalle del motivo'), '  caso  ');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));
    expect(fieldError(getByLabel(dialog, 'Detalle del motivo'))).toBe('Debe tener al menos 5 caracteres.');
    expect(persons.reveal).not.toHaveBeenCalled();
  });

  it('sends the reason code, and the details when given, and closes with the unmasked person', async () => {
    const revealed = person({
      identifyingRevealed: true,
      identifying: { givenName: 'José', familyName: 'Hernández', dateOfBirth: null, documentNumber: '12345678', phone: null },
    });
    persons.reveal.mockReturnValue(of(revealed));
    await choose('Contactar a la persona');
    type(getByLabel(dialog, 'Detalle (opcional)'), ' Llamada de seguimiento acordada ');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));

    expect(persons.reveal).toHaveBeenCalledWith(person().id, { reasonCode: 'contact_person', reason: 'Llamada de seguimiento acordada' });
    await settle();
    expect(closedWith).toBe(revealed);
  });

  it('says so when the hour’s or the day’s reveals are used up', async () => {
    persons.reveal.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 429, error: { statusCode: 429, code: 'reveal_quota_exceeded', message: 'x' } })));
    await choose('Verificar su identidad en la ventanilla');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));
    expect(getByRole(dialog, 'alert').textContent).toContain('Ya mostraste los datos de muchas personas en poco tiempo.');
    expect(closedWith).toBeUndefined();
  });
});

import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { Person } from '@mih/contracts';
import { of } from 'rxjs';
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

  it('asks for a reason and reveals nothing without one', async () => {
    await click(getByRole(dialog, 'button', 'Mostrar datos'));

    expect(fieldError(getByLabel(dialog, 'Motivo'))).toBe('Este campo es obligatorio.');
    expect(persons.reveal).not.toHaveBeenCalled();
    expect(closedWith).toBeUndefined();
  });

  it('wants at least 5 characters, not counting surrounding spaces', async () => {
    type(getByLabel(dialog, 'Motivo'), '  caso  ');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));

    expect(fieldError(getByLabel(dialog, 'Motivo'))).toBe('Debe tener al menos 5 caracteres.');
    expect(persons.reveal).not.toHaveBeenCalled();
  });

  it('sends the reason and closes with the unmasked person', async () => {
    const revealed = person({
      identifyingRevealed: true,
      identifying: { givenName: 'José', familyName: 'Hernández', dateOfBirth: null, documentNumber: '12345678', phone: null },
    });
    persons.reveal.mockReturnValue(of(revealed));
    type(getByLabel(dialog, 'Motivo'), ' Llamada de seguimiento acordada ');
    await click(getByRole(dialog, 'button', 'Mostrar datos'));

    expect(persons.reveal).toHaveBeenCalledWith(person().id, { reason: 'Llamada de seguimiento acordada' });
    await settle();
    expect(closedWith).toBe(revealed);
  });
});

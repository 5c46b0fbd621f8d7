import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { QuarterLock } from '@mih/contracts';
import { of } from 'rxjs';
import { fieldError, getByLabel, getByRole, type } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { QuarterLocksService } from './quarter-locks.service';
import { UnlockDialogComponent, type UnlockDialogData } from './unlock-dialog.component';

describe('UnlockDialogComponent', () => {
  let quarterLocks: { unlock: jest.Mock };
  let dialog: HTMLElement;
  let closedWith: QuarterLock[] | undefined;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  beforeEach(async () => {
    quarterLocks = { unlock: jest.fn() };
    TestBed.configureTestingModule({ providers: [provideTestTransloco(), { provide: QuarterLocksService, useValue: quarterLocks }] });
    const data: UnlockDialogData = { year: 2026, quarter: 3, hubId: 'h-tcu', hubName: 'CIM Tecún Umán' };
    closedWith = undefined;
    TestBed.inject(MatDialog)
      .open(UnlockDialogComponent, { data })
      .afterClosed()
      .subscribe((removed) => (closedWith = removed));
    await settle();
    dialog = document.body.querySelector<HTMLElement>('mat-dialog-container')!;
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('names the quarter and the hub it reopens', () => {
    expect(getByRole(dialog, 'heading', '¿Reabrir el T3 2026 de CIM Tecún Umán?')).toBeTruthy();
  });

  it('wants a reason of at least 10 characters, not counting surrounding spaces', async () => {
    type(getByLabel(dialog, 'Motivo'), '   corto   ');
    getByRole(dialog, 'button', 'Reabrir').click();
    await settle();

    expect(fieldError(getByLabel(dialog, 'Motivo'))).toBe('Debe tener al menos 10 caracteres.');
    expect(quarterLocks.unlock).not.toHaveBeenCalled();
  });

  it('sends the hub and the trimmed reason, and closes with the locks removed', async () => {
    quarterLocks.unlock.mockReturnValue(of([{ hubId: 'h-tcu' }]));
    type(getByLabel(dialog, 'Motivo'), '  Informe tardío de la feria  ');
    getByRole(dialog, 'button', 'Reabrir').click();
    await settle();

    expect(quarterLocks.unlock).toHaveBeenCalledWith({ year: 2026, quarter: 3, hubIds: ['h-tcu'], reason: 'Informe tardío de la feria' });
    expect(closedWith).toEqual([{ hubId: 'h-tcu' }]);
  });
});

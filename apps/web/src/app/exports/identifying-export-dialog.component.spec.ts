import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { ERROR_CODES } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, type } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { ExportsService } from './exports.service';
import { IdentifyingExportDialogComponent, type IdentifyingExportData } from './identifying-export-dialog.component';

describe('IdentifyingExportDialogComponent', () => {
  let exports: { downloadIdentifying: jest.Mock };
  let dialog: HTMLElement;
  let closedWith: string | undefined;

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  async function submit(): Promise<void> {
    getByRole(dialog, 'button', 'Descargar').click();
    await settle();
  }

  beforeEach(async () => {
    exports = { downloadIdentifying: jest.fn() };
    TestBed.configureTestingModule({ providers: [provideTestTransloco(), { provide: ExportsService, useValue: exports }] });
    const data: IdentifyingExportData = { dataset: 'persons', format: 'csv', filters: { hubId: 'h-1' } };
    closedWith = undefined;
    TestBed.inject(MatDialog)
      .open(IdentifyingExportDialogComponent, { data })
      .afterClosed()
      .subscribe((filename) => (closedWith = filename));
    await settle();
    dialog = document.body.querySelector<HTMLElement>('mat-dialog-container')!;
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('says what the file holds and that the export is recorded', () => {
    expect(getByRole(dialog, 'heading', 'Exportar con datos de identificación')).toBeTruthy();
    expect(dialog.textContent).toContain('los nombres, la fecha de nacimiento, el documento y el teléfono');
    expect(dialog.textContent).toContain('La exportación y su motivo quedan registrados.');
  });

  it('wants a reason of at least 10 characters, not counting surrounding spaces', async () => {
    await submit();
    expect(fieldError(getByLabel(dialog, 'Motivo'))).toBe('Este campo es obligatorio.');
    type(getByLabel(dialog, 'Motivo'), '  fiscalía  ');
    await submit();
    expect(fieldError(getByLabel(dialog, 'Motivo'))).toBe('Debe tener al menos 10 caracteres.');
    expect(exports.downloadIdentifying).not.toHaveBeenCalled();
  });

  it('downloads with the trimmed reason and closes with the file name', async () => {
    exports.downloadIdentifying.mockReturnValue(of('persons-2026-11-23.csv'));
    type(getByLabel(dialog, 'Motivo'), ' Lista para la fiscalía, caso 114 ');
    await submit();
    expect(exports.downloadIdentifying).toHaveBeenCalledWith('persons', 'csv', { hubId: 'h-1' }, 'Lista para la fiscalía, caso 114');
    await settle();
    expect(closedWith).toBe('persons-2026-11-23.csv');
  });

  it('stays open with a message when the API refuses', async () => {
    exports.downloadIdentifying.mockReturnValue(throwError(() => ({ statusCode: 403, code: ERROR_CODES.forbidden, message: 'Forbidden' })));
    type(getByLabel(dialog, 'Motivo'), 'Lista para la fiscalía');
    await submit();
    expect(getByRole(dialog, 'alert').textContent).toBeTruthy();
    expect(closedWith).toBeUndefined();
  });
});

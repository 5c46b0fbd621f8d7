import { ApplicationRef, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { Role } from '@mih/contracts';
import { of } from 'rxjs';
import { getByRole, queryAllByRole } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { ExportMenuComponent } from './export-menu.component';
import { ExportsService, type ExportTarget } from './exports.service';
import { IdentifyingExportDialogComponent } from './identifying-export-dialog.component';

@Component({
  imports: [ExportMenuComponent],
  template: `<mih-export-menu [target]="target" [filters]="filters" />`,
})
class HostComponent {
  target: ExportTarget = 'persons';
  readonly filters = () => ({ hubId: 'h-1' });
}

describe('ExportMenuComponent', () => {
  let exports: { download: jest.Mock };
  let dialog: { open: jest.Mock };
  let root: HTMLElement;

  async function render(role: Role, target: ExportTarget): Promise<void> {
    exports = { download: jest.fn(() => of('persons-2026-11-23.csv')) };
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(undefined) })) };
    TestBed.configureTestingModule({
      providers: [
        provideTestTransloco(),
        { provide: AuthService, useValue: { role: signal(role) } },
        { provide: ExportsService, useValue: exports },
        { provide: MatDialog, useValue: dialog },
      ],
    });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.target = target;
    fixture.detectChanges();
    await TestBed.inject(ApplicationRef).whenStable();
    root = fixture.nativeElement;
    getByRole(root, 'button', 'Exportar').click();
    await TestBed.inject(ApplicationRef).whenStable();
  }

  const menuItems = () => queryAllByRole(document.body, 'menuitem').map((item) => item.textContent?.trim());

  afterEach(() => document.body.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  it('offers CSV and Excel, downloading with the filters of the moment', async () => {
    await render('staff', 'visits');
    expect(menuItems()).toEqual(['CSV', 'Excel (XLSX)']);
    getByRole(document.body, 'menuitem', 'Excel (XLSX)').click();
    expect(exports.download).toHaveBeenCalledWith('visits', 'xlsx', { hubId: 'h-1' });
  });

  it('tells staff and counselors that their row-level file is coarsened, and no one else', async () => {
    const note = () => document.body.querySelector('.coarsened-note');
    for (const [role, target, shown] of [
      ['staff', 'visits', true],
      ['counselor', 'referrals', true],
      ['staff', 'activities', false],
      ['staff', 'dashboard', false],
      ['supervisor', 'visits', false],
      ['admin', 'persons', false],
    ] as const) {
      TestBed.resetTestingModule();
      await render(role, target);
      expect(!!note()).toBe(shown);
      if (shown) expect(getByRole(document.body, 'menuitem', 'CSV').getAttribute('aria-describedby')).toBe(note()?.id);
      document.body.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
    }
  });

  it('offers staff no identifying export of persons', async () => {
    await render('staff', 'persons');
    expect(menuItems()).toEqual(['CSV', 'Excel (XLSX)']);
  });

  it('offers supervisors the identifying export of persons, which asks for a reason in a dialog', async () => {
    await render('supervisor', 'persons');
    expect(menuItems()).toEqual(['CSV', 'Excel (XLSX)', 'CSV con datos de identificación', 'Excel con datos de identificación']);
    getByRole(document.body, 'menuitem', 'Excel con datos de identificación').click();
    expect(dialog.open).toHaveBeenCalledWith(IdentifyingExportDialogComponent, expect.objectContaining({ data: { dataset: 'persons', format: 'xlsx', filters: { hubId: 'h-1' } } }));
    expect(exports.download).not.toHaveBeenCalled();
  });

  it('has no identifying export of visits, whoever asks', async () => {
    await render('admin', 'visits');
    expect(menuItems()).toEqual(['CSV', 'Excel (XLSX)']);
  });
});

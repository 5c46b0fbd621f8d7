import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { ERROR_CODES } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { caseDetail } from '../../testing/activity-fixtures';
import { getByRole, queryAllByRole } from '../../testing/dom-queries';
import { person, referenceLists, staffUser } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { CasePageComponent } from './case-page.component';
import { CasesService } from './cases.service';

describe('CasePageComponent', () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let root: HTMLElement;
  let cases: { get: jest.Mock; take: jest.Mock; linkPerson: jest.Mock; close: jest.Mock };
  let dialog: { open: jest.Mock };

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  async function render(query: Record<string, string> = {}): Promise<void> {
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.componentRef.setInput('id', caseDetail().id);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    root = fixture.nativeElement;
    await settle();
  }

  beforeEach(() => {
    cases = {
      get: jest.fn(() => of(caseDetail())),
      take: jest.fn(() => of(caseDetail({ status: 'in_progress', assignedTo: staffUser.id, assignedToName: staffUser.displayName, version: 2 }))),
      linkPerson: jest.fn(() => of(caseDetail({ personId: person().id, personCode: person().code, version: 2 }))),
      close: jest.fn(() => of(caseDetail({ status: 'closed', outcome: 'visit_logged', version: 2 }))),
    };
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(person()) })) };
    TestBed.configureTestingModule({
      imports: [CasePageComponent],
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: CasesService, useValue: cases },
        { provide: PersonsService, useValue: { search: jest.fn(() => of([])) } },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()), loadFailed: signal(false) } },
        { provide: AuthService, useValue: { user: signal(staffUser), role: signal('staff') } },
      ],
    });
    TestBed.overrideProvider(MatDialog, { useValue: dialog });
  });

  it('shows what the counselor sent, with the consented name and contact, and the timer', async () => {
    await render();
    expect(root.querySelector('h1')?.textContent).toContain('Albergue');
    expect(root.textContent).toContain('Sin dinero para albergue esta noche');
    expect(root.textContent).toContain('Yesenia');
    expect(root.textContent).toContain('Esperando 3 h');
  });

  it('takes the case with the version read', async () => {
    await render();
    getByRole(root, 'button', 'Tomar el caso').click();
    await settle();
    expect(cases.take).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }));
    expect(queryAllByRole(root, 'button', 'Tomar el caso')).toEqual([]);
    expect(root.textContent).toContain('En atención');
  });

  it('registers the person from the case data and links them', async () => {
    await render();
    getByRole(root, 'button', 'Registrar con los datos del caso').click();
    await settle();
    expect(dialog.open.mock.calls[0][1].data.initial).toMatchObject({ sex: 'female', givenName: 'Yesenia', phone: '+502 5555 0101' });
    expect(cases.linkPerson).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }), person().id);
    expect(getByRole(root, 'group', 'Persona del caso').textContent).toContain(person().code);
  });

  it('closes with the outcome proposed after a visit was logged', async () => {
    await render({ visitLogged: '1' });
    getByRole(root, 'button', 'Cerrar caso').click();
    await settle();
    expect(cases.close).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }), 'visit_logged', undefined);
    expect(queryAllByRole(root, 'button', 'Cerrar caso')).toEqual([]);
  });

  it('reloads the case and says so when someone else changed it first', async () => {
    cases.take.mockReturnValue(throwError(() => ({ statusCode: 409, code: ERROR_CODES.staleVersion, message: 'stale' })));
    await render();
    getByRole(root, 'button', 'Tomar el caso').click();
    await settle();
    expect(getByRole(root, 'alert').textContent).toContain('Alguien más cambió este caso');
    expect(cases.get).toHaveBeenCalledTimes(2);
  });
});

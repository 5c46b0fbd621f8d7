import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { activity, counselorUser, sentCase } from '../../testing/activity-fixtures';
import { getByRole, queryAllByRole } from '../../testing/dom-queries';
import { referenceLists } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { ActivitiesService } from '../activities/activities.service';
import { CasesService } from '../cases/cases.service';
import { AuthService } from '../core/auth.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { CounselorHomeComponent } from './counselor-home.component';

describe('CounselorHomeComponent', () => {
  it('leads with the two actions and shows the latest cases with their status, in two small requests', async () => {
    const cases = { mine: jest.fn(() => of({ items: [sentCase({ status: 'closed', outcome: 'visit_logged' })], nextCursor: null })) };
    const activities = { list: jest.fn(() => of({ items: [activity()], nextCursor: null })) };
    TestBed.configureTestingModule({
      imports: [CounselorHomeComponent],
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: CasesService, useValue: cases },
        { provide: ActivitiesService, useValue: activities },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()) } },
        { provide: AuthService, useValue: { user: signal(counselorUser), role: signal('counselor') } },
      ],
    });
    const fixture = TestBed.createComponent(CounselorHomeComponent);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;

    expect(root.querySelector('h1')?.textContent).toContain('Hola, Carmen');
    expect(getByRole(root, 'link', /Registrar actividad/).getAttribute('href')).toBe('/activities/new');
    expect(getByRole(root, 'link', /Enviar un caso/).getAttribute('href')).toBe('/cases/new');
    expect(root.textContent).toContain('Albergue');
    expect(root.textContent).toContain('Cerrado');
    expect(root.textContent).toContain('Atendido en el centro');
    expect(root.textContent).toContain('Participantes: 25');
    expect(cases.mine).toHaveBeenCalledWith({ limit: 3 });
    expect(activities.list).toHaveBeenCalledWith({ limit: 3 });
    // Nothing here leads to persons or visits.
    expect(queryAllByRole(root, 'link').map((a) => a.getAttribute('href')).filter((href) => /persons|visits/.test(href ?? ''))).toEqual([]);
  });
});

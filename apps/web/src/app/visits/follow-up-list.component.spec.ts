// The follow-up list gets no notes with the list (issue 14): the note is read, and audited, on demand.
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { VisitListItem } from '@mih/contracts';
import { of } from 'rxjs';
import { getByRole, queryAllByRole } from '../../testing/dom-queries';
import { referenceLists, visit } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { HubsService } from '../hubs/hubs.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { FollowUpListComponent } from './follow-up-list.component';
import { VisitsService } from './visits.service';

function listItem(overrides: Partial<VisitListItem> = {}): VisitListItem {
  const { note: _note, ...item } = visit({ followUpOn: '2026-01-12' });
  return { ...item, hasNote: false, ...overrides };
}

describe('FollowUpListComponent', () => {
  let fixture: ComponentFixture<FollowUpListComponent>;
  let root: HTMLElement;
  let visits: { list: jest.Mock; get: jest.Mock; markFollowUpDone: jest.Mock };

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    visits = {
      list: jest.fn(() => of({ items: [listItem({ id: 'with-note', hasNote: true }), listItem({ id: 'without-note' })], nextCursor: null })),
      get: jest.fn(() => of(visit({ id: 'with-note', note: 'Pide apoyo para reinsertarse laboralmente.' }))),
      markFollowUpDone: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: VisitsService, useValue: visits },
        { provide: HubsService, useValue: { listAll: () => of([]) } },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()) } },
      ],
    });
    fixture = TestBed.createComponent(FollowUpListComponent);
    root = fixture.nativeElement;
    await settle();
  });

  it('offers to show the note of the visits that have one, and reads the visit only when asked', async () => {
    expect(queryAllByRole(root, 'button', 'Ver la nota')).toHaveLength(1);
    expect(visits.get).not.toHaveBeenCalled();
    getByRole(root, 'button', 'Ver la nota').click();
    await settle();
    expect(visits.get).toHaveBeenCalledWith('with-note');
    expect(root.textContent).toContain('Pide apoyo para reinsertarse laboralmente.');
    expect(queryAllByRole(root, 'button', 'Ver la nota')).toHaveLength(0);
  });
});

import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CreateActivityRequest } from '@mih/contracts';
import { of } from 'rxjs';
import { activity, counselorUser } from '../../testing/activity-fixtures';
import { getByLabel, getByRole, type } from '../../testing/dom-queries';
import { hub, referenceLists } from '../../testing/fixtures';
import { fakeOutbox } from '../../testing/fake-outbox';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { CounselorsService } from '../counselors/counselors.service';
import { HubsService } from '../hubs/hubs.service';
import { OutboxService } from '../offline/outbox.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ActivitiesService } from './activities.service';
import { ActivityFormComponent } from './activity-form.component';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ActivityFormComponent', () => {
  let fixture: ComponentFixture<ActivityFormComponent>;
  let root: HTMLElement;
  let activities: { create: jest.Mock; get: jest.Mock; update: jest.Mock };

  async function settle(ms = 0): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  async function render(id?: string): Promise<void> {
    fixture = TestBed.createComponent(ActivityFormComponent);
    if (id) fixture.componentRef.setInput('id', id);
    root = fixture.nativeElement;
    await settle();
  }

  async function fillRequired(): Promise<void> {
    await click(getByLabel<HTMLElement>(root, 'Tipo de actividad'));
    await click(getByRole(document.body, 'option', 'Charla en escuela'));
    type(getByLabel(root, 'Lugar'), 'Instituto Básico');
    const topics = getByLabel(root, 'Temas');
    type(topics, 'trata');
    topics.focus();
    await settle(10);
    topics.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
    await settle();
  }

  beforeEach(() => {
    activities = { create: jest.fn(() => of(activity())), get: jest.fn(() => of(activity())), update: jest.fn(() => of(activity({ version: 2 }))) };
    TestBed.configureTestingModule({
      imports: [ActivityFormComponent],
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: ActivitiesService, useValue: activities },
        {
          provide: OutboxService,
          useValue: fakeOutbox((request) =>
            request.operation === 'create' ? activities.create(request.body) : activities.update(request.recordId, request.body),
          ),
        },
        { provide: HubsService, useValue: { activeForForms: jest.fn(() => of([hub()])) } },
        { provide: CounselorsService, useValue: { listAll: jest.fn(() => of([{ id: counselorUser.id, displayName: 'Carmen López' }])) } },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()), loadFailed: signal(false), retry: jest.fn() } },
        { provide: AuthService, useValue: { user: signal(counselorUser), role: signal('counselor') } },
      ],
    });
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('adds the participants up as they are counted, with 48 px steppers', async () => {
    await render();
    expect(root.textContent).toContain('Total de participantes: 0');
    const plus = getByRole(root, 'button', 'Sumar uno: Niñas');
    await click(plus);
    await click(plus);
    type(getByLabel(root, 'Mujeres'), '12');
    await settle();
    expect(root.textContent).toContain('Total de participantes: 14');
    expect(getByLabel(root, 'Niñas').value).toBe('2');
    expect((getByRole(root, 'button', 'Restar uno: Hombres') as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses to save when nobody took part, and sends nothing', async () => {
    await render();
    await fillRequired();
    await click(getByRole(root, 'button', 'Guardar actividad'));
    expect(getByRole(root, 'alert', 'Registre al menos una persona participante.')).toBeTruthy();
    expect(activities.create).not.toHaveBeenCalled();
  });

  it('sends the activity with a client id, the counselor among its counselors, and goes to the list', async () => {
    await render();
    await fillRequired();
    await click(getByRole(root, 'button', 'Sumar uno: Otro / no dice'));
    type(getByLabel(root, 'Niños'), '30');
    await settle();
    await click(getByRole(root, 'button', 'Guardar actividad'));
    expect(activities.create).toHaveBeenCalledTimes(1);
    const request: CreateActivityRequest = activities.create.mock.calls[0][0];
    expect(request).toMatchObject({
      id: expect.stringMatching(UUID),
      hubId: hub().id,
      type: 'school_talk',
      place: 'Instituto Básico',
      participants: { girls: 0, boys: 30, women: 0, men: 0, other: 1 },
      topics: ['trafficking'],
      counselorIds: [counselorUser.id],
    });
    expect(request).not.toHaveProperty('participantsTotal');
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/activities');
  });

  it('edits an activity with the version it read', async () => {
    await render(activity().id);
    expect(getByLabel(root, 'Lugar').value).toBe('Instituto Básico');
    expect(root.textContent).toContain('Total de participantes: 25');
    type(getByLabel(root, 'Hombres'), '3');
    await settle();
    await click(getByRole(root, 'button', 'Guardar cambios'));
    expect(activities.update).toHaveBeenCalledWith(activity().id, expect.objectContaining({ version: 1, participants: { girls: 10, boys: 12, women: 2, men: 3, other: 0 } }));
  });
});

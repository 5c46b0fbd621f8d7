import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApiError, CreateVisitRequest, Hub } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { hub, person, referenceLists, staffUser, visit } from '../../testing/fixtures';
import { fakeOutbox } from '../../testing/fake-outbox';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { AuthService } from '../core/auth.service';
import { HubsService, ownHubsFirst } from '../hubs/hubs.service';
import { OutboxService } from '../offline/outbox.service';
import { SEARCH_DEBOUNCE_MS } from '../persons/person-search.component';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { VisitFormComponent } from './visit-form.component';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const tecunUman = hub();
const upala = hub({ id: '10000000-0000-4000-8000-000000000002', code: 'UPA', name: 'CIM Upala', countryCode: 'CR' });

describe('VisitFormComponent', () => {
  let fixture: ComponentFixture<VisitFormComponent>;
  let root: HTMLElement;
  let visits: { create: jest.Mock };
  let persons: { search: jest.Mock; get: jest.Mock; create: jest.Mock };
  let hubs: Hub[];

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(VisitFormComponent);
    root = fixture.nativeElement;
    await settle();
  }

  /** Lets change detection, Material's deferred work and the form's focus timers run. */
  async function settle(ms = 0): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  function radio(group: string, name: string): HTMLElement {
    return getByRole(getByRole(root, 'radiogroup', group), 'radio', name);
  }

  async function choose(selectLabel: string, option: string): Promise<void> {
    await click(getByLabel<HTMLElement>(root, selectLabel));
    await click(getByRole(document.body, 'option', option));
  }

  async function pressEnter(el: HTMLElement, init: KeyboardEventInit = {}): Promise<void> {
    el.focus();
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true, ...init }));
    await settle();
  }

  /** Types into the topics box and presses Enter: the first match is added. */
  async function addTopic(text: string): Promise<void> {
    const input = getByLabel(root, 'Temas');
    type(input, text);
    input.focus();
    await settle(10);
    await pressEnter(input);
  }

  async function fillAnonymousVisit(): Promise<void> {
    await click(radio('Sexo', 'Mujer'));
    await click(radio('Edad', '25 a 59 años'));
    await choose('Perfil', 'En tránsito');
    await addTopic('trata');
  }

  function chips(label: string): string[] {
    const field = getByLabel(root, label).closest('mat-form-field')!;
    return Array.from(field.querySelectorAll('mat-chip-row')).map((chip) => chip.textContent!.replace('close', '').trim());
  }

  beforeEach(() => {
    hubs = [tecunUman];
    visits = { create: jest.fn() };
    persons = { search: jest.fn(() => of([])), get: jest.fn(), create: jest.fn() };
    TestBed.configureTestingModule({
      imports: [VisitFormComponent],
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: OutboxService, useValue: fakeOutbox((request) => visits.create(request.body)) },
        { provide: PersonsService, useValue: persons },
        { provide: HubsService, useValue: { activeForForms: jest.fn(() => of(ownHubsFirst(hubs, staffUser.hubIds, 'es'))) } },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()), loadFailed: signal(false) } },
        { provide: AuthService, useValue: { user: signal(staffUser), role: signal('staff') } },
      ],
    });
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  it('starts with now, my own hub first, in person, and the hub country as nationality', async () => {
    hubs = [upala, tecunUman]; // the API sorts by name; the user's own hub (Tecún Umán) comes first
    await render();

    const occurredAt = getByLabel(root, 'Fecha y hora');
    expect(Math.abs(new Date(occurredAt.value).getTime() - Date.now())).toBeLessThan(2 * 60 * 1000);
    expect(getByLabel<HTMLElement>(root, 'Centro').textContent).toContain('Centro Tecún Umán');
    expect(radio('Canal', 'Presencial').getAttribute('aria-checked')).toBe('true');
    expect(getByLabel<HTMLElement>(root, 'Nacionalidad').textContent).toContain('Guatemala');
    // Ready for typing: the person search box at the top has the focus.
    expect(document.activeElement).toBe(getByLabel(root, 'Buscar persona por nombre, código o documento'));
  });

  it('shows the only hub as text instead of a picker', async () => {
    await render();
    expect(root.textContent).toContain('Centro Tecún Umán');
    expect(() => getByLabel(root, 'Centro')).toThrow();
  });

  it('requires sex, age band, profile and topics of an anonymous visit, and sends nothing', async () => {
    await render();
    await click(getByRole(root, 'button', 'Guardar atención'));

    expect(getByRole(root, 'radiogroup', 'Sexo').closest('mih-choice-field')!.textContent).toContain(
      'Este campo es obligatorio.',
    );
    expect(getByRole(root, 'radiogroup', 'Edad').closest('mih-choice-field')!.textContent).toContain(
      'Este campo es obligatorio.',
    );
    expect(fieldError(getByLabel(root, 'Perfil'))).toBe('Este campo es obligatorio.');
    expect(fieldError(getByLabel(root, 'Temas'))).toBe('Este campo es obligatorio.');
    expect(fieldError(getByLabel(root, 'Nacionalidad'))).toBe('');
    expect(visits.create).not.toHaveBeenCalled();
  });

  it('requires the nationality when no hub gives a default', async () => {
    hubs = [];
    await render();
    await click(getByRole(root, 'button', 'Guardar atención'));
    expect(fieldError(getByLabel(root, 'Nacionalidad'))).toBe('Este campo es obligatorio.');
    expect(visits.create).not.toHaveBeenCalled();
  });

  it('filters topics as you type (accents ignored) and Enter adds the first match', async () => {
    await render();
    await addTopic('vias');
    expect(chips('Temas')).toEqual(['Vías regulares de migración']);
    expect(getByLabel(root, 'Temas').value).toBe('');
    expect(visits.create).not.toHaveBeenCalled();
  });

  it('saves on Enter with a client-generated id, then is ready for the next visit', async () => {
    visits.create.mockReturnValue(of(visit()));
    await render();
    await fillAnonymousVisit();

    // The topics box is empty again: Enter now saves.
    await pressEnter(getByLabel(root, 'Temas'));

    expect(visits.create).toHaveBeenCalledTimes(1);
    const sent = visits.create.mock.calls[0][0] as CreateVisitRequest;
    expect(sent).toEqual({
      id: expect.stringMatching(UUID),
      hubId: tecunUman.id,
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/),
      channel: 'in_person',
      sex: 'female',
      ageBand: '25-59',
      nationality: 'GT',
      profile: 'in_transit',
      topics: ['trafficking'],
    });
    expect(document.body.textContent).toContain('Atención registrada');

    // Reset for the next visitor, keeping hub and channel; focus back at the top.
    expect(radio('Sexo', 'Mujer').getAttribute('aria-checked')).toBe('false');
    expect(chips('Temas')).toEqual([]);
    expect(radio('Canal', 'Presencial').getAttribute('aria-checked')).toBe('true');
    expect(fieldError(getByLabel(root, 'Temas'))).toBe('');
    expect(document.activeElement).toBe(getByLabel(root, 'Buscar persona por nombre, código o documento'));

    await fillAnonymousVisit();
    await pressEnter(getByLabel(root, 'Temas'));
    expect(visits.create).toHaveBeenCalledTimes(2);
    expect((visits.create.mock.calls[1][0] as CreateVisitRequest).id).not.toBe(sent.id);
  });

  it('keeps a visit that cannot reach the server on this device, says so, and is ready for the next', async () => {
    const offline: ApiError = { statusCode: 0, code: 'network_error', message: 'Network error' };
    visits.create.mockReturnValueOnce(throwError(() => offline));
    await render();
    await fillAnonymousVisit();

    await click(getByRole(root, 'button', 'Guardar atención'));

    expect(document.body.textContent).toContain('Guardado en este dispositivo');
    expect(queryAllByRole(root, 'alert')).toEqual([]);
    expect(radio('Sexo', 'Mujer').getAttribute('aria-checked')).toBe('false');
  });

  it('does not save on Enter in the note, but does on Ctrl+Enter', async () => {
    visits.create.mockReturnValue(of(visit()));
    await render();
    await fillAnonymousVisit();
    const note = getByLabel<HTMLTextAreaElement>(root, 'Nota');

    await pressEnter(note);
    expect(visits.create).not.toHaveBeenCalled();
    await pressEnter(note, { ctrlKey: true });
    expect(visits.create).toHaveBeenCalledTimes(1);
  });

  it('links a person found by the search box, hides the anonymous fields and sends only the person', async () => {
    const found = person({ vulnerabilities: ['pregnant'] });
    persons.search.mockReturnValue(of([found]));
    visits.create.mockReturnValue(of(visit({ personId: found.id })));
    await render();

    type(getByLabel(root, 'Buscar persona por nombre, código o documento'), 'jose hernadez');
    getByLabel(root, 'Buscar persona por nombre, código o documento').focus();
    await settle(SEARCH_DEBOUNCE_MS + 50);
    expect(persons.search).toHaveBeenCalledWith('jose hernadez');
    await click(getByRole(document.body, 'option', /GT-TCU-000001/));

    expect(queryAllByRole(root, 'radiogroup', 'Sexo')).toHaveLength(0);
    expect(queryAllByRole(root, 'radiogroup', 'Edad')).toHaveLength(0);
    expect(() => getByLabel(root, 'Perfil')).toThrow();
    expect(() => getByLabel(root, 'Nacionalidad')).toThrow();
    expect(getByRole(root, 'group', 'Persona vinculada a la atención').textContent).toContain('GT-TCU-000001');
    // The person's vulnerabilities are offered for this visit.
    expect(chips('Situaciones de vulnerabilidad')).toEqual(['Mujer embarazada']);

    await addTopic('salud');
    // Leaving the topics box makes the chip list report its value: codes, not labels.
    getByLabel(root, 'Nota').focus();
    await settle(10);
    await click(getByRole(root, 'button', 'Guardar atención'));

    const sent = visits.create.mock.calls[0][0] as CreateVisitRequest;
    expect(sent.personId).toBe(found.id);
    expect(sent.topics).toEqual(['health']);
    expect(sent.vulnerabilities).toEqual(['pregnant']);
    for (const field of ['sex', 'ageBand', 'nationality', 'profile']) expect(sent).not.toHaveProperty(field);
  });

  it('starts linked to the person named in the address (from the person page)', async () => {
    persons.get.mockReturnValue(of({ ...person(), visits: [] }));
    fixture = TestBed.createComponent(VisitFormComponent);
    fixture.componentRef.setInput('personId', person().id);
    root = fixture.nativeElement;
    await settle();

    expect(persons.get).toHaveBeenCalledWith(person().id);
    expect(getByRole(root, 'group', 'Persona vinculada a la atención').textContent).toContain('GT-TCU-000001');
    expect(queryAllByRole(root, 'radiogroup', 'Sexo')).toHaveLength(0);
  });

  it('brings the anonymous fields back when the person is removed', async () => {
    persons.search.mockReturnValue(of([person()]));
    await render();
    type(getByLabel(root, 'Buscar persona por nombre, código o documento'), 'GT-TCU');
    getByLabel(root, 'Buscar persona por nombre, código o documento').focus();
    await settle(SEARCH_DEBOUNCE_MS + 50);
    await click(getByRole(document.body, 'option', /GT-TCU-000001/));

    await click(getByRole(root, 'button', 'Quitar persona'));

    expect(getByRole(root, 'radiogroup', 'Sexo')).toBeTruthy();
    await click(getByRole(root, 'button', 'Guardar atención'));
    expect(fieldError(getByLabel(root, 'Perfil'))).toBe('Este campo es obligatorio.');
  });

  it("puts the API's field errors under the fields", async () => {
    const error: ApiError = {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Validation failed',
      errors: [{ field: 'occurredAt', constraints: ['notInFuture'], message: 'occurredAt must not be in the future' }],
    };
    visits.create.mockReturnValue(throwError(() => error));
    await render();
    await fillAnonymousVisit();
    await click(getByRole(root, 'button', 'Guardar atención'));
    expect(fieldError(getByLabel(root, 'Fecha y hora'))).toBe('La fecha y hora no pueden estar en el futuro.');
  });
});

import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApiError, Hub } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { hub } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { HubFormComponent } from './hub-form.component';
import { HubsService } from './hubs.service';

describe('HubFormComponent', () => {
  let fixture: ComponentFixture<HubFormComponent>;
  let root: HTMLElement;
  let hubs: { get: jest.Mock; create: jest.Mock; update: jest.Mock };
  let navigate: jest.SpyInstance;

  async function render(id?: string): Promise<void> {
    fixture = TestBed.createComponent(HubFormComponent);
    if (id) fixture.componentRef.setInput('id', id);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await fixture.whenStable();
  }

  async function chooseCountry(name: string): Promise<void> {
    await click(getByLabel<HTMLElement>(root, 'País'));
    await click(getByRole(document.body, 'option', name));
  }

  beforeEach(() => {
    hubs = { get: jest.fn(), create: jest.fn(), update: jest.fn() };
    TestBed.configureTestingModule({
      imports: [HubFormComponent],
      providers: [provideRouter([]), provideTestTransloco(), { provide: HubsService, useValue: hubs }],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  describe('creating a hub', () => {
    beforeEach(() => render());

    it('shows what is missing under each required field and sends nothing', async () => {
      await click(getByRole(root, 'button', 'Crear centro'));

      expect(fieldError(getByLabel(root, 'Código'))).toBe('Este campo es obligatorio.');
      expect(fieldError(getByLabel(root, 'Nombre'))).toBe('Este campo es obligatorio.');
      expect(fieldError(getByLabel(root, 'País'))).toBe('Este campo es obligatorio.');
      expect(fieldError(getByLabel(root, 'Departamento / estado / provincia'))).toBe('Este campo es obligatorio.');
      expect(fieldError(getByLabel(root, 'Municipio'))).toBe('Este campo es obligatorio.');
      expect(fieldError(getByLabel(root, 'Dirección'))).toBe('');
      expect(hubs.create).not.toHaveBeenCalled();
    });

    it('explains the code format and upper-cases what is typed', async () => {
      const code = getByLabel(root, 'Código');
      type(code, 'tcu');
      await fixture.whenStable();
      expect(code.value).toBe('TCU');
      expect(fieldError(code)).toBe('');

      type(code, 'T-1');
      await fixture.whenStable();
      expect(fieldError(code)).toBe('Usa de 2 a 6 letras mayúsculas (A-Z) o dígitos.');
    });

    it('checks coordinates and phone before sending', async () => {
      type(getByLabel(root, 'Latitud'), '95');
      type(getByLabel(root, 'Teléfono'), 'llamar al alcalde');
      await fixture.whenStable();
      expect(fieldError(getByLabel(root, 'Latitud'))).toBe('El valor máximo es 90.');
      expect(fieldError(getByLabel(root, 'Teléfono'))).toBe('Usa solo dígitos, espacios y + ( ) - . /.');
    });

    it('sends the hub to the API and goes back to the list', async () => {
      hubs.create.mockReturnValue(of(hub()));
      type(getByLabel(root, 'Código'), 'tcu');
      type(getByLabel(root, 'Nombre'), '  Centro Tecún Umán ');
      await chooseCountry('Guatemala');
      type(getByLabel(root, 'Departamento / estado / provincia'), 'San Marcos');
      type(getByLabel(root, 'Municipio'), 'Ayutla');
      type(getByLabel(root, 'Teléfono'), '+502 7777 0000');
      type(getByLabel(root, 'Fecha de apertura'), '2024-03-15');
      const services = getByLabel(root, 'Servicios');
      type(services, 'Orientación');
      services.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
      await fixture.whenStable();

      await click(getByRole(root, 'button', 'Crear centro'));

      expect(hubs.create).toHaveBeenCalledTimes(1);
      expect(hubs.create).toHaveBeenCalledWith({
        code: 'TCU',
        name: 'Centro Tecún Umán',
        countryCode: 'GT',
        admin1: 'San Marcos',
        municipality: 'Ayutla',
        phone: '+502 7777 0000',
        openedOn: '2024-03-15',
        services: ['Orientación'],
        status: 'active',
      });
      expect(navigate).toHaveBeenCalledWith(['/admin/hubs']);
    });

    it("puts the API's validation errors under the fields they name", async () => {
      const error: ApiError = {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Validation failed',
        errors: [{ field: 'municipality', constraints: ['maxLength'], message: 'too long' }],
      };
      hubs.create.mockReturnValue(throwError(() => error));
      type(getByLabel(root, 'Código'), 'TCU');
      type(getByLabel(root, 'Nombre'), 'Centro');
      await chooseCountry('Honduras');
      type(getByLabel(root, 'Departamento / estado / provincia'), 'Cortés');
      type(getByLabel(root, 'Municipio'), 'San Pedro Sula');

      await click(getByRole(root, 'button', 'Crear centro'));

      expect(fieldError(getByLabel(root, 'Municipio'))).toBe('Es demasiado largo.');
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('editing a hub', () => {
    const current: Hub = hub({ phone: '+502 1234 5678', services: ['Orientación'] });

    beforeEach(async () => {
      hubs.get.mockReturnValue(of(current));
      await render(current.id);
    });

    it('loads the hub and keeps its code fixed', () => {
      expect(hubs.get).toHaveBeenCalledWith(current.id);
      expect(getByLabel(root, 'Nombre').value).toBe('Centro Tecún Umán');
      expect(getByLabel(root, 'Código').disabled).toBe(true);
    });

    it('sends only the changed fields with the version it read; a cleared field becomes null', async () => {
      hubs.update.mockReturnValue(of({ ...current, name: 'Centro Ayutla', phone: null, version: 2 }));
      type(getByLabel(root, 'Nombre'), 'Centro Ayutla');
      type(getByLabel(root, 'Teléfono'), '');

      await click(getByRole(root, 'button', 'Guardar cambios'));

      expect(hubs.update).toHaveBeenCalledWith(current.id, { version: 1, name: 'Centro Ayutla', phone: null });
    });

    it('says when someone else changed the hub, and reloads it on request', async () => {
      hubs.update.mockReturnValue(
        throwError(() => ({ statusCode: 409, code: 'stale_version', message: 'Stale' }) satisfies ApiError),
      );
      type(getByLabel(root, 'Nombre'), 'Centro Ayutla');
      await click(getByRole(root, 'button', 'Guardar cambios'));

      expect(getByRole(root, 'alert').textContent).toContain('Otra persona modificó este registro');
      hubs.get.mockReturnValue(of({ ...current, name: 'Otro nombre', version: 3 }));
      await click(getByRole(root, 'button', 'Recargar'));

      expect(hubs.get).toHaveBeenCalledTimes(2);
      expect(getByLabel(root, 'Nombre').value).toBe('Otro nombre');
      expect(queryAllByRole(root, 'alert')).toHaveLength(0);
    });

    it('closes the hub only after confirmation', async () => {
      hubs.update.mockReturnValue(of({ ...current, status: 'closed', version: 2 }));
      await click(getByRole(root, 'button', 'Cerrar centro'));
      expect(hubs.update).not.toHaveBeenCalled();

      const dialog = document.body.querySelector<HTMLElement>('mat-dialog-container')!;
      expect(getByRole(dialog, 'heading', '¿Cerrar el centro?')).toBeTruthy();
      await click(getByRole(dialog, 'button', 'Cerrar centro'));

      expect(hubs.update).toHaveBeenCalledWith(current.id, { version: 1, status: 'closed' });
      expect(getByRole(root, 'button', 'Reabrir centro')).toBeTruthy();
    });
  });
});

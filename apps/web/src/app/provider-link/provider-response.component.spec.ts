import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ProviderReferralView } from '@mih/contracts';
import { of, throwError } from 'rxjs';
import { fieldError, getByLabel, getByRole, queryAllByRole, type } from '../../testing/dom-queries';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { LanguageService } from '../i18n/language.service';
import { ProviderLinksService } from './provider-links.service';
import { ProviderResponseComponent } from './provider-response.component';

const TOKEN = 'dGhpcy1pcy1hLXRlc3QtdG9rZW4tZm9yLXRoZS1zcGVj';

function view(overrides: Partial<ProviderReferralView> = {}): ProviderReferralView {
  return {
    referralId: 'r-1',
    purpose: 'answer',
    status: 'approved',
    needCategory: 'shelter',
    urgency: 'priority',
    reason: 'Necesita albergue por tres noches.',
    dueOn: '2026-01-20',
    language: 'es',
    person: { code: 'GT-TCU-000001', sex: 'female', ageBand: '25-59', nationality: 'HN', profile: 'in_transit', name: null, phone: null },
    provider: { name: 'Casa del Migrante' },
    hub: { name: 'CIM Tecún Umán', phone: '+502 7777 0000', address: null, municipality: 'Ayutla', countryCode: 'GT' },
    referredBy: 'Estela Pérez',
    allowedActions: ['accept', 'decline'],
    ...overrides,
  };
}

describe('ProviderResponseComponent', () => {
  let fixture: ComponentFixture<ProviderResponseComponent>;
  let root: HTMLElement;
  let links: { view: jest.Mock; respond: jest.Mock };

  async function render(hash: string): Promise<void> {
    history.replaceState(null, '', `/provider${hash}`);
    fixture = TestBed.createComponent(ProviderResponseComponent);
    root = fixture.nativeElement;
    await settle();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  beforeEach(() => {
    links = { view: jest.fn(() => of(view())), respond: jest.fn() };
    TestBed.configureTestingModule({ providers: [provideTestTransloco(), { provide: ProviderLinksService, useValue: links }] });
    jest.spyOn(TestBed.inject(LanguageService), 'use').mockResolvedValue();
  });

  it('reads the token from the fragment, wipes it from the address bar and shows the referral', async () => {
    await render(`#${TOKEN}`);

    expect(links.view).toHaveBeenCalledWith(TOKEN);
    expect(location.hash).toBe('');
    expect(location.href).not.toContain(TOKEN);
    expect(getByRole(root, 'heading', 'Derivación recibida')).toBeTruthy();
    expect(root.textContent).toContain('GT-TCU-000001');
    expect(root.textContent).toContain('Albergue');
    expect(queryAllByRole(root, 'button', 'Aceptar la derivación')).toHaveLength(1);
    expect(queryAllByRole(root, 'button', 'La atención se completó')).toHaveLength(0);
  });

  it('follows another link pasted into the same tab (only the fragment changes)', async () => {
    await render(`#${TOKEN}`);
    const other = `${TOKEN.slice(0, -4)}AbCd`;
    history.replaceState(null, '', `/provider#${other}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(links.view).toHaveBeenLastCalledWith(other);
    expect(location.hash).toBe('');
  });

  it('switches to the language of the provider', async () => {
    links.view.mockReturnValue(of(view({ language: 'fr' })));
    await render(`#${TOKEN}`);
    expect(TestBed.inject(LanguageService).use).toHaveBeenCalledWith('fr');
  });

  it('says the link is no longer valid when the API does not know it', async () => {
    links.view.mockReturnValue(throwError(() => ({ statusCode: 404, code: 'not_found', message: 'Not found' })));
    await render(`#${TOKEN}`);
    expect(getByRole(root, 'heading', 'Este enlace ya no es válido')).toBeTruthy();
    expect(queryAllByRole(root, 'button', 'Aceptar la derivación')).toHaveLength(0);
  });

  it('says so too without a token, and asks nothing of the API', async () => {
    await render('');
    expect(links.view).not.toHaveBeenCalled();
    expect(getByRole(root, 'heading', 'Este enlace ya no es válido')).toBeTruthy();
  });

  it('says the name and phone come once the provider accepts', async () => {
    await render(`#${TOKEN}`);
    expect(root.textContent).toContain('El nombre y el teléfono de la persona se muestran cuando acepta la derivación');
  });

  it('accepts in one click, then goes on with the link for the outcome (shown to keep) and offers to record it', async () => {
    const OUTCOME_TOKEN = 'b3V0Y29tZS10b2tlbi1mb3ItdGhlLXNwZWMtMTIzNDU2Nzg';
    links.respond.mockReturnValue(
      of({
        ...view({ purpose: 'outcome', status: 'accepted', allowedActions: ['complete', 'decline'] }),
        person: { ...view().person, name: 'Ana López', phone: '+504 9988 7766' },
        outcomeLink: { token: OUTCOME_TOKEN, path: `/provider#${OUTCOME_TOKEN}`, expiresAt: '2026-02-04T00:00:00.000Z', purpose: 'outcome' },
      }),
    );
    await render(`#${TOKEN}`);
    await click(getByRole(root, 'button', 'Aceptar la derivación'));

    expect(links.respond).toHaveBeenCalledWith(TOKEN, 'accept', undefined);
    expect(root.textContent).toContain('La derivación quedó aceptada');
    expect(root.textContent).toContain('Ana López');
    expect(root.querySelector('.outcome-link')?.textContent).toContain(`/provider#${OUTCOME_TOKEN}`);
    expect(root.textContent).toContain('El enlace de la boleta ya no funciona.');

    links.respond.mockReturnValue(of(null));
    await click(getByRole(root, 'button', 'La atención se completó'));
    type(getByLabel(root, 'Resultado de la atención'), 'Recibió albergue');
    await click(getByRole(root, 'button', 'Registrar el resultado'));
    expect(links.respond).toHaveBeenLastCalledWith(OUTCOME_TOKEN, 'complete', 'Recibió albergue');
  });

  it('asks for the reason before declining, and sends it', async () => {
    links.respond.mockReturnValue(of(null));
    await render(`#${TOKEN}`);
    await click(getByRole(root, 'button', 'No podemos atenderla'));
    await click(getByRole(root, 'button', 'Enviar el motivo'));

    expect(fieldError(getByLabel(root, 'Por qué no pueden atenderla'))).toBe('Este campo es obligatorio.');
    expect(links.respond).not.toHaveBeenCalled();

    type(getByLabel(root, 'Por qué no pueden atenderla'), '  Sin cupo esta semana  ');
    await click(getByRole(root, 'button', 'Enviar el motivo'));
    expect(links.respond).toHaveBeenCalledWith(TOKEN, 'decline', 'Sin cupo esta semana');
    // The link is used up after a final answer: the page says thanks and offers nothing more.
    expect(root.textContent).toContain('Declinada por el proveedor');
    expect(queryAllByRole(root, 'button', 'Aceptar la derivación')).toHaveLength(0);
  });
});

import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { getByLabel, getByRole, type } from '../../testing/dom-queries';
import { hub, person, referenceLists, referral, serviceProvider } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { HubsService } from '../hubs/hubs.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ServiceProvidersService } from '../service-providers/service-providers.service';
import { ReferralFormComponent } from './referral-form.component';
import { defaultDueOn } from './referral-rules';
import { ReferralsService } from './referrals.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ReferralFormComponent', () => {
  let fixture: ComponentFixture<ReferralFormComponent>;
  let root: HTMLElement;
  let providers: { listAll: jest.Mock };
  let referrals: { create: jest.Mock; act: jest.Mock; update: jest.Mock; get: jest.Mock };
  let navigate: jest.SpyInstance;
  let shownPerson = person();

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await fixture.whenStable();
  }

  async function click(el: HTMLElement): Promise<void> {
    el.click();
    await settle();
  }

  async function choose(selectLabel: string, option: string): Promise<void> {
    await click(getByLabel<HTMLElement>(root, selectLabel));
    await click(getByRole(document.body, 'option', option));
  }

  beforeEach(async () => {
    shownPerson = person();
    providers = { listAll: jest.fn(() => of([serviceProvider(), serviceProvider({ id: 'sp-2', name: 'Albergue Belén' })])) };
    referrals = { create: jest.fn(), act: jest.fn(), update: jest.fn(), get: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        { provide: PersonsService, useValue: { get: () => of({ ...shownPerson, visits: [], referrals: [] }) } },
        { provide: HubsService, useValue: { get: () => of(hub()) } },
        { provide: ServiceProvidersService, useValue: providers },
        { provide: ReferralsService, useValue: referrals },
        { provide: ReferenceListsService, useValue: { lists: signal(referenceLists()) } },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ReferralFormComponent);
    fixture.componentRef.setInput('personId', person().id);
    root = fixture.nativeElement;
    await settle();
  });

  it('offers the providers that meet the need where the person\'s hub is, taking referrals', async () => {
    await choose('Necesidad', 'Albergue');
    expect(providers.listAll).toHaveBeenLastCalledWith({
      needCategory: 'shelter',
      countryCode: 'GT',
      municipality: 'Ayutla',
      acceptingReferrals: true,
    });
    await click(getByLabel<HTMLElement>(root, 'Proveedor de servicios'));
    expect(document.body.querySelectorAll('mat-option')).toHaveLength(2);
  });

  it('sets the due date from the urgency until someone changes it', async () => {
    const dueOn = getByLabel(root, 'Fecha de seguimiento');
    expect(dueOn.value).toBe(defaultDueOn('routine'));
    await click(getByRole(getByRole(root, 'radiogroup', 'Urgencia'), 'radio', 'Emergencia'));
    expect(dueOn.value).toBe(defaultDueOn('emergency'));
    expect(root.textContent).toContain('se envían al proveedor sin revisión');

    type(dueOn, '2030-01-15');
    dueOn.dispatchEvent(new Event('input', { bubbles: true }));
    await click(getByRole(getByRole(root, 'radiogroup', 'Urgencia'), 'radio', 'Rutinaria'));
    expect(dueOn.value).toBe('2030-01-15');
  });

  it('refers no one without the consent to share', async () => {
    await choose('Necesidad', 'Albergue');
    await choose('Proveedor de servicios', 'Albergue Belén');
    type(getByLabel(root, 'Motivo de la derivación'), 'Necesita albergue.');
    await click(getByRole(root, 'button', /Enviar a revisión/));
    expect(root.textContent).toContain('Sin el consentimiento de la persona no se puede derivar.');
    expect(referrals.create).not.toHaveBeenCalled();
  });

  it('creates the draft with a client id, submits it with its version and opens it', async () => {
    referrals.create.mockReturnValue(of(referral({ version: 1 })));
    referrals.act.mockReturnValue(of(referral({ status: 'submitted', version: 2 })));
    await choose('Necesidad', 'Albergue');
    await choose('Proveedor de servicios', 'Albergue Belén');
    type(getByLabel(root, 'Motivo de la derivación'), '  Necesita albergue.  ');
    await click(getByLabel(root, 'La persona aceptó que sus datos mínimos se compartan con el proveedor'));
    await click(getByRole(root, 'button', /Enviar a revisión/));

    expect(referrals.create).toHaveBeenCalledWith({
      id: expect.stringMatching(UUID),
      personId: person().id,
      serviceProviderId: 'sp-2',
      needCategory: 'shelter',
      urgency: 'routine',
      reason: 'Necesita albergue.',
      consentToShare: true,
      dueOn: defaultDueOn('routine'),
    });
    expect(referrals.act).toHaveBeenCalledWith(referral().id, 'submit', { version: 1 });
    expect(navigate).toHaveBeenCalledWith(['/referrals', referral().id], { replaceUrl: true });
  });

  it("takes the person's preferred language for the slip, and lets staff change it", async () => {
    shownPerson = person({ preferredLanguage: 'ht' });
    fixture = TestBed.createComponent(ReferralFormComponent);
    fixture.componentRef.setInput('personId', person().id);
    root = fixture.nativeElement;
    await settle();
    expect(getByLabel<HTMLElement>(root, 'Idioma de la persona').textContent).toContain('Criollo haitiano');

    referrals.create.mockReturnValue(of(referral({ version: 1 })));
    referrals.act.mockReturnValue(of(referral({ status: 'submitted', version: 2 })));
    await choose('Necesidad', 'Albergue');
    await choose('Proveedor de servicios', 'Albergue Belén');
    type(getByLabel(root, 'Motivo de la derivación'), 'Necesita albergue.');
    await click(getByLabel(root, 'La persona aceptó que sus datos mínimos se compartan con el proveedor'));
    await choose('Idioma de la persona', 'Francés');
    await click(getByRole(root, 'button', /Enviar a revisión/));

    expect(referrals.create).toHaveBeenCalledWith(expect.objectContaining({ preferredLanguage: 'fr' }));
  });
});

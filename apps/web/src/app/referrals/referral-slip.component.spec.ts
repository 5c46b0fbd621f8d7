// The slip the person carries away: in their language by default, whatever the staff member's UI speaks,
// with its texts and reference labels; the staff member may print it in the provider's or their own.
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Language, ReferenceLists, ReferralDetail, ServiceProvider } from '@mih/contracts';
import { of } from 'rxjs';
import { getByRole } from '../../testing/dom-queries';
import { hub, person, referenceLists, referral, serviceProvider } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { HubsService } from '../hubs/hubs.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ServiceProvidersService } from '../service-providers/service-providers.service';
import { ReferralSlipComponent } from './referral-slip.component';
import { ReferralsService } from './referrals.service';

const SHELTER: Record<Language, string> = { es: 'Albergue', en: 'Shelter', fr: 'Hébergement', ht: 'Abri' };

/** The reference lists as the API answers them in `lang` (only the label the slip shows differs). */
function listsIn(lang: Language): ReferenceLists {
  const lists = referenceLists();
  return { ...lists, needCategories: lists.needCategories.map((i) => (i.code === 'shelter' ? { ...i, label: SHELTER[lang] } : i)) };
}

describe('ReferralSlipComponent', () => {
  let fixture: ComponentFixture<ReferralSlipComponent>;
  let root: HTMLElement;
  let inLanguage: jest.Mock;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  async function render(shown: Partial<ReferralDetail>, provider: Partial<ServiceProvider> = { languages: ['en'] }): Promise<void> {
    const detail: ReferralDetail = { ...referral({ status: 'approved', needCategory: 'shelter', ...shown }), events: [] };
    inLanguage = jest.fn((lang: Language) => of(listsIn(lang)));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTestTransloco(),
        {
          provide: ReferralsService,
          useValue: {
            get: () => of(detail),
            issueProviderLink: () => of({ token: 't', path: '/provider#abcdefghijklmnopqrstuv', expiresAt: '2026-02-01T23:59:59Z', purpose: 'answer' }),
          },
        },
        { provide: ServiceProvidersService, useValue: { get: () => of(serviceProvider(provider)) } },
        { provide: HubsService, useValue: { get: () => of(hub()) } },
        { provide: PersonsService, useValue: { get: () => of({ ...person(), visits: [], referrals: [] }) } },
        { provide: ReferenceListsService, useValue: { inLanguage, lists: signal(referenceLists()) } },
      ],
    });
    fixture = TestBed.createComponent(ReferralSlipComponent);
    fixture.componentRef.setInput('id', detail.id);
    root = fixture.nativeElement;
    await settle();
  }

  const sheet = () => root.querySelector('article.sheet') as HTMLElement;
  const radios = () => Array.from(root.querySelectorAll<HTMLElement>('mat-radio-button'));
  const choices = () => radios().map((radio) => radio.textContent!.trim());

  it("prints in the person's language by default, texts and labels alike, while the UI stays in Spanish", async () => {
    await render({ preferredLanguage: 'ht' });

    expect(sheet().getAttribute('lang')).toBe('ht');
    expect(sheet().textContent).toContain('Fich referans');
    expect(sheet().textContent).toContain('Abri');
    expect(sheet().textContent).toContain('Pou aksepte oswa refize referans sa a');
    expect(inLanguage).toHaveBeenCalledWith('ht');
    // The screen around the sheet speaks the staff member's language.
    expect(getByRole(root, 'button', 'Imprimir')).toBeTruthy();
    expect(choices()).toEqual([
      'Kreyòl ayisyen (idioma de la persona)',
      'English (idioma del proveedor)',
      'Español (mi idioma)',
    ]);
  });

  it('reprints in the language the staff member picks, loading its texts and labels', async () => {
    await render({ preferredLanguage: 'ht' });

    radios()
      .find((radio) => radio.textContent!.includes('Español'))!
      .querySelector('input')!
      .click();
    await settle();

    expect(sheet().getAttribute('lang')).toBe('es');
    expect(sheet().textContent).toContain('Boleta de derivación');
    expect(sheet().textContent).toContain('Albergue');
    expect(sheet().textContent).not.toContain('Abri');
    expect(inLanguage).toHaveBeenCalledWith('es');
  });

  it("without the person's language: the provider's first, and only distinct languages are offered", async () => {
    await render({ preferredLanguage: null }, { languages: ['es'] });

    expect(sheet().getAttribute('lang')).toBe('es');
    expect(sheet().textContent).toContain('Albergue');
    // Provider and staff member both speak Spanish: nothing to choose.
    expect(choices()).toEqual([]);
  });
});

// The provider form's controls and the requests built from them, apart from the page that shows them.
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  type CreateServiceProviderRequest,
  DEFAULT_LANGUAGE,
  type Language,
  type ServiceProvider,
  type ServiceProviderType,
  type UpdateServiceProviderRequest,
} from '@mih/contracts';

const PHONE_PATTERN = /^[+0-9][0-9 ()./-]{2,39}$/;
/** Optional texts: an empty input means "none" (null on the provider). */
const OPTIONAL_TEXT = ['admin1', 'address', 'phone', 'email', 'openingHours', 'focalPoint'] as const;

export type ProviderForm = ReturnType<typeof buildProviderForm>;

export function buildProviderForm(fb: NonNullableFormBuilder) {
  return fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    type: fb.control<ServiceProviderType | ''>('', Validators.required),
    needCategories: fb.control<string[]>([], Validators.required),
    countryCodes: fb.control<string[]>([], Validators.required),
    admin1: ['', Validators.maxLength(120)],
    municipalities: fb.control<string[]>([]),
    address: ['', Validators.maxLength(300)],
    phone: ['', [Validators.maxLength(40), Validators.pattern(PHONE_PATTERN)]],
    email: ['', [Validators.email, Validators.maxLength(200)]],
    openingHours: ['', Validators.maxLength(200)],
    focalPoint: ['', Validators.maxLength(200)],
    // The first language is the one of the referral slips: asked for on its own.
    slipLanguage: fb.control<Language>(DEFAULT_LANGUAGE),
    otherLanguages: fb.control<Language[]>([]),
    acceptingReferrals: true,
  });
}

export function providerFormValue(provider: ServiceProvider): ProviderForm['value'] {
  const [slipLanguage = DEFAULT_LANGUAGE, ...otherLanguages] = provider.languages;
  return {
    name: provider.name,
    type: provider.type,
    needCategories: [...provider.needCategories],
    countryCodes: [...provider.countryCodes],
    admin1: provider.admin1 ?? '',
    municipalities: [...provider.municipalities],
    address: provider.address ?? '',
    phone: provider.phone ?? '',
    email: provider.email ?? '',
    openingHours: provider.openingHours ?? '',
    focalPoint: provider.focalPoint ?? '',
    slipLanguage,
    otherLanguages,
    acceptingReferrals: provider.acceptingReferrals,
  };
}

function languagesOf(form: ProviderForm): Language[] {
  const { slipLanguage, otherLanguages } = form.getRawValue();
  return [slipLanguage, ...otherLanguages.filter((lang) => lang !== slipLanguage)];
}

export function createProviderRequest(form: ProviderForm): CreateServiceProviderRequest {
  const v = form.getRawValue();
  const request: CreateServiceProviderRequest = {
    name: v.name.trim(),
    type: v.type as ServiceProviderType,
    needCategories: v.needCategories,
    countryCodes: v.countryCodes,
    municipalities: v.municipalities,
    languages: languagesOf(form),
    acceptingReferrals: v.acceptingReferrals,
  };
  for (const key of OPTIONAL_TEXT) {
    const value = v[key].trim();
    if (value) request[key] = value;
  }
  return request;
}

/** Only what differs from the version loaded; a cleared optional text is sent as null. */
export function providerChanges(form: ProviderForm, provider: ServiceProvider): Omit<UpdateServiceProviderRequest, 'version'> {
  const v = form.getRawValue();
  const changes: Omit<UpdateServiceProviderRequest, 'version'> = {};
  if (v.name.trim() !== provider.name) changes.name = v.name.trim();
  if (v.type !== provider.type) changes.type = v.type as ServiceProviderType;
  const lists = { needCategories: v.needCategories, countryCodes: v.countryCodes, municipalities: v.municipalities };
  for (const [key, value] of Object.entries(lists) as [keyof typeof lists, string[]][]) {
    if (value.join('\n') !== provider[key].join('\n')) changes[key] = value;
  }
  const languages = languagesOf(form);
  if (languages.join() !== provider.languages.join()) changes.languages = languages;
  for (const key of OPTIONAL_TEXT) {
    const value = v[key].trim() || null;
    if (value !== (provider[key] ?? null)) changes[key] = value;
  }
  if (v.acceptingReferrals !== provider.acceptingReferrals) changes.acceptingReferrals = v.acceptingReferrals;
  return changes;
}

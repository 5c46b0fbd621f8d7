import type { CurrentUser, Hub, LoginResponse, Person, ReferenceLists, Referral, ServiceProvider, Visit } from '@mih/contracts';

export const adminUser: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@example.org',
  displayName: 'Ana Admin',
  role: 'admin',
  language: 'es',
  hubIds: [],
  countryCodes: [],
};

export function loginResponse(accessToken: string, user: CurrentUser = adminUser): LoginResponse {
  return { accessToken, expiresIn: 600, user };
}

export function hub(overrides: Partial<Hub> = {}): Hub {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    code: 'TCU',
    name: 'Centro Tecún Umán',
    countryCode: 'GT',
    admin1: 'San Marcos',
    municipality: 'Ayutla',
    address: null,
    latitude: null,
    longitude: null,
    phone: null,
    openingHours: null,
    services: [],
    status: 'active',
    openedOn: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export const staffUser: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000003',
  email: 'staff@example.org',
  displayName: 'Estela Pérez',
  role: 'staff',
  language: 'es',
  hubIds: ['10000000-0000-4000-8000-000000000001'],
  countryCodes: [],
};

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    code: 'GT-TCU-000001',
    hubId: '10000000-0000-4000-8000-000000000001',
    sex: 'male',
    nationality: 'HN',
    profile: 'in_transit',
    birthYear: 1990,
    ageBand: null,
    vulnerabilities: [],
    consent: { given: true, purposes: ['follow_up'], date: '2026-01-10' },
    identifying: { givenName: 'J***', familyName: 'H***', dateOfBirth: null, documentNumber: '****5678', phone: null },
    identifyingRevealed: false,
    mergedIntoId: null,
    preferredLanguage: null,
    createdBy: staffUser.id,
    version: 1,
    createdAt: '2026-01-10T15:00:00Z',
    updatedAt: '2026-01-10T15:00:00Z',
    ...overrides,
  };
}

export function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    hubId: '10000000-0000-4000-8000-000000000001',
    occurredAt: '2026-01-10T15:00:00Z',
    staffId: staffUser.id,
    channel: 'in_person',
    personId: null,
    personCode: null,
    sex: 'female',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'intending',
    topics: ['documents'],
    needs: [],
    vulnerabilities: [],
    note: null,
    followUpOn: null,
    followUpDoneAt: null,
    version: 1,
    createdAt: '2026-01-10T15:00:00Z',
    updatedAt: '2026-01-10T15:00:00Z',
    ...overrides,
  };
}

/** A slice of the seeded reference lists, Spanish labels. */
export function referenceLists(): ReferenceLists {
  return {
    topics: [
      { code: 'regular_pathways', label: 'Vías regulares de migración' },
      { code: 'documents', label: 'Documentos y trámites (pasaporte, visas)' },
      { code: 'trafficking', label: 'Trata de personas' },
      { code: 'health', label: 'Salud' },
    ],
    needCategories: [
      { code: 'legal_aid', label: 'Asesoría legal' },
      { code: 'shelter', label: 'Albergue' },
    ],
    vulnerabilities: [
      { code: 'unaccompanied_child', label: 'Niña, niño o adolescente no acompañado' },
      { code: 'pregnant', label: 'Mujer embarazada' },
    ],
    profiles: [
      { code: 'intending', label: 'Piensa migrar' },
      { code: 'in_transit', label: 'En tránsito' },
      { code: 'returnee_deported', label: 'Retornado deportado' },
    ],
    channels: [
      { code: 'in_person', label: 'Presencial' },
      { code: 'phone', label: 'Teléfono' },
      { code: 'messaging', label: 'Mensajería (WhatsApp)' },
    ],
    sexes: [
      { code: 'female', label: 'Mujer' },
      { code: 'male', label: 'Hombre' },
      { code: 'other', label: 'Otro' },
      { code: 'undisclosed', label: 'Prefiere no decir' },
    ],
    ageBands: [
      { code: '0-11', label: '0 a 11 años' },
      { code: '12-17', label: '12 a 17 años' },
      { code: '18-24', label: '18 a 24 años' },
      { code: '25-59', label: '25 a 59 años' },
      { code: '60+', label: '60 años o más' },
    ],
  };
}

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    personId: '20000000-0000-4000-8000-000000000001',
    personCode: 'GT-TCU-000001',
    hubId: '10000000-0000-4000-8000-000000000001',
    serviceProviderId: '50000000-0000-4000-8000-000000000001',
    serviceProviderName: 'Casa del Migrante',
    needCategory: 'shelter',
    urgency: 'routine',
    reason: 'Necesita albergue por tres noches.',
    consentToShare: true,
    status: 'draft',
    dueOn: '2026-01-20',
    overdue: false,
    outcome: null,
    assignedTo: staffUser.id,
    assignedToName: staffUser.displayName,
    createdBy: staffUser.id,
    createdByName: staffUser.displayName,
    submittedAt: null,
    reviewSkipped: false,
    preferredLanguage: null,
    version: 1,
    createdAt: '2026-01-10T15:00:00Z',
    updatedAt: '2026-01-10T15:00:00Z',
    ...overrides,
  };
}

export function serviceProvider(overrides: Partial<ServiceProvider> = {}): ServiceProvider {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    name: 'Casa del Migrante',
    type: 'shelter',
    needCategories: ['shelter', 'basic_needs'],
    countryCodes: ['GT'],
    admin1: 'San Marcos',
    municipalities: ['Ayutla'],
    address: null,
    phone: '+502 7776 0000',
    email: null,
    openingHours: null,
    focalPoint: 'Hna. Marta, coordinadora',
    languages: ['es'],
    acceptingReferrals: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

import type { CurrentUser, Hub, LoginResponse } from '@mih/contracts';

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

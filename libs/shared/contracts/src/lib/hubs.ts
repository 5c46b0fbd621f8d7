import type { HubStatus } from './enums';
import type { PageQuery } from './pagination';

export interface Hub {
  id: string;
  /** Short code used in person codes such as `GT-TCU-000123`: 2-6 uppercase letters or digits. */
  code: string;
  name: string;
  countryCode: string;
  admin1: string;
  municipality: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  openingHours: string | null;
  services: string[];
  status: HubStatus;
  openedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateHubRequest {
  code: string;
  name: string;
  countryCode: string;
  admin1: string;
  municipality: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  phone?: string;
  openingHours?: string;
  services?: string[];
  status?: HubStatus;
  openedOn?: string;
}

/** Optional fields may be sent as null to clear them. */
export type UpdateHubRequest = Partial<Omit<CreateHubRequest, NullableHubField>> & {
  [K in NullableHubField]?: CreateHubRequest[K] | null;
} & { version: number };
type NullableHubField = 'address' | 'latitude' | 'longitude' | 'phone' | 'openingHours' | 'openedOn';

export interface HubListQuery extends PageQuery {
  countryCode?: string;
  status?: HubStatus;
  q?: string;
}

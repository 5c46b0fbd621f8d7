import type { Language, ServiceProviderType } from './enums';
import type { PageQuery } from './pagination';

/**
 * A service provider hubs refer people to. Coverage: the countries it serves and, when it only serves
 * some of their municipalities, those municipalities (empty: the whole of its countries).
 */
export interface ServiceProvider {
  id: string;
  name: string;
  type: ServiceProviderType;
  /** Codes of the needCategories reference list. */
  needCategories: string[];
  countryCodes: string[];
  admin1: string | null;
  municipalities: string[];
  address: string | null;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  /** The person who receives referrals there (name and role). */
  focalPoint: string | null;
  /** Languages it works in; the first one is the language of its referral slips. */
  languages: Language[];
  acceptingReferrals: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateServiceProviderRequest {
  name: string;
  type: ServiceProviderType;
  needCategories: string[];
  countryCodes: string[];
  admin1?: string;
  municipalities?: string[];
  address?: string;
  phone?: string;
  email?: string;
  openingHours?: string;
  focalPoint?: string;
  languages?: Language[];
  acceptingReferrals?: boolean;
}

/** The fields to change and the version last read; optional texts take null to clear them. */
export interface UpdateServiceProviderRequest {
  version: number;
  name?: string;
  type?: ServiceProviderType;
  needCategories?: string[];
  countryCodes?: string[];
  admin1?: string | null;
  municipalities?: string[];
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  openingHours?: string | null;
  focalPoint?: string | null;
  languages?: Language[];
  acceptingReferrals?: boolean;
}

/**
 * Directory search. `countryCode` + `municipality` keep the providers that cover that place (a provider
 * without municipalities covers all of its countries); `q` matches the name, accent-insensitive.
 * Sorted by name.
 */
export interface ServiceProviderListQuery extends PageQuery {
  q?: string;
  type?: ServiceProviderType;
  needCategory?: string;
  countryCode?: string;
  municipality?: string;
  acceptingReferrals?: boolean;
}

// Closed enumerations of SPEC.md section 4. Codes are stable: they are stored in the database and sent
// over the wire; labels live in the reference lists and the web app's translations.

export const ROLES = ['admin', 'supervisor', 'staff', 'counselor'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['es', 'en', 'fr', 'ht'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';
/**
 * The locales Intl formats a language with (dates, numbers, country names): Kreyòl has no CLDR data in
 * today's engines, so it falls back to French, whose formats Haiti uses.
 */
export const INTL_LOCALES: Record<Language, readonly string[]> = { es: ['es'], en: ['en'], fr: ['fr'], ht: ['ht', 'fr'] };

export const HUB_STATUSES = ['active', 'closed'] as const;
export type HubStatus = (typeof HUB_STATUSES)[number];

export const SEXES = ['female', 'male', 'other', 'undisclosed'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const PROFILES = [
  'intending',
  'in_transit',
  'returnee_voluntary',
  'returnee_deported',
  'immigrant',
  'family_of_migrant',
  'asylum_seeker',
] as const;
export type Profile = (typeof PROFILES)[number];

export const CHANNELS = ['in_person', 'phone', 'messaging', 'outreach'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACTIVITY_TYPES = [
  'info_session',
  'workshop',
  'community_fair',
  'school_talk',
  'campaign_event',
  'home_visit',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const SERVICE_PROVIDER_TYPES = [
  'child_protection',
  'shelter',
  'legal_aid',
  'health',
  'psychosocial',
  'labour',
  'assisted_return',
  'education',
  'other',
] as const;
export type ServiceProviderType = (typeof SERVICE_PROVIDER_TYPES)[number];

/** Countries the hubs work in (ISO 3166-1 alpha-2), offered first in pickers; any valid code is accepted. */
export const REGION_COUNTRY_CODES = ['BZ', 'CR', 'DO', 'GT', 'HN', 'HT', 'MX', 'NI', 'PA', 'SV'] as const;

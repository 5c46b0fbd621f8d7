export interface ReferenceItem {
  code: string;
  label: string;
}

/** `GET /api/reference-lists`: every list, labels in the caller's language. */
export interface ReferenceLists {
  topics: ReferenceItem[];
  needCategories: ReferenceItem[];
  vulnerabilities: ReferenceItem[];
  profiles: ReferenceItem[];
  channels: ReferenceItem[];
  sexes: ReferenceItem[];
  ageBands: ReferenceItem[];
}

export const REFERENCE_LIST_NAMES = [
  'topics',
  'needCategories',
  'vulnerabilities',
  'profiles',
  'channels',
  'sexes',
  'ageBands',
] as const satisfies readonly (keyof ReferenceLists)[];
export type ReferenceListName = (typeof REFERENCE_LIST_NAMES)[number];

/**
 * Vulnerability codes that alone could expose a person to harm if a file went astray (trafficking,
 * gender-based violence, LGBTIQ+ risk): row-level exports of staff and counselors leave them out.
 */
export const SENSITIVE_VULNERABILITIES: readonly string[] = ['possible_trafficking', 'gbv_survivor', 'lgbtiq_at_risk'];

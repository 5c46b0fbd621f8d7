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

import type { Role, ServiceProvider } from '@mih/contracts';
import { countryName } from '../i18n/country-name.pipe';

/** Who may add and change providers (supervisors only those of their countries: the API decides). */
export const DIRECTORY_EDITOR_ROLES: readonly Role[] = ['admin', 'supervisor'];

export function mayEditDirectory(role: Role | null): boolean {
  return role !== null && DIRECTORY_EDITOR_ROLES.includes(role);
}

/** "Guatemala: Ayutla, Malacatán" or "Guatemala, Honduras" (no municipalities: the whole countries). */
export function coverageText(provider: Pick<ServiceProvider, 'countryCodes' | 'municipalities'>, lang: string): string {
  const countries = provider.countryCodes.map((code) => countryName(code, lang)).join(', ');
  return provider.municipalities.length ? `${countries}: ${provider.municipalities.join(', ')}` : countries;
}

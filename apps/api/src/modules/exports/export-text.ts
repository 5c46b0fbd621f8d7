// How an export writes words: headers and labels in the caller's language, or, with `codes`, the
// stable codes and column keys that a script can rely on.
import { INTL_LOCALES, type Language, type ReferenceListName } from '@mih/contracts';
import { HEADERS, HeaderKey, inLanguage, Labels, YES_NO } from './export-labels';

/** Several values in one cell (topics, needs, counselors). */
export const LIST_SEPARATOR = '; ';

export class ExportText {
  private readonly countryNames: Intl.DisplayNames;
  private readonly countries = new Map<string, string>();

  /**
   * @param referenceLabels label of every reference code in this language, by list and code
   */
  constructor(
    readonly lang: Language,
    readonly codesOnly: boolean,
    private readonly referenceLabels: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ) {
    this.countryNames = new Intl.DisplayNames([...INTL_LOCALES[lang]], { type: 'region', fallback: 'code' });
  }

  header(key: HeaderKey): string {
    return this.codesOnly ? key : inLanguage(HEADERS[key], this.lang);
  }

  /** One of the file's own words (a sheet name, a dashboard section or figure), or its key. */
  word(key: string, labels: Labels): string {
    return this.codesOnly ? key : inLanguage(labels, this.lang);
  }

  /** A reference-list code as its label; a code the list no longer has stays a code. */
  ref(list: ReferenceListName, code: string | null): string | null {
    if (code === null || this.codesOnly) return code;
    return this.referenceLabels.get(list)?.get(code) ?? code;
  }

  /** Several codes in one cell; none is an empty cell. */
  refs(list: ReferenceListName, codes: readonly string[] | null): string | null {
    if (!codes || codes.length === 0) return null;
    return codes.map((code) => this.ref(list, code)).join(LIST_SEPARATOR);
  }

  /** A code of one of the fixed enumerations (activity types, referral statuses, urgencies). */
  of<C extends string>(labels: Record<C, Labels>, code: C | null): string | null {
    if (code === null || this.codesOnly) return code;
    return labels[code] ? inLanguage(labels[code], this.lang) : code;
  }

  country(code: string | null): string | null {
    if (code === null || this.codesOnly) return code;
    let name = this.countries.get(code);
    if (name === undefined) {
      name = this.countryNames.of(code) ?? code;
      this.countries.set(code, name);
    }
    return name;
  }

  yesNo(value: boolean): string {
    if (this.codesOnly) return String(value);
    return inLanguage(value ? YES_NO.yes : YES_NO.no, this.lang);
  }
}

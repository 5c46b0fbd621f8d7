// Identifying fields of a person: which ones a request sets, and how answers mask them. Masks keep just
// enough to tell two records apart at the desk (an initial, the last digits, the year of birth).
import { FieldError, IDENTIFYING_FIELDS, IdentifyingData, IdentifyingField } from '@mih/contracts';
import { ValidationFailedException } from '../../common/api-exception';

export function identifyingOf(source: IdentifyingData): IdentifyingData {
  return {
    givenName: source.givenName,
    familyName: source.familyName,
    dateOfBirth: source.dateOfBirth,
    documentNumber: source.documentNumber,
    phone: source.phone,
  };
}

/** `José` → `J***`; `A12345678` → `****78`; `1990-05-12` → `1990-**-**`; null stays null. */
export function maskIdentifying(data: IdentifyingData): IdentifyingData {
  return {
    givenName: maskName(data.givenName),
    familyName: maskName(data.familyName),
    dateOfBirth: data.dateOfBirth === null ? null : `${data.dateOfBirth.slice(0, 4)}-**-**`,
    documentNumber: maskDigits(data.documentNumber),
    phone: maskDigits(data.phone),
  };
}

function maskName(name: string | null): string | null {
  return name === null ? null : `${Array.from(name)[0] ?? ''}***`;
}

/** The last two characters, only when there are enough others that they reveal little. */
function maskDigits(value: string | null): string | null {
  if (value === null) return null;
  const compact = value.replace(/[\s().-]/g, '');
  return compact.length > 4 ? `****${compact.slice(-2)}` : '****';
}

/** The identifying fields a request gives a value (null clears, so it is not a value). */
export function identifyingFieldsWithValues(request: Partial<Record<IdentifyingField, string | null>>): IdentifyingField[] {
  return IDENTIFYING_FIELDS.filter((field) => request[field] !== undefined && request[field] !== null);
}

/** 400 naming each identifying field sent without consent. */
export function assertConsentCovers(consentGiven: boolean, fields: IdentifyingField[]): void {
  if (consentGiven || fields.length === 0) return;
  const errors: FieldError[] = fields.map((field) => ({
    field,
    constraints: ['requiresConsent'],
    message: `${field} is stored only with consent: send consent.given true (with purposes and date)`,
  }));
  throw new ValidationFailedException(errors);
}

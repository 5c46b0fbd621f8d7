// Masked answers keep an initial, the last two characters and the year of birth, nothing more.
import { ValidationFailedException } from '../../common/api-exception';
import { assertConsentCovers, identifyingFieldsWithValues, maskIdentifying } from './identifying-data';

describe('maskIdentifying', () => {
  it('keeps the initial of names, the last two characters of numbers and the year of birth', () => {
    expect(
      maskIdentifying({ givenName: 'José', familyName: 'Hernández', dateOfBirth: '1990-05-12', documentNumber: '2456 78901 0101', phone: '+502 5555-1234' }),
    ).toEqual({ givenName: 'J***', familyName: 'H***', dateOfBirth: '1990-**-**', documentNumber: '****01', phone: '****34' });
  });

  it('keeps null as null', () => {
    const none = { givenName: null, familyName: null, dateOfBirth: null, documentNumber: null, phone: null };
    expect(maskIdentifying(none)).toEqual(none);
  });

  it('masks short numbers entirely and keeps a whole first character that is not ASCII', () => {
    expect(maskIdentifying({ givenName: 'Ñusta', familyName: '𝒜na', dateOfBirth: null, documentNumber: 'A-12', phone: '1234' })).toMatchObject({
      givenName: 'Ñ***',
      familyName: '𝒜***',
      documentNumber: '****',
      phone: '****',
    });
  });
});

describe('consent for identifying fields', () => {
  it('lists the fields given a value, not those cleared or left out', () => {
    expect(identifyingFieldsWithValues({ givenName: 'Ana', familyName: null, phone: '5555' })).toEqual(['givenName', 'phone']);
  });

  it('accepts them with consent, refuses them without, naming each one', () => {
    expect(() => assertConsentCovers(true, ['givenName'])).not.toThrow();
    expect(() => assertConsentCovers(false, [])).not.toThrow();
    try {
      assertConsentCovers(false, ['givenName', 'documentNumber']);
      throw new Error('expected a ValidationFailedException');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedException);
      expect((error as ValidationFailedException).getResponse()).toMatchObject({
        statusCode: 400,
        errors: [
          { field: 'givenName', constraints: ['requiresConsent'] },
          { field: 'documentNumber', constraints: ['requiresConsent'] },
        ],
      });
    }
  });
});

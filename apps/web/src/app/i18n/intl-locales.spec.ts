// Kreyòl is formatted as French (Intl has no data of its own for it), with Kreyòl month names.
import { LocalDatePipe, LocalNumberPipe } from './local-date.pipe';
import { countryName } from './country-name.pipe';
import { dateTimeFormat } from './intl-locales';

describe('dates and numbers in Kreyòl', () => {
  const date = new LocalDatePipe();
  const number = new LocalNumberPipe();

  it('writes dates the French way with the months in Kreyòl', () => {
    expect(date.transform('2026-12-06', 'ht')).toBe('6 desanm 2026');
    expect(date.transform('2026-07-14', 'ht')).toBe('14 jiyè 2026');
    expect(dateTimeFormat('ht', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-02-10T00:00:00Z'))).toBe('fevriye 2026');
    // The other languages keep their own.
    expect(date.transform('2026-12-06', 'fr')).toBe('6 déc. 2026');
    expect(date.transform('2026-12-06', 'es')).toBe('6 dic 2026');
  });

  it('writes numbers and country names as French does, not as English', () => {
    expect(number.transform(12345.5, 'ht')).toBe(number.transform(12345.5, 'fr'));
    expect(number.transform(12345.5, 'ht')).not.toBe('12,345.5');
    expect(countryName('DO', 'ht')).toBe('République dominicaine');
  });
});

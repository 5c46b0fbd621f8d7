import { parseLanguages } from './counselor-form.component';

describe('parseLanguages', () => {
  it('reads a comma-separated list, trimmed, without blanks or repeats', () => {
    expect(parseLanguages(' Español, Mam ,, Mam,K’iche’ ')).toEqual(['Español', 'Mam', 'K’iche’']);
    expect(parseLanguages('')).toEqual([]);
  });
});

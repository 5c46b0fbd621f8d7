// A person's pseudonym in one coarsened file: a keyed hash of the person code under a key drawn for
// this file and then forgotten. The same person gets the same pseudonym on every row of the file (so
// rows still link), another one in the next file (so files do not link to each other or to the app's
// codes), and nothing is kept per person, however many rows the file has.
import { createHmac, randomBytes } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U to misread; never a formula start in a spreadsheet. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 10 characters, 50 bits: two of 100,000 persons in one file share one with a chance of about 1 in 200,000. */
const LENGTH = 10;

export type Pseudonyms = (code: string | null) => string | null;

export function filePseudonyms(): Pseudonyms {
  const key = randomBytes(32);
  return (code) => {
    if (code === null) return null;
    const digest = createHmac('sha256', key).update(code).digest();
    let text = '';
    for (let i = 0; i < LENGTH; i++) text += ALPHABET[digest[i] & 31];
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  };
}

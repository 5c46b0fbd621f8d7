// TOTP as authenticator apps speak it (RFC 6238: SHA-1, 6 digits, 30 s), through otplib. One step of
// clock drift either way is accepted; the caller stores the step it accepted so the code is good once.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

const PERIOD_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUri(secret: string, accountName: string): string {
  return generateURI({ issuer: 'MIH', label: accountName, secret });
}

/** The time step the code belongs to (now ±1 step), or null when it matches none. */
export async function matchingStep(secret: string, code: string): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: PERIOD_SECONDS });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten random letters/digits shown as two groups of five (50 bits each). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** How a recovery code is compared: lower case, without the dash. */
export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace('-', '');
}

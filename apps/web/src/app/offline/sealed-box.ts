// Encryption at rest of what waits in the browser: AES-GCM with a key per user that WebCrypto creates
// non-extractable (scripts can use it, nobody can read it out), and passphrase-sealed backup files.
// Every sealing draws a fresh 96-bit IV; GCM's tag makes any tampering fail to open.

/** Base64 text: stores and copies the same everywhere (IndexedDB, files); the IV also tells sealings apart. */
export interface Sealed {
  iv: string;
  data: string;
}

/** A backup file's envelope: everything needed to open it again with the passphrase, nothing else. */
export interface PassphraseSealed {
  format: 'mih-outbox-backup';
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  iv: string;
  data: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const PASSPHRASE_MIN_LENGTH = 10;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** True where this browser can keep records encrypted (WebCrypto needs https or localhost). */
export function canSeal(): boolean {
  return typeof crypto !== 'undefined' && !!crypto.subtle && typeof indexedDB !== 'undefined';
}

export function newUserKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value)));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

export async function open<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
  return JSON.parse(decoder.decode(plain)) as T;
}

export async function sealWithPassphrase(passphrase: string, value: unknown, iterations = PBKDF2_ITERATIONS): Promise<PassphraseSealed> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await passphraseKey(passphrase, salt, iterations);
  const { iv, data } = await seal(key, value);
  return { format: 'mih-outbox-backup', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) }, iv, data };
}

/** Rejects (OperationError) when the passphrase is wrong or the file was changed. */
export async function openWithPassphrase<T>(passphrase: string, file: PassphraseSealed): Promise<T> {
  if (file?.format !== 'mih-outbox-backup' || file.version !== 1 || file.kdf?.name !== 'PBKDF2') {
    throw new Error('not_a_backup');
  }
  const key = await passphraseKey(passphrase, fromBase64(file.kdf.salt), file.kdf.iterations);
  return open<T>(key, { iv: file.iv, data: file.data });
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

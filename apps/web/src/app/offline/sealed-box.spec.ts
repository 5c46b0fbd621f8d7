/**
 * @jest-environment node
 */
// WebCrypto as browsers have it (jsdom has no SubtleCrypto; Node's is the same standard API).
import { newUserKey, open, openWithPassphrase, seal, sealWithPassphrase } from './sealed-box';

const visit = { id: '6f1c6a52-4b39-4c1e-9d55-1d1f2b0a3c11', note: 'Viaja con su hija de 9 años', topics: ['regular_pathways'] };

describe('sealed box', () => {
  it('round-trips a record through the user key, and the stored bytes do not contain it', async () => {
    const key = await newUserKey();
    const sealed = await seal(key, visit);
    expect(Buffer.from(sealed.data, 'base64').toString('utf8')).not.toContain('Viaja');
    expect(sealed.data).not.toContain('Viaja');
    expect(await open(key, sealed)).toEqual(visit);
  });

  it('makes a key nobody can read out', async () => {
    const key = await newUserKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('draws a new IV every time', async () => {
    const key = await newUserKey();
    const [a, b] = await Promise.all([seal(key, visit), seal(key, visit)]);
    expect(a.iv).not.toBe(b.iv);
  });

  it("does not open with another user's key, nor after a byte changed", async () => {
    const sealed = await seal(await newUserKey(), visit);
    await expect(open(await newUserKey(), sealed)).rejects.toThrow();
    const key = await newUserKey();
    const good = await seal(key, visit);
    const bytes = Buffer.from(good.data, 'base64');
    bytes[0] ^= 1;
    await expect(open(key, { iv: good.iv, data: bytes.toString('base64') })).rejects.toThrow();
  });

  it('seals a backup with a passphrase that opens it elsewhere, and only that passphrase', async () => {
    const file = await sealWithPassphrase('correct horse battery', visit, 1_000);
    const asText = JSON.stringify(file);
    expect(asText).not.toContain('Viaja');
    expect(await openWithPassphrase('correct horse battery', JSON.parse(asText))).toEqual(visit);
    await expect(openWithPassphrase('wrong horse battery!', JSON.parse(asText))).rejects.toThrow();
    await expect(openWithPassphrase('correct horse battery', { ...file, format: 'x' } as never)).rejects.toThrow('not_a_backup');
  });
});

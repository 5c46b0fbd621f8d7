import { ConflictException, ValidationFailedException } from './api-exception';
import { insertOnce } from './insert-once';

describe('insertOnce', () => {
  const options = (create: () => Promise<string | null>, stored: { content: string } | null, clientId = true, calls: string[] = []) => ({
    clientId,
    create: () => (calls.push('create'), create()),
    findInScope: async () => (calls.push('findInScope'), stored),
    sameContent: (existing: { content: string }) => existing.content === 'same',
    represent: (existing: { content: string }) => `stored: ${existing.content}`,
  });
  const refused = () => Promise.reject(ValidationFailedException.forField('hubId', 'inScope', 'no'));

  it('answers the new record without reading anything else', async () => {
    const calls: string[] = [];
    await expect(insertOnce(options(async () => 'new', null, true, calls))).resolves.toEqual({ record: 'new', created: true });
    expect(calls).toEqual(['create']);
  });

  it('answers the stored record when the id is taken by the same request, 409 when by another or out of scope', async () => {
    await expect(insertOnce(options(async () => null, { content: 'same' }))).resolves.toEqual({ record: 'stored: same', created: false });
    await expect(insertOnce(options(async () => null, { content: 'other' }))).rejects.toBeInstanceOf(ConflictException);
    await expect(insertOnce(options(async () => null, null))).rejects.toBeInstanceOf(ConflictException);
  });

  it('answers the stored record when a retry is refused now (a quarter locked since), else the refusal', async () => {
    await expect(insertOnce(options(refused, { content: 'same' }))).resolves.toEqual({ record: 'stored: same', created: false });
    await expect(insertOnce(options(refused, { content: 'other' }))).rejects.toBeInstanceOf(ValidationFailedException);
    await expect(insertOnce(options(refused, null))).rejects.toBeInstanceOf(ValidationFailedException);
  });

  it('does not look for a stored record when the client sent no id', async () => {
    const calls: string[] = [];
    await expect(insertOnce(options(refused, { content: 'same' }, false, calls))).rejects.toBeInstanceOf(ValidationFailedException);
    expect(calls).toEqual(['create']);
  });
});

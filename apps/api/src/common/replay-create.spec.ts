import { ConflictException } from './api-exception';
import { replayCreate } from './replay-create';

describe('replayCreate', () => {
  const options = (stored: { content: string } | null, visible: boolean, calls: string[] = []) => ({
    exists: async () => (calls.push('exists'), stored !== null),
    findInScope: async () => (calls.push('findInScope'), visible ? stored : null),
    sameContent: (existing: { content: string }) => existing.content === 'same',
    represent: (existing: { content: string }) => `answer: ${existing.content}`,
  });

  it('answers null for a new id, without reading it in scope', async () => {
    const calls: string[] = [];
    await expect(replayCreate(options(null, false, calls))).resolves.toBeNull();
    expect(calls).toEqual(['exists']);
  });

  it('answers the stored record when it is the same and the caller may see it', async () => {
    await expect(replayCreate(options({ content: 'same' }, true))).resolves.toBe('answer: same');
  });

  it('answers 409 for other content, and for a record outside the scope', async () => {
    await expect(replayCreate(options({ content: 'other' }, true))).rejects.toBeInstanceOf(ConflictException);
    await expect(replayCreate(options({ content: 'same' }, false))).rejects.toBeInstanceOf(ConflictException);
  });

  it('asks whether the id exists before reading in scope (a create committing in between must replay, not 409)', async () => {
    const calls: string[] = [];
    await replayCreate(options({ content: 'same' }, true, calls));
    expect(calls).toEqual(['exists', 'findInScope']);
  });
});

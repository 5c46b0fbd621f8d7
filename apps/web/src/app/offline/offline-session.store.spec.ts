import { TestBed } from '@angular/core/testing';
import type { CurrentUser } from '@mih/contracts';
import { OfflineSessionStore } from './offline-session.store';

const user = { id: 'u1', email: 'staff@example.org' } as unknown as CurrentUser;
const databaseNames = async () => (await indexedDB.databases()).map((db) => db.name);
const settle = () => new Promise((done) => setTimeout(done, 50));

describe('OfflineSessionStore.forget', () => {
  it('on a browser that never stored a session, neither opens nor creates the offline database', async () => {
    const store = TestBed.inject(OfflineSessionStore);
    const before = await databaseNames();
    expect(before).not.toContain('mih-offline');
    store.forget();
    await settle();
    expect(await databaseNames()).not.toContain('mih-offline');
  });

  it('removes a stored session', async () => {
    const store = TestBed.inject(OfflineSessionStore);
    store.remember(user);
    await settle();
    expect(await store.last()).toMatchObject({ id: 'u1' });
    store.forget();
    await settle();
    expect(await store.last()).toBeNull();
  });
});

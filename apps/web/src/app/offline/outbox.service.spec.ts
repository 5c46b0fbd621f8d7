// The outbox against a real IndexedDB (fake-indexeddb) and a scripted server (HttpTestingController):
// what a form hears, what waits, what is sent again and with which id, and whose records are whose.
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CurrentUser } from '@mih/contracts';
import { webcrypto } from 'node:crypto';
import { staffUser } from '../../testing/fixtures';
import { AuthService } from '../core/auth.service';
import { errorInterceptor } from '../core/error.interceptor';
import { OfflineDb } from './offline-db';
import { OFFLINE_DB } from './offline-db.token';
import { OutboxService } from './outbox.service';
import { newUserKey } from './sealed-box';
import { UserKeys } from './user-keys';

// jsdom has no SubtleCrypto; Node's is the same standard API.
Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });

const VISIT = { id: '8b2f7c1e-3d4a-4b5c-8d6e-7f8091a2b3c4', hubId: 'h1', occurredAt: '2026-12-01T10:00:00.000Z', channel: 'in_person', topics: ['trafficking'] };
const otherUser: CurrentUser = { ...staffUser, id: '20000000-0000-4000-8000-0000000000ff', email: 'other@example.org' };

describe('OutboxService', () => {
  let outbox: OutboxService;
  let http: HttpTestingController;
  let db: OfflineDb;
  const user = signal<CurrentUser | null>(staffUser);
  const keys = new Map<string, Promise<CryptoKey>>();
  /** Lets IndexedDB and the promise chains take their turns. */
  const settle = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeEach(() => {
    user.set(staffUser);
    db = new OfflineDb(`mih-offline-spec-${Math.random()}`);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: OFFLINE_DB, useValue: () => Promise.resolve(db) },
        { provide: AuthService, useValue: { user } },
        // Keys in memory: what matters here is the outbox, not where a CryptoKey is kept.
        { provide: UserKeys, useValue: { of: (id: string) => keys.get(id) ?? keys.set(id, newUserKey()).get(id)! } },
      ],
    });
    outbox = TestBed.inject(OutboxService);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick(); // runs the effect that follows the signed-in user's outbox
  });

  afterEach(async () => {
    http.verify();
    TestBed.resetTestingModule(); // stops this outbox (timers, live query) before its database goes
    await db.delete();
  });

  /** Waits for the request the outbox is about to send (it reads and opens the record first). */
  async function next(method: string, url: string) {
    for (let i = 0; i < 50; i++) {
      const found = http.match({ method, url });
      if (found.length) return found[0];
      await settle(5);
    }
    return http.expectOne({ method, url });
  }

  it('saves, sends at once, and tells the form the server has it; nothing stays behind', async () => {
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    const req = await next('POST', '/api/visits');
    expect(req.request.body).toEqual(VISIT);
    req.flush({ ...VISIT, version: 1 });
    expect(await saving).toEqual({ status: 'synced', record: { ...VISIT, version: 1 } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a record the server did not answer, sealed, and sends the same id again until it is stored', async () => {
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    (await next('POST', '/api/visits')).error(new ProgressEvent('error'));
    expect(await saving).toEqual({ status: 'pending' });

    const [stored] = await db.outbox.toArray();
    expect(stored).toMatchObject({ userId: staffUser.id, kind: 'visit', recordId: VISIT.id, status: 'pending', attempts: 1 });
    expect(atob(stored.body.data)).not.toContain('trafficking');
    await settle();
    expect(outbox.items().map((i) => [i.status, i.body['id']])).toEqual([['pending', VISIT.id]]);

    const flushing = outbox.flush({ linkBack: true });
    const again = await next('POST', '/api/visits');
    expect(again.request.body).toEqual(VISIT);
    again.flush({ ...VISIT, version: 1 }, { status: 200, statusText: 'OK' }); // the replay of the stored create
    await flushing;
    expect(await db.outbox.count()).toBe(0);
    await settle();
    expect(outbox.lastSyncAt()).not.toBeNull();
  });

  it('an edit whose answer was lost is recognised on the server (409, one version later, same fields): done', async () => {
    const edit = { version: 3, place: 'Escuela El Carmen' };
    const saving = outbox.save({ kind: 'activity', operation: 'update', recordId: 'a1', body: edit });
    (await next('PATCH', '/api/activities/a1')).error(new ProgressEvent('error'));
    expect(await saving).toEqual({ status: 'pending' });

    const flushing = outbox.flush({ linkBack: true });
    (await next('PATCH', '/api/activities/a1')).flush(
      { statusCode: 409, code: 'stale_version', message: 'stale' },
      { status: 409, statusText: 'Conflict' },
    );
    (await next('GET', '/api/activities/a1')).flush({ id: 'a1', version: 4, place: 'Escuela El Carmen' });
    await flushing;
    expect(await db.outbox.count()).toBe(0);
  });

  it('an edit that met someone else\'s change needs attention, with the server reason', async () => {
    const saving = outbox.save({ kind: 'activity', operation: 'update', recordId: 'a1', body: { version: 3, place: 'Escuela El Carmen' } });
    (await next('PATCH', '/api/activities/a1')).error(new ProgressEvent('error'));
    await saving;
    const flushing = outbox.flush({ linkBack: true });
    (await next('PATCH', '/api/activities/a1')).flush({ statusCode: 409, code: 'stale_version', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    (await next('GET', '/api/activities/a1')).flush({ id: 'a1', version: 5, place: 'Parque central' });
    await flushing;
    await settle();
    expect(outbox.items()).toEqual([expect.objectContaining({ status: 'needs_attention', error: expect.objectContaining({ code: 'stale_version' }) })]);
    expect(outbox.attentionCount()).toBe(1);
  });

  it('a refusal while the user is on the form goes back to the form and keeps nothing', async () => {
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    (await next('POST', '/api/visits')).flush(
      { statusCode: 400, code: 'validation_failed', message: 'bad', errors: [{ field: 'topics', constraints: ['arrayNotEmpty'], message: 'm' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    const outcome = await saving;
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'validation_failed' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a record being fixed that the server refuses again stays under "needs attention"', async () => {
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    (await next('POST', '/api/visits')).error(new ProgressEvent('error'));
    await saving;
    const flushing = outbox.flush({ linkBack: true });
    (await next('POST', '/api/visits')).flush({ statusCode: 409, code: 'quarter_locked', message: 'locked' }, { status: 409, statusText: 'Conflict' });
    await flushing;
    const [entry] = await db.outbox.toArray();
    expect(entry.status).toBe('needs_attention');

    const fixing = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT, replaces: entry.id });
    (await next('POST', '/api/visits')).flush({ statusCode: 409, code: 'quarter_locked', message: 'locked' }, { status: 409, statusText: 'Conflict' });
    expect(await fixing).toMatchObject({ status: 'refused', error: { code: 'quarter_locked' } });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: entry.id, status: 'needs_attention' })]);
  });

  it('a visit for a person created on this device waits until the person is on the server', async () => {
    const person = { id: 'p1', hubId: 'h1', sex: 'female', nationality: 'GT', profile: 'in_transit' };
    const savingPerson = outbox.save({ kind: 'person', operation: 'create', recordId: 'p1', body: person });
    (await next('POST', '/api/persons')).error(new ProgressEvent('error'));
    await savingPerson;
    // The visit is not even tried while its person waits.
    expect(await outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: { ...VISIT, personId: 'p1' }, dependsOn: ['p1'] })).toEqual({
      status: 'pending',
    });
    http.expectNone('/api/visits');

    const flushing = outbox.flush({ linkBack: true });
    (await next('POST', '/api/persons')).flush({ ...person, code: 'GT-TCU-000001' });
    (await next('POST', '/api/visits')).flush({ ...VISIT, personId: 'p1' });
    await flushing;
    expect(await db.outbox.count()).toBe(0);
  });

  it("another user of the browser sees none of the first user's records, and the outbox does not send them", async () => {
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    (await next('POST', '/api/visits')).error(new ProgressEvent('error'));
    await saving;

    user.set(otherUser);
    TestBed.tick();
    await settle();
    await outbox.flush({ linkBack: true });
    http.expectNone('/api/visits');
    expect(outbox.items()).toEqual([]);
    expect(await outbox.discardAll()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('OutboxService when the browser refuses to store anything', () => {
  it('sends the record straight to the server instead of losing it', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: OFFLINE_DB, useValue: () => Promise.reject(new Error('IndexedDB is disabled in this window')) },
        { provide: AuthService, useValue: { user: signal<CurrentUser | null>(staffUser) } },
        { provide: UserKeys, useValue: { of: () => newUserKey() } },
      ],
    });
    const outbox = TestBed.inject(OutboxService);
    const http = TestBed.inject(HttpTestingController);
    const saving = outbox.save({ kind: 'visit', operation: 'create', recordId: VISIT.id, body: VISIT });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const req = http.expectOne({ method: 'POST', url: '/api/visits' });
    expect(req.request.body).toEqual(VISIT);
    req.flush({ ...VISIT, version: 1 });
    expect(await saving).toEqual({ status: 'synced', record: { ...VISIT, version: 1 } });
    http.verify();
  });
});

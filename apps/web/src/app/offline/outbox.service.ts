// The outbox: every record a form saves (visit, person, activity, case, and their edits) is written here
// first, sealed with its user's key, then sent. What cannot be sent now waits and goes by itself: on
// start, when the browser is online again, and with backoff while the server cannot take it (see
// outbox-rules.ts). Records carry their client-generated id, so a retry is the same create and the
// server stores it once. One Web Lock for every tab of the browser: two tabs never send at once.
import { HttpClient } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { ERROR_CODES } from '@mih/contracts';
import { type Subscription, firstValueFrom, from, switchMap, timeout } from 'rxjs';
import { toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import type { OfflineDb, OutboxEntry, OutboxKind, OutboxOperation } from './offline-db';
import { OFFLINE_DB } from './offline-db.token';
import { type OutboxError, type OutboxStatus, type SendFailure, afterAttempt, isDue, judge, resend } from './outbox-rules';
import { type PassphraseSealed, canSeal, open, openWithPassphrase, seal, sealWithPassphrase } from './sealed-box';
import { UserKeys } from './user-keys';

/** A save made from a form: where it goes and what it says. */
export interface OutboxRequest {
  kind: OutboxKind;
  operation: OutboxOperation;
  recordId: string;
  body: object;
  /** Records saved earlier on this device that the server must have first. */
  dependsOn?: string[];
  /** The outbox entry this save fixes (from "needs attention"): it keeps its place and its record id. */
  replaces?: string;
}

export type SaveOutcome<T> =
  | { status: 'synced'; record: T }
  /** Kept on this device; it will be sent by itself. */
  | { status: 'pending' }
  /** The server refused it while the user is still on the form: nothing kept, the form shows why. */
  | { status: 'refused'; error: SendFailure };

/** An outbox entry as the screens show it: its body opened. */
export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  operation: OutboxOperation;
  recordId: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: number;
  error?: OutboxError;
  body: Record<string, unknown>;
}

interface BackupContent {
  userId: string;
  exportedAt: string;
  entries: Omit<OutboxEntry, 'body' | 'userId'>[];
  bodies: Record<string, unknown>;
}

/** A save waits this long for the server's answer before the form moves on with the record pending. */
export const FORM_SEND_TIMEOUT_MS = 8_000;
/** A background send gives up after this long; the record stays and is tried again. */
export const SEND_TIMEOUT_MS = 20_000;
const LOCK_NAME = 'mih-outbox';
/** Records on their way at once: enough to fill a slow link's latency, few enough not to flood the API. */
const PARALLEL_SENDS = 4;

const RESOURCE: Record<OutboxKind, string> = {
  person: '/api/persons',
  visit: '/api/visits',
  activity: '/api/activities',
  case: '/api/cases',
};

@Injectable({ providedIn: 'root' })
export class OutboxService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly database = inject(OFFLINE_DB);
  private readonly keys = inject(UserKeys);
  /** Bodies opened for the screens, by entry and IV (see toItems). */
  private openedBodies = new Map<string, Record<string, unknown>>();
  private readonly window = inject(DOCUMENT).defaultView;

  /** False where the browser cannot keep records encrypted (plain http): forms then send directly. */
  readonly available = canSeal();

  private readonly itemsOfUser = signal<OutboxItem[]>([]);
  private readonly loaded = signal(false);
  private readonly departures = signal(0);
  private readonly sending = signal<ReadonlySet<string>>(new Set());
  private readonly lastSync = signal<number | null>(null);
  private readonly persistence = signal<'granted' | 'refused' | 'unsupported' | 'unknown'>('unknown');

  /** The signed-in user's records on this device, oldest first ("sending" while on their way). */
  readonly items = computed(() => {
    const sending = this.sending();
    return this.itemsOfUser().map((item) => (sending.has(item.id) ? { ...item, status: 'sending' as const } : item));
  });
  readonly waitingCount = computed(() => this.items().filter((i) => i.status !== 'needs_attention').length);
  readonly attentionCount = computed(() => this.items().filter((i) => i.status === 'needs_attention').length);
  readonly lastSyncAt = this.lastSync.asReadonly();
  /** False until the signed-in user's outbox has been read (nothing is "all sent" before that). */
  readonly ready = this.loaded.asReadonly();
  /** Counts records that left the outbox (sent by any tab, or discarded): lists reload when it moves. */
  readonly departed = this.departures.asReadonly();
  /** Whether the browser promised not to evict this site's storage. */
  readonly storagePersistence = this.persistence.asReadonly();

  private watching: Subscription | undefined;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private linkBack = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private localLock: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor() {
    if (!this.available) return;
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      untracked(() => this.watch(userId));
    });
    const win = this.window;
    if (!win) return;
    const onOnline = () => void this.flush({ linkBack: true });
    const onVisible = () => win.document.visibilityState === 'visible' && void this.flush();
    win.addEventListener('online', onOnline);
    win.document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      win.removeEventListener('online', onOnline);
      win.document.removeEventListener('visibilitychange', onVisible);
      this.watching?.unsubscribe();
      clearTimeout(this.timer);
    });
  }

  /**
   * Saves a record: into the outbox, then straight to the server when there is a link. The form hears
   * "synced" (with the server's record), "pending" (kept here, goes by itself) or "refused" (the
   * server's reason, for the form to show; a record being fixed stays under "needs attention", a new
   * one is not kept: the form still holds it, and saving again sends the same id).
   */
  async save<T>(request: OutboxRequest): Promise<SaveOutcome<T>> {
    const user = this.auth.user();
    if (!user) throw new Error('Saving needs a signed-in user');
    if (!this.available) return this.sendDirectly<T>(request);
    let entry: OutboxEntry;
    let fixing: boolean;
    try {
      ({ entry, fixing } = await this.store(user.id, request));
    } catch {
      // The browser refused to store it (private window, disk full): the server is the only place left.
      return this.sendDirectly<T>(request);
    }
    void this.askForPersistentStorage();
    if (this.window && !this.window.navigator.onLine) return { status: 'pending' };

    const outcome = await this.withLock(() => this.sendNow<T>(entry.id, request.body, fixing));
    this.schedule();
    return outcome;
  }

  /** Seals the record into the outbox (in the place of the entry it fixes, if any). */
  private async store(userId: string, request: OutboxRequest): Promise<{ entry: OutboxEntry; fixing: boolean }> {
    const db = await this.database();
    const key = await this.keyOf(userId);
    const replaced = request.replaces ? await db.outbox.get(request.replaces) : undefined;
    const fixing = replaced?.userId === userId;
    const now = Date.now();
    const entry: OutboxEntry = {
      id: fixing && replaced ? replaced.id : newId(),
      userId,
      kind: request.kind,
      operation: request.operation,
      recordId: request.recordId,
      dependsOn: request.dependsOn ?? [],
      createdAt: fixing && replaced ? replaced.createdAt : now,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      body: await seal(key, request.body),
    };
    await db.outbox.put(entry);
    return { entry, fixing };
  }

  /** Sends what is due. Safe to call at any time and from any tab; calls made meanwhile coalesce. */
  flush(options: { linkBack?: boolean } = {}): Promise<void> {
    if (!this.available) return Promise.resolve();
    this.flushAgain = true;
    this.linkBack ||= !!options.linkBack;
    this.flushing ??= (async () => {
      try {
        while (this.flushAgain && !this.destroyed) {
          this.flushAgain = false;
          const linkBack = this.linkBack;
          this.linkBack = false;
          await this.withLock(() => this.sendDue(linkBack));
        }
      } catch {
        // The browser's database failed (evicted, closed, quota): what is stored stays; the next trigger tries again.
      } finally {
        this.flushing = null;
        this.schedule();
      }
    })();
    return this.flushing;
  }

  /** "Try again" on a record that needs attention, unchanged. */
  async resend(id: string): Promise<void> {
    const db = await this.database();
    const entry = await this.ownEntry(id);
    if (!entry) return;
    await db.outbox.put(resend(entry, Date.now()));
    await this.flush();
  }

  /** Drops one of the user's records from this device (the caller has asked for confirmation). */
  async discard(id: string): Promise<void> {
    const db = await this.database();
    const entry = await this.ownEntry(id);
    if (entry) await db.outbox.delete(entry.id);
  }

  /** "Delete my pending records": everything the signed-in user has waiting on this device. */
  async discardAll(): Promise<number> {
    const db = await this.database();
    const userId = this.auth.user()?.id;
    if (!userId) return 0;
    return db.outbox.where('userId').equals(userId).delete();
  }

  /** The opened body of one of the user's records (to fix it in its form). */
  async item(id: string): Promise<OutboxItem | null> {
    const entry = await this.ownEntry(id);
    return entry ? this.toItem(entry, await this.keyOf(entry.userId)) : null;
  }

  /** The user's waiting records as a file sealed with a passphrase they choose (to move them elsewhere). */
  async exportBackup(passphrase: string): Promise<Blob> {
    const userId = this.requireUser();
    const key = await this.keyOf(userId);
    const entries = await this.entriesOf(userId);
    const bodies: Record<string, unknown> = {};
    for (const entry of entries) bodies[entry.id] = await open(key, entry.body);
    const content: BackupContent = {
      userId,
      exportedAt: new Date().toISOString(),
      entries: entries.map(({ body: _body, userId: _user, ...rest }) => rest),
      bodies,
    };
    const file = await sealWithPassphrase(passphrase, content);
    return new Blob([JSON.stringify(file)], { type: 'application/json' });
  }

  /**
   * Loads a backup file into this device's outbox, for the same user who saved it. Entries already here
   * are skipped; the records keep their ids, so one that reached the server meanwhile is not stored twice.
   */
  async importBackup(text: string, passphrase: string): Promise<{ added: number; skipped: number }> {
    const db = await this.database();
    const userId = this.requireUser();
    let content: BackupContent;
    try {
      content = await openWithPassphrase<BackupContent>(passphrase, JSON.parse(text) as PassphraseSealed);
    } catch {
      throw new Error('backup_unreadable');
    }
    if (content.userId !== userId) throw new Error('backup_other_user');
    const key = await this.keyOf(userId);
    let added = 0;
    let skipped = 0;
    for (const entry of content.entries) {
      if (await db.outbox.get(entry.id)) {
        skipped++;
        continue;
      }
      const body = await seal(key, content.bodies[entry.id]);
      await db.outbox.put({ ...resend({ ...entry, userId, body }, Date.now()) });
      added++;
    }
    await this.flush();
    return { added, skipped };
  }

  // ── sending ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The form's own attempt: only this entry, with a short wait, and a refusal goes back to the form. A
   * new record refused on the spot is not kept (the form still holds it); a record being fixed from
   * "needs attention" stays there until it goes through or the user discards it.
   */
  private async sendNow<T>(entryId: string, body: object, keepIfRefused: boolean): Promise<SaveOutcome<T>> {
    const db = await this.database();
    const entry = await db.outbox.get(entryId);
    if (!entry) return { status: 'pending' };
    if (await this.blockedByDependency(entry)) return { status: 'pending' };
    const { record, failure } = await this.send(entry, body, FORM_SEND_TIMEOUT_MS);
    const next = afterAttempt(entry, failure, Date.now());
    if (next === null) {
      await db.outbox.delete(entry.id);
      await this.markSynced(entry.userId);
      void this.flush(); // records that waited for this one may go now
      return { status: 'synced', record: record as T };
    }
    if (next.status === 'needs_attention' && failure) {
      if (keepIfRefused) await db.outbox.put(next);
      else await db.outbox.delete(entry.id);
      return { status: 'refused', error: failure };
    }
    await db.outbox.put(next);
    return { status: 'pending' };
  }

  /**
   * Sends what is due, a few at a time (records do not depend on each other unless they say so, and a
   * hub back online after a day has hundreds). A record whose dependency is still here waits for the
   * next round, which starts as soon as this one sent anything.
   */
  private async sendDue(linkBack: boolean): Promise<void> {
    const userId = this.auth.user()?.id;
    if (!userId) return;
    const key = await this.keyOf(userId);
    const due = (await this.entriesOf(userId)).filter((entry) => isDue(entry, Date.now(), linkBack));
    let sent = 0;
    let waiting = 0;
    try {
      for (let i = 0; i < due.length; i += PARALLEL_SENDS) {
        const results = await Promise.all(due.slice(i, i + PARALLEL_SENDS).map((listed) => this.sendOne(userId, key, listed.id, linkBack)));
        sent += results.filter((r) => r === 'sent').length;
        waiting += results.filter((r) => r === 'blocked').length;
        // No link, or no session: the rest of the queue would fail the same way.
        if (results.includes('stop')) return;
      }
      if (sent && waiting) this.flushAgain = true;
    } finally {
      if (sent) await this.markSynced(userId);
    }
  }

  private async sendOne(userId: string, key: CryptoKey, entryId: string, linkBack: boolean): Promise<'sent' | 'failed' | 'stop' | 'blocked' | 'skipped'> {
    const db = await this.database();
    if (this.auth.user()?.id !== userId) return 'stop'; // signed out meanwhile
    // Read again inside the lock: the user may have fixed or discarded it since the list was read.
    const entry = await db.outbox.get(entryId);
    if (!entry || !isDue(entry, Date.now(), linkBack)) return 'skipped';
    if (await this.blockedByDependency(entry)) return 'blocked';
    this.sending.update((ids) => new Set(ids).add(entry.id));
    try {
      const { failure } = await this.send(entry, await open(key, entry.body), SEND_TIMEOUT_MS);
      const next = afterAttempt(entry, failure, Date.now());
      if (next === null) {
        await db.outbox.delete(entry.id);
        return 'sent';
      }
      await db.outbox.update(entry.id, { status: next.status, attempts: next.attempts, nextAttemptAt: next.nextAttemptAt, error: next.error });
      const verdict = judge(failure, next.attempts);
      return verdict.kind === 'wait_for_sign_in' || (verdict.kind === 'retry' && failure?.statusCode === 0) ? 'stop' : 'failed';
    } finally {
      this.sending.update((ids) => {
        const rest = new Set(ids);
        rest.delete(entry.id);
        return rest;
      });
    }
  }

  private async send(entry: OutboxEntry, body: object, waitMs: number): Promise<{ record?: unknown; failure: SendFailure | null }> {
    const url = entry.operation === 'create' ? RESOURCE[entry.kind] : `${RESOURCE[entry.kind]}/${encodeURIComponent(entry.recordId)}`;
    const call = entry.operation === 'create' ? this.http.post(url, body) : this.http.patch(url, body);
    try {
      return { record: await firstValueFrom(call.pipe(timeout(waitMs))), failure: null };
    } catch (err) {
      const failure = toApiError(err) as SendFailure;
      if (entry.operation === 'update' && failure.code === ERROR_CODES.staleVersion && (await this.editAlreadyStored(url, body))) {
        return { failure: null };
      }
      return { failure };
    }
  }

  /**
   * An edit whose answer was lost arrives again with the version it was made on, and the server answers
   * 409. If the record now holds exactly this edit, one version later, it was ours: done, not a conflict.
   */
  private async editAlreadyStored(url: string, body: object): Promise<boolean> {
    try {
      const current = await firstValueFrom(this.http.get<Record<string, unknown>>(url).pipe(timeout(SEND_TIMEOUT_MS)));
      const { version, ...changes } = body as { version: number } & Record<string, unknown>;
      return current['version'] === version + 1 && Object.entries(changes).every(([field, value]) => sameValue(current[field], value));
    } catch {
      return false;
    }
  }

  private async sendDirectly<T>(request: OutboxRequest): Promise<SaveOutcome<T>> {
    const entry = { kind: request.kind, operation: request.operation, recordId: request.recordId } as OutboxEntry;
    const { record, failure } = await this.send(entry, request.body, SEND_TIMEOUT_MS);
    return failure ? { status: 'refused', error: failure } : { status: 'synced', record: record as T };
  }

  /** A record that needs another one saved on this device first waits until that one is on the server. */
  private async blockedByDependency(entry: OutboxEntry): Promise<boolean> {
    const db = await this.database();
    if (!entry.dependsOn.length) return false;
    const waiting = await db.outbox.where('recordId').anyOf(entry.dependsOn).filter((e) => e.userId === entry.userId).count();
    return waiting > 0;
  }

  // ── bookkeeping ────────────────────────────────────────────────────────────────────────────────────

  /** Follows the user's outbox in every tab (Dexie's liveQuery re-runs when any tab writes). */
  private watch(userId: string | null): void {
    this.watching?.unsubscribe();
    this.itemsOfUser.set([]);
    this.openedBodies = new Map();
    this.loaded.set(false);
    this.lastSync.set(null);
    clearTimeout(this.timer);
    if (!userId) return;
    this.watching = from(Promise.all([import('dexie'), this.database()]))
      .pipe(
        // The query itself touches IndexedDB only, as liveQuery wants.
        switchMap(([{ liveQuery }, db]) => from(liveQuery(() => entriesIn(db, userId)))),
        switchMap((entries) => from(this.toItems(userId, entries))),
      )
      .subscribe({
        next: (items) => {
          const left = this.itemsOfUser().filter((before) => !items.some((item) => item.id === before.id)).length;
          this.itemsOfUser.set(items);
          this.loaded.set(true);
          if (left) this.departures.update((n) => n + left);
        },
        error: () => this.itemsOfUser.set([]),
      });
    this.database()
      .then((db) => db.syncMarks.get(userId))
      .then((mark) => mark && this.lastSync.set(mark.lastSyncAt), () => undefined);
    void this.flush({ linkBack: true });
  }

  private async entriesOf(userId: string): Promise<OutboxEntry[]> {
    return entriesIn(await this.database(), userId);
  }

  /**
   * Every write to the outbox (each record sent) re-runs the query: bodies already opened are reused,
   * keyed by their sealed bytes' IV (a fixed body keeps its IV, a replaced one has a new one).
   */
  private async toItems(userId: string, entries: OutboxEntry[]): Promise<OutboxItem[]> {
    const key = await this.keyOf(userId);
    const opened = new Map<string, Record<string, unknown>>();
    const items = await Promise.all(
      entries.map(async (entry) => {
        const ivKey = `${entry.id}:${entry.body.iv}`;
        const body = this.openedBodies.get(ivKey) ?? (await open<Record<string, unknown>>(key, entry.body));
        opened.set(ivKey, body);
        return this.itemOf(entry, body);
      }),
    );
    this.openedBodies = opened;
    return items;
  }

  private async toItem(entry: OutboxEntry, key: CryptoKey): Promise<OutboxItem> {
    return this.itemOf(entry, await open<Record<string, unknown>>(key, entry.body));
  }

  private itemOf(entry: OutboxEntry, body: Record<string, unknown>): OutboxItem {
    const { body: _sealed, userId: _userId, dependsOn: _deps, nextAttemptAt: _next, ...rest } = entry;
    return { ...rest, body };
  }

  private async ownEntry(id: string): Promise<OutboxEntry | undefined> {
    const db = await this.database();
    const entry = await db.outbox.get(id);
    return entry && entry.userId === this.auth.user()?.id ? entry : undefined;
  }

  private requireUser(): string {
    const userId = this.auth.user()?.id;
    if (!userId) throw new Error('No signed-in user');
    return userId;
  }

  private async markSynced(userId: string): Promise<void> {
    const db = await this.database();
    const now = Date.now();
    await db.syncMarks.put({ userId, lastSyncAt: now });
    if (this.auth.user()?.id === userId) this.lastSync.set(now);
  }

  private keyOf(userId: string): Promise<CryptoKey> {
    return this.keys.of(userId);
  }

  /** Wakes up for the next record whose backoff ends. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.destroyed) return;
    this.nextDue().then(
      (at) => {
        if (at === null || this.destroyed) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), Math.max(0, at - Date.now()));
      },
      () => undefined,
    );
  }

  private async nextDue(): Promise<number | null> {
    const userId = this.auth.user()?.id;
    if (!userId) return null;
    const pending = (await this.entriesOf(userId)).filter((e) => e.status === 'pending');
    return pending.length ? Math.min(...pending.map((e) => e.nextAttemptAt)) : null;
  }

  /** Asks once that the browser never evicts the outbox to free space; the outbox page shows the answer. */
  private async askForPersistentStorage(): Promise<void> {
    if (this.persistence() !== 'unknown') return;
    const storage = this.window?.navigator.storage;
    if (!storage?.persist) {
      this.persistence.set('unsupported');
      return;
    }
    try {
      const granted = (await storage.persisted?.()) || (await storage.persist());
      this.persistence.set(granted ? 'granted' : 'refused');
    } catch {
      this.persistence.set('refused');
    }
  }

  /** Every tab takes the same Web Lock to send, so a record is never on its way twice at once. */
  private withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = this.window?.navigator.locks;
    if (locks) return locks.request(LOCK_NAME, work) as Promise<T>;
    const run = this.localLock.then(work, work);
    this.localLock = run.catch(() => undefined);
    return run;
  }
}

/** One user's outbox, oldest first. */
function entriesIn(db: OfflineDb, userId: string): Promise<OutboxEntry[]> {
  return db.outbox.where('[userId+createdAt]').between([userId, -Infinity], [userId, Infinity]).toArray();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

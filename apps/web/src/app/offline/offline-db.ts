// The browser's own database (IndexedDB, through Dexie): the outbox of records saved here and not yet
// on the server, each user's encryption key, the offline session and per-user copies of what the forms
// need offline. Dexie because its `liveQuery` re-runs a query when another tab writes, so every open tab
// shows the same outbox without a message bus of our own.
import Dexie, { type Table } from 'dexie';
import type { CurrentUser } from '@mih/contracts';
import type { Sealed } from './sealed-box';
import type { OutboxEntryState } from './outbox-rules';

export const OUTBOX_KINDS = ['person', 'visit', 'activity', 'case'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxOperation = 'create' | 'update';

/** One record waiting to reach the server. Only the body is sealed; the rest says where it goes. */
export interface OutboxEntry extends OutboxEntryState {
  /** Its own id (a record may have a create and later an edit waiting). */
  id: string;
  userId: string;
  kind: OutboxKind;
  operation: OutboxOperation;
  /** The record's id: client-generated for a create, so every retry is the same create. */
  recordId: string;
  /** Records of this outbox that must reach the server first (a visit for a person created offline). */
  dependsOn: string[];
  createdAt: number;
  body: Sealed;
}

export interface StoredKey {
  userId: string;
  key: CryptoKey;
}

/** The last user signed in here, so the app can open offline; removed when they sign out. */
export interface StoredSession {
  id: 'last';
  user: CurrentUser;
  savedAt: number;
}

/** A sealed copy of an answer the forms need offline (hubs, reference lists, own recent records). */
export interface CachedAnswer {
  /** `${userId}:${key}` */
  id: string;
  userId: string;
  savedAt: number;
  value: Sealed;
}

/** When the user's records last reached the server (shown in the shell). */
export interface SyncMark {
  userId: string;
  lastSyncAt: number;
}

export class OfflineDb extends Dexie {
  outbox!: Table<OutboxEntry, string>;
  keys!: Table<StoredKey, string>;
  sessions!: Table<StoredSession, string>;
  cache!: Table<CachedAnswer, string>;
  syncMarks!: Table<SyncMark, string>;

  constructor(name = 'mih-offline') {
    super(name);
    this.version(1).stores({
      outbox: 'id, userId, [userId+createdAt], recordId',
      keys: 'userId',
      sessions: 'id',
      cache: 'id, userId',
      syncMarks: 'userId',
    });
  }
}

let shared: OfflineDb | undefined;

/** One connection per page to the browser profile's database (every tab opens its own). */
export function sharedOfflineDb(): OfflineDb {
  shared ??= new OfflineDb();
  return shared;
}


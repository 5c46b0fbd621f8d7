// How services reach the browser's database: loaded on first use, so the first page a phone downloads
// carries no Dexie (about 30 kB); the screens that need the outbox wait for it a moment later.
import { InjectionToken } from '@angular/core';
import type { OfflineDb } from './offline-db';

export type OfflineDbLoader = () => Promise<OfflineDb>;

export const OFFLINE_DB = new InjectionToken<OfflineDbLoader>('OFFLINE_DB', {
  providedIn: 'root',
  factory: () => () => import('./offline-db').then((m) => m.sharedOfflineDb()),
});

// The last user signed in on this browser, so that the app opens (and the outbox keeps its owner) when
// the next start finds no network. Signing out, the idle limit or an ended session remove it.
import { Injectable } from '@angular/core';
import type { CurrentUser } from '@mih/contracts';
import type { OfflineDb } from './offline-db';

/** A device offline longer than this since its user last reached the server asks them to sign in again. */
export const OFFLINE_SESSION_MAX_MS = 72 * 60 * 60 * 1000;

@Injectable({ providedIn: 'root' })
export class OfflineSessionStore {
  /** Loaded on first use: the sign-in page's first load carries no database code. */
  private db(): Promise<OfflineDb> {
    return import('./offline-db').then((m) => m.sharedOfflineDb());
  }

  /** Called whenever the server confirms the session (sign-in, each token refresh). */
  remember(user: CurrentUser): void {
    this.db()
      .then((db) => db.sessions.put({ id: 'last', user, savedAt: Date.now() }))
      .catch(() => undefined);
  }

  forget(): void {
    this.db()
      .then((db) => db.sessions.delete('last'))
      .catch(() => undefined);
  }

  /** The user to resume offline, or null (none, too old, or no IndexedDB here). */
  async last(now = Date.now()): Promise<CurrentUser | null> {
    try {
      const stored = await (await this.db()).sessions.get('last');
      return stored && now - stored.savedAt <= OFFLINE_SESSION_MAX_MS ? stored.user : null;
    } catch {
      return null;
    }
  }
}

// Each user's sealing key: made by WebCrypto on first use, never extractable, kept in this browser's
// database so it survives reloads. Two tabs asking at once get the same key (one transaction decides).
import { Injectable, inject } from '@angular/core';
import { OFFLINE_DB } from './offline-db.token';
import { newUserKey } from './sealed-box';

@Injectable({ providedIn: 'root' })
export class UserKeys {
  private readonly database = inject(OFFLINE_DB);
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  of(userId: string): Promise<CryptoKey> {
    let key = this.keys.get(userId);
    if (!key) {
      key = Promise.all([this.database(), newUserKey()]).then(([db, created]) =>
        // Made before the transaction: an IndexedDB transaction must not wait on other async work.
        db.transaction('rw', db.keys, async () => {
          const stored = await db.keys.get(userId);
          if (stored) return stored.key;
          await db.keys.put({ userId, key: created });
          return created;
        }),
      );
      this.keys.set(userId, key);
      key.catch(() => this.keys.delete(userId));
    }
    return key;
  }
}

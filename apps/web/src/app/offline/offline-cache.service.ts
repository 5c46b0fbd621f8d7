// What the forms need to work offline (active hubs, reference lists, the user's recent activities):
// each answer is kept sealed with the user's key, and given back when the server cannot be reached.
// Per user, so another user of a shared computer never sees it; never in the service worker's cache.
import { Injectable, inject } from '@angular/core';
import { type Observable, catchError, from, of, switchMap, tap, throwError } from 'rxjs';
import { isNoAnswer, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { OFFLINE_DB } from './offline-db.token';
import { canSeal, open, seal } from './sealed-box';
import { UserKeys } from './user-keys';

@Injectable({ providedIn: 'root' })
export class OfflineCacheService {
  private readonly database = inject(OFFLINE_DB);
  private readonly keys = inject(UserKeys);
  private readonly auth = inject(AuthService);
  private readonly available = canSeal();

  /** The source's answer (and keeps a copy); with no answer from the server, the last copy kept. */
  remember<T>(key: string, source: Observable<T>): Observable<T> {
    if (!this.available) return source;
    return source.pipe(
      tap((value) => void this.store(key, value)),
      catchError((err: unknown) => {
        if (!isNoAnswer(toApiError(err))) return throwError(() => err);
        return from(this.read<T>(key)).pipe(switchMap((kept) => (kept === undefined ? throwError(() => err) : of(kept))));
      }),
    );
  }

  private async store(key: string, value: unknown): Promise<void> {
    const userId = this.auth.user()?.id;
    if (!userId) return;
    try {
      const sealed = await seal(await this.keys.of(userId), value);
      await (await this.database()).cache.put({ id: `${userId}:${key}`, userId, savedAt: Date.now(), value: sealed });
    } catch {
      // A copy that could not be kept only means this form will not work offline.
    }
  }

  private async read<T>(key: string): Promise<T | undefined> {
    const userId = this.auth.user()?.id;
    if (!userId) return undefined;
    try {
      const kept = await (await this.database()).cache.get(`${userId}:${key}`);
      return kept ? await open<T>(await this.keys.of(userId), kept.value) : undefined;
    } catch {
      return undefined;
    }
  }
}

// Whether the browser believes it has a network link. "Online" is only a hint (a link may be up with the
// server unreachable), so nothing relies on it alone: the outbox still tries, and a failure is the truth.
import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';

@Injectable({ providedIn: 'root' })
export class ConnectionService {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly state = signal(this.window?.navigator.onLine ?? true);

  readonly online = this.state.asReadonly();

  constructor() {
    const win = this.window;
    if (!win) return;
    const update = () => this.state.set(win.navigator.onLine);
    win.addEventListener('online', update);
    win.addEventListener('offline', update);
    inject(DestroyRef).onDestroy(() => {
      win.removeEventListener('online', update);
      win.removeEventListener('offline', update);
    });
  }
}

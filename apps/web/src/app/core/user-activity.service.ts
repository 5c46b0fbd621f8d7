// When the person at the keyboard last did something: decides whether to keep the session alive.
import { DOCUMENT, Injectable, inject } from '@angular/core';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

@Injectable({ providedIn: 'root' })
export class UserActivityService {
  private lastActivity = Date.now();

  constructor() {
    const record = () => (this.lastActivity = Date.now());
    // Plain listeners: with zoneless change detection they cost nothing but a timestamp.
    for (const type of ACTIVITY_EVENTS) {
      inject(DOCUMENT).addEventListener(type, record, { capture: true, passive: true });
    }
  }

  get lastActivityAt(): number {
    return this.lastActivity;
  }

  /** Counts a sign-in or a page load as activity. */
  touch(): void {
    this.lastActivity = Date.now();
  }
}

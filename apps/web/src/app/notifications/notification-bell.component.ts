// The bell in the toolbar: my unread notifications, counted again after each navigation and every few
// minutes (only while someone uses the app, so an unattended screen does not keep its session alive),
// listed in a menu that opens the referral and marks it read.
import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NavigationEnd, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Notification } from '@mih/contracts';
import { catchError, filter, of } from 'rxjs';
import { UserActivityService } from '../core/user-activity.service';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { IconComponent } from '../shared/icon.component';
import { NotificationsService } from './notifications.service';

/** How often the count is refreshed without a navigation. */
export const UNREAD_POLL_MS = 5 * 60 * 1000;
const MENU_SIZE = 20;

@Component({
  selector: 'mih-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatMenuModule, MatProgressBarModule, TranslocoPipe, LocalDatePipe, IconComponent],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      (menuOpened)="loadList()"
      [attr.aria-label]="'notifications.bell' | transloco: { count: unread() }"
    >
      <mih-icon
        name="notifications"
        [matBadge]="unread() > 99 ? '99+' : unread()"
        [matBadgeHidden]="unread() === 0"
        matBadgeColor="warn"
        matBadgeSize="medium"
        aria-hidden="true"
      />
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="notification-menu">
      <div class="menu-title" aria-hidden="true">{{ 'notifications.title' | transloco }}</div>
      @if (unread() > 0) {
        <button mat-menu-item type="button" (click)="markAllRead()">
          <mih-icon name="doneAll" />
          <span>{{ 'notifications.readAll' | transloco }}</span>
        </button>
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @for (item of items(); track item.id) {
        <button mat-menu-item type="button" class="item" [class.unread]="!item.readAt" (click)="open(item)">
          <span class="item-text">
            <span class="item-title">{{ 'notifications.kinds.' + item.kind | transloco: { code: item.personCode } }}</span>
            <span class="item-meta">
              {{ item.createdAt | localDate: lang() : true }}
              @if (!item.readAt) {
                · {{ 'notifications.unread' | transloco }}
              }
            </span>
          </span>
        </button>
      } @empty {
        @if (!loading()) {
          <p class="empty">{{ 'notifications.empty' | transloco }}</p>
        }
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .menu-title {
      padding: 8px 16px 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .item {
      height: auto;
      min-height: 56px;
      max-width: 360px;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .item-text {
      display: flex;
      flex-direction: column;
      white-space: normal;
      line-height: 1.3;
    }
    .item.unread .item-title {
      font-weight: 600;
    }
    .item-meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      margin: 0;
      padding: 12px 16px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBellComponent {
  private readonly notifications = inject(NotificationsService);
  private readonly router = inject(Router);
  private readonly activity = inject(UserActivityService);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(LanguageService).lang;

  protected readonly unread = signal(0);
  protected readonly items = signal<Notification[]>([]);
  protected readonly loading = signal(false);
  private lastCountAt = 0;

  constructor() {
    this.refreshCount();
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.refreshCount());
    const timer = setInterval(() => {
      if (this.document.visibilityState === 'hidden' || this.activity.lastActivityAt < this.lastCountAt) return;
      this.refreshCount();
    }, UNREAD_POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected loadList(): void {
    this.loading.set(true);
    this.notifications
      .list({ limit: MENU_SIZE })
      .pipe(catchError(() => of({ items: [] as Notification[], nextCursor: null })))
      .subscribe((page) => {
        this.loading.set(false);
        this.items.set(page.items);
      });
  }

  protected open(item: Notification): void {
    if (!item.readAt) {
      this.notifications.markRead(item.id).pipe(catchError(() => of(undefined))).subscribe(() => this.refreshCount());
      this.items.update((items) => items.map((i) => (i.id === item.id ? { ...i, readAt: new Date().toISOString() } : i)));
    }
    void this.router.navigate(['/referrals', item.referralId]);
  }

  protected markAllRead(): void {
    this.notifications
      .markAllRead()
      .pipe(catchError(() => of(undefined)))
      .subscribe(() => {
        const now = new Date().toISOString();
        this.items.update((items) => items.map((i) => ({ ...i, readAt: i.readAt ?? now })));
        this.unread.set(0);
      });
  }

  private refreshCount(): void {
    this.lastCountAt = Date.now();
    this.notifications
      .unreadCount()
      .pipe(catchError(() => of(null)))
      .subscribe((count) => count !== null && this.unread.set(count));
  }
}

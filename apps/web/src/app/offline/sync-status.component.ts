// The toolbar's word on the outbox: how many records wait, whether one needs attention, when the last
// one reached the server, and "offline" when the browser has no link. A link to /outbox.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { IconComponent, type IconName } from '../shared/icon.component';
import { ConnectionService } from './connection.service';
import { OutboxService } from './outbox.service';
import { dateTimeFormat } from '../i18n/intl-locales';

@Component({
  selector: 'mih-sync-status',
  imports: [RouterLink, MatButtonModule, TranslocoPipe, IconComponent],
  template: `
    <a
      mat-button
      routerLink="/outbox"
      class="sync-status"
      [class.attention]="outbox.attentionCount() > 0"
      [class.offline]="!online()"
      [attr.aria-label]="'offline.statusLabel' | transloco: { state: stateText() }"
    >
      <mih-icon [name]="icon()" />
      @if (waitingTotal(); as total) {
        <span class="count" aria-hidden="true">{{ total }}</span>
      }
      <span class="text" aria-hidden="true">
        <span class="main">{{ mainText() }}</span>
        @if (lastSyncText(); as last) {
          <span class="last">{{ last }}</span>
        }
      </span>
    </a>
    <span class="visually-hidden" role="status" aria-live="polite">{{ liveText() }}</span>
  `,
  styles: `
    .sync-status {
      min-height: 44px;
    }
    .text {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-start;
      line-height: 1.15;
      margin-left: 4px;
    }
    .last {
      font-size: 0.75rem;
      opacity: 0.9;
    }
    /* Dark on light amber, whatever the bar's colour (two classes: above Material's button colour). */
    .sync-status.attention {
      background: #fff4e5;
      color: #5f2b00;
    }
    .count {
      display: none;
    }
    /* On a phone the bar has room for the icon and the number waiting only (the name says it in full). */
    @media (max-width: 599.98px) {
      .sync-status {
        min-width: 48px;
        padding: 0 8px;
      }
      .text {
        display: none;
      }
      .count {
        display: inline;
        margin-left: 2px;
        font-weight: 600;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncStatusComponent {
  protected readonly outbox = inject(OutboxService);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(LanguageService).lang;
  protected readonly online = inject(ConnectionService).online;

  protected readonly icon = computed<IconName>(() => {
    if (!this.online()) return 'cloudOff';
    if (this.outbox.attentionCount()) return 'warning';
    return this.outbox.waitingCount() ? 'sync' : 'cloudDone';
  });

  /** Records on this device not yet on the server, whatever their state (the phone shows the number). */
  protected readonly waitingTotal = computed(() => this.outbox.items().length);

  protected readonly mainText = computed(() => {
    this.lang();
    const attention = this.outbox.attentionCount();
    const waiting = this.outbox.waitingCount();
    if (attention) return this.transloco.translate('offline.attention', { count: attention });
    if (waiting) return this.transloco.translate('offline.waiting', { count: waiting });
    if (!this.online()) return this.transloco.translate('offline.offlineNow');
    return this.outbox.ready() ? this.transloco.translate('offline.allSynced') : '…';
  });

  protected readonly lastSyncText = computed(() => {
    this.lang();
    const at = this.outbox.lastSyncAt();
    if (at === null) return this.outbox.items().length ? this.transloco.translate('offline.neverSynced') : null;
    const time = dateTimeFormat(this.lang(), sameDay(at) ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(at);
    return this.transloco.translate('offline.lastSync', { time });
  });

  protected readonly stateText = computed(() => [this.online() ? '' : this.transloco.translate('offline.offlineNow'), this.mainText(), this.lastSyncText()].filter(Boolean).join('. '));

  /** Read out when something changes, not on every render. */
  protected readonly liveText = computed(() => (this.outbox.attentionCount() ? this.mainText() : ''));
}

function sameDay(epochMs: number): boolean {
  return new Date(epochMs).toDateString() === new Date().toDateString();
}

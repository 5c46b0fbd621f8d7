// "Waiting to be sent" (/outbox): everything the user saved on this device that the server does not
// have yet, what needs their attention, and the way out when a browser must be cleared or a computer
// replaced (an encrypted backup file they can load elsewhere).
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { ConnectionService } from './connection.service';
import { OutboxItemsComponent } from './outbox-items.component';
import { OutboxService } from './outbox.service';
import { PASSPHRASE_MIN_LENGTH } from './sealed-box';

@Component({
  selector: 'mih-outbox-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    LocalDatePipe,
    FieldErrorComponent,
    IconComponent,
    OutboxItemsComponent,
  ],
  template: `
    <header class="page-header">
      <h1 tabindex="-1">{{ 'offline.title' | transloco }}</h1>
    </header>
    <p class="intro">{{ 'offline.intro' | transloco }}</p>

    @if (!outbox.available) {
      <p class="notice error" role="alert">{{ 'offline.unavailable' | transloco }}</p>
    }

    <section class="panel status" aria-live="polite">
      <p>
        <strong>{{ 'offline.waiting' | transloco: { count: outbox.waitingCount() } }}</strong>
        @if (outbox.attentionCount()) {
          · <strong class="attention">{{ 'offline.attention' | transloco: { count: outbox.attentionCount() } }}</strong>
        }
      </p>
      <p class="muted">
        @if (outbox.lastSyncAt(); as at) {
          {{ 'offline.lastSync' | transloco: { time: (isoOf(at) | localDate: lang() : true) } }}
        } @else {
          {{ 'offline.neverSynced' | transloco }}
        }
        @if (!online()) {
          · {{ 'offline.offlineNow' | transloco }}
        }
      </p>
      @if (persistenceKey(); as key) {
        <p class="muted persistence">{{ key | transloco }}</p>
      }
      @if (outbox.waitingCount()) {
        <button mat-stroked-button type="button" (click)="sendNow()" [disabled]="!online()">
          <mih-icon name="sync" />{{ 'offline.actions.sendNow' | transloco }}
        </button>
      }
    </section>

    @if (outbox.items().length === 0) {
      <p class="empty-state panel">{{ 'offline.empty' | transloco }}</p>
    } @else {
      <mih-outbox-items [heading]="null" />
    }

    <section class="panel backup" [attr.aria-labelledby]="'backup-title'">
      <h2 id="backup-title">{{ 'offline.backup.title' | transloco }}</h2>
      <p>{{ 'offline.backup.intro' | transloco }}</p>
      <form [formGroup]="backup" novalidate (ngSubmit)="saveBackup()">
        <mat-form-field data-field="passphrase">
          <mat-label>{{ 'offline.backup.passphrase' | transloco }}</mat-label>
          <input matInput type="password" formControlName="passphrase" autocomplete="new-password" />
          <mat-hint>{{ 'offline.backup.passphraseHint' | transloco }}</mat-hint>
          <mat-error><mih-field-error [errors]="backup.controls.passphrase.errors" /></mat-error>
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()">
            <mih-icon name="download" />{{ 'offline.backup.save' | transloco }}
          </button>
          <button mat-stroked-button type="button" (click)="file.click()" [disabled]="busy()">
            <mih-icon name="upload" />{{ 'offline.backup.load' | transloco }}
          </button>
          <input #file type="file" class="visually-hidden" accept=".json,.mihbackup,application/json" [attr.aria-label]="'offline.backup.file' | transloco" (change)="loadBackup(file)" />
        </div>
      </form>
      @if (backupErrorKey(); as key) {
        <p class="notice error" role="alert">{{ key | transloco }}</p>
      }
    </section>

    @if (outbox.items().length) {
      <section class="danger">
        <button mat-stroked-button type="button" class="discard-all" (click)="discardAll()">
          <mih-icon name="delete" />{{ 'offline.discardAll' | transloco }}
        </button>
      </section>
    }
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .status,
    .backup {
      margin-bottom: 16px;
    }
    .status p {
      margin: 4px 0;
    }
    .attention {
      color: #8c1d18;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 12px;
    }
    .actions button,
    .status button,
    .danger button {
      min-height: 44px;
    }
    mat-form-field {
      width: min(100%, 420px);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPageComponent {
  protected readonly outbox = inject(OutboxService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly online = inject(ConnectionService).online;
  protected readonly lang = inject(LanguageService).lang;
  protected readonly busy = signal(false);
  protected readonly backupErrorKey = signal<string | null>(null);

  protected readonly backup = inject(NonNullableFormBuilder).group({
    passphrase: ['', [Validators.required, Validators.minLength(PASSPHRASE_MIN_LENGTH)]],
  });

  protected readonly persistenceKey = computed(() => {
    const state = this.outbox.storagePersistence();
    return state === 'unknown' ? null : `offline.persistence.${state}`;
  });

  protected isoOf(epochMs: number): string {
    return new Date(epochMs).toISOString();
  }

  protected sendNow(): void {
    void this.outbox.flush({ linkBack: true });
  }

  protected async saveBackup(): Promise<void> {
    this.backupErrorKey.set(null);
    if (this.backup.invalid) {
      this.backup.markAllAsTouched();
      return;
    }
    if (this.outbox.items().length === 0) {
      this.backupErrorKey.set('offline.backup.nothing');
      return;
    }
    this.busy.set(true);
    try {
      const blob = await this.outbox.exportBackup(this.backup.controls.passphrase.value);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `mih-pendientes-${new Date().toISOString().slice(0, 10)}.mihbackup`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.notify('offline.backup.saved');
    } finally {
      this.busy.set(false);
    }
  }

  protected async loadBackup(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    this.backupErrorKey.set(null);
    if (!file) return;
    if (this.backup.invalid) {
      this.backup.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const result = await this.outbox.importBackup(await file.text(), this.backup.controls.passphrase.value);
      this.notify('offline.backup.loaded', result);
    } catch (err) {
      this.backupErrorKey.set(err instanceof Error && err.message === 'backup_other_user' ? 'offline.backup.otherUser' : 'offline.backup.unreadable');
    } finally {
      this.busy.set(false);
    }
  }

  protected discardAll(): void {
    const data: ConfirmDialogData = {
      title: 'offline.discardAllTitle',
      message: 'offline.discardAllMessage',
      confirm: 'offline.discardAll',
      params: { count: this.outbox.items().length },
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe(async (confirmed) => {
        if (!confirmed) return;
        await this.outbox.discardAll();
        this.notify('offline.discardedAll');
      });
  }

  private notify(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.ok'), { duration: 5000 });
  }
}

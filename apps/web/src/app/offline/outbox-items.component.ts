// The user's records waiting on this device, each with its state, the server's reason when it refused
// one, and what can be done about it (fix, try again, discard). On the outbox page for every kind, and
// on top of each list ("pending" first) for that list's kind.
import { ChangeDetectionStrategy, Component, Injector, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { errorMessageKey } from '../core/api-error';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../i18n/local-date.pipe';
import { ReferenceListsService, referenceLabel } from '../reference-lists/reference-lists.service';
import type { ConfirmDialogData } from '../shared/confirm-dialog.component';
import { IconComponent } from '../shared/icon.component';
import type { OutboxKind } from './offline-db';
import { type OutboxItem, OutboxService } from './outbox.service';

/** Where a refused create is fixed: its own form, with the entry to load. */
const FIX_ROUTE: Record<OutboxKind, string> = {
  visit: '/visits/new',
  activity: '/activities/new',
  case: '/cases/new',
  person: '',
};

/** Where an edit's record lives (to redo the change on what the server has now). */
const RECORD_ROUTE: Record<OutboxKind, string> = {
  visit: '',
  activity: '/activities',
  case: '/cases',
  person: '/persons',
};

@Component({
  selector: 'mih-outbox-items',
  imports: [MatButtonModule, TranslocoPipe, IconComponent],
  template: `
    @if (shown().length) {
      <section class="outbox-items panel" [attr.aria-label]="(heading() ?? 'offline.pendingInList') | transloco">
        @if (heading() !== null) {
          <h2 class="heading">{{ heading() ?? 'offline.pendingInList' | transloco }}</h2>
        }
        <ul role="list">
          @for (item of shown(); track item.id) {
            <li class="item" [class.attention]="item.status === 'needs_attention'" [attr.data-record-id]="item.recordId">
              <div class="line">
                <span class="state state-{{ item.status }}">{{ 'offline.status.' + item.status | transloco }}</span>
                <span class="kind">{{ 'offline.kinds.' + item.kind | transloco }} · {{ 'offline.operations.' + item.operation | transloco }}</span>
              </div>
              <div class="summary">{{ summary(item) }}</div>
              <div class="muted">{{ 'offline.savedAt' | transloco: { date: savedAt(item) } }}</div>
              @if (item.status === 'needs_attention' && item.error) {
                <p class="reason" role="note">
                  {{ errorKey(item) | transloco }}
                  @if (item.error.errors?.length) {
                    <span class="fields">({{ fieldList(item) }})</span>
                  }
                </p>
                <div class="actions">
                  @if (canFix(item)) {
                    <button mat-flat-button type="button" (click)="fix(item)">
                      <mih-icon name="edit" />{{ 'offline.actions.fix' | transloco }}
                    </button>
                  } @else if (recordRoute(item)) {
                    <button mat-stroked-button type="button" (click)="openRecord(item)">{{ 'offline.actions.open' | transloco }}</button>
                  }
                  <button mat-stroked-button type="button" (click)="resend(item)">
                    <mih-icon name="sync" />{{ 'offline.actions.resend' | transloco }}
                  </button>
                  <button mat-button type="button" class="discard" (click)="discard(item)">
                    <mih-icon name="delete" />{{ 'offline.actions.discard' | transloco }}
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .outbox-items {
      margin-bottom: 16px;
    }
    .heading {
      font-size: 1rem;
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      padding: 10px 0;
      border-top: 1px solid var(--mih-border, #d9dde3);
    }
    .item:first-child {
      border-top: 0;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .state {
      font-size: 0.8125rem;
      font-weight: 600;
      padding: 2px 8px;
      border-radius: 12px;
      background: #e8eef7;
      color: #16325c;
    }
    .state-needs_attention {
      background: #fdecea;
      color: #8c1d18;
    }
    .summary {
      margin-top: 4px;
    }
    .reason {
      margin: 6px 0;
      color: #8c1d18;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxItemsComponent {
  private readonly outbox = inject(OutboxService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private readonly lists = inject(ReferenceListsService).lists;
  protected readonly lang = inject(LanguageService).lang;
  private readonly dates = new LocalDatePipe();

  /** Only records of these kinds (all when empty). */
  readonly kinds = input<OutboxKind[]>([]);
  /** Heading key; `null` for none (the outbox page has its own). */
  readonly heading = input<string | null | undefined>(undefined);

  protected readonly shown = computed(() => {
    const kinds = this.kinds();
    return this.outbox.items().filter((item) => kinds.length === 0 || kinds.includes(item.kind));
  });

  protected summary(item: OutboxItem): string {
    const lists = this.lists();
    const body = item.body as Record<string, string | string[] | undefined>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const label = (items: { code: string; label: string }[], code: unknown) => referenceLabel(items, text(code));
    const date = (value: unknown, withTime = false) => this.dates.transform(text(value), this.lang(), withTime);
    const parts: string[] = [];
    switch (item.kind) {
      case 'visit':
        parts.push(date(body['occurredAt'], true), label(lists.channels, body['channel']));
        parts.push(body['personId'] ? '' : [label(lists.sexes, body['sex']), text(body['ageBand'])].filter(Boolean).join(' '));
        parts.push((body['topics'] as string[] | undefined)?.map((code) => label(lists.topics, code)).join(', ') ?? '');
        break;
      case 'activity':
        parts.push(date(body['occurredOn']), this.activityType(text(body['type'])), text(body['place']));
        break;
      case 'case':
        parts.push(label(lists.needCategories, body['needCategory']), [label(lists.sexes, body['sex']), text(body['ageBand'])].filter(Boolean).join(' '));
        break;
      case 'person':
        parts.push(label(lists.sexes, body['sex']), text(body['ageBand']) || text(body['birthYear']), label(lists.profiles, body['profile']));
        break;
    }
    return parts.filter(Boolean).join(' · ');
  }

  protected savedAt(item: OutboxItem): string {
    return this.dates.transform(new Date(item.createdAt).toISOString(), this.lang(), true);
  }

  protected errorKey(item: OutboxItem): string {
    return item.error ? errorMessageKey(item.error) : '';
  }

  protected fieldList(item: OutboxItem): string {
    return (item.error?.errors ?? []).map((e) => e.field).join(', ');
  }

  protected canFix(item: OutboxItem): boolean {
    return item.operation === 'create' && !!FIX_ROUTE[item.kind];
  }

  protected recordRoute(item: OutboxItem): string {
    return item.operation === 'update' && RECORD_ROUTE[item.kind] ? `${RECORD_ROUTE[item.kind]}/${item.recordId}` : '';
  }

  protected fix(item: OutboxItem): void {
    void this.router.navigate([FIX_ROUTE[item.kind]], { queryParams: { fix: item.id } });
  }

  protected openRecord(item: OutboxItem): void {
    void this.router.navigateByUrl(this.recordRoute(item));
  }

  protected resend(item: OutboxItem): void {
    void this.outbox.resend(item.id);
  }

  protected discard(item: OutboxItem): void {
    const data: ConfirmDialogData = { title: 'offline.discardTitle', message: 'offline.discardMessage', confirm: 'offline.actions.discard' };
    // The dialog's code loads when asked for: these items sit on top of every list, on every first load.
    void Promise.all([
      import('@angular/material/dialog'),
      import('@angular/material/snack-bar'),
      import('../shared/confirm-dialog.component'),
    ]).then(([{ MatDialog }, { MatSnackBar }, { ConfirmDialogComponent }]) =>
      this.injector
        .get(MatDialog)
        .open(ConfirmDialogComponent, { data })
        .afterClosed()
        .subscribe(async (confirmed) => {
          if (!confirmed) return;
          await this.outbox.discard(item.id);
          const t = (key: string) => this.transloco.translate(key);
          this.injector.get(MatSnackBar).open(t('offline.discarded'), t('common.ok'), { duration: 4000 });
        }),
    );
  }

  private activityType(code: string): string {
    return this.transloco.translate(`activityTypes.${code}`);
  }
}

// The status around a paged list: progress bar and load error above it ("top"), empty state and
// "load more" below it ("bottom"), so every list page shows loading, failure and paging alike.
import { ChangeDetectionStrategy, Component, type Signal, booleanAttribute, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the status reads of a list; a PagedList fits. */
export interface ListState {
  readonly items: Signal<readonly unknown[]>;
  readonly nextCursor: Signal<string | null>;
  readonly loading: Signal<boolean>;
  readonly errorKey: Signal<string | null>;
  loadMore(): void;
}

@Component({
  selector: 'mih-list-status',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe],
  template: `
    @let l = list();
    @if (part() === 'top') {
      <div class="progress-slot">
        @if (l.loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
      </div>
      @if (l.errorKey(); as key) {
        <p class="notice error" role="alert">{{ key | transloco }}</p>
      }
    } @else {
      @if (!l.loading() && !l.errorKey() && l.items().length === 0) {
        <p class="empty-state" [class.panel]="panel()">{{ emptyKey() | transloco }}</p>
      }
      @if (l.nextCursor()) {
        <div class="load-more">
          <button mat-stroked-button type="button" [class.tall]="tall()" (click)="l.loadMore()" [disabled]="l.loading()">
            {{ 'common.loadMore' | transloco }}
          </button>
        </div>
      }
    }
  `,
  // Its blocks lay out as if written in the page itself (no box of its own).
  styles: `
    :host {
      display: contents;
    }
    .tall {
      min-height: 48px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatusComponent {
  readonly list = input.required<ListState>();
  /** "top" goes above the list, "bottom" below it. */
  readonly part = input.required<'top' | 'bottom'>();
  /** Translation key of the message when nothing matches (bottom only). */
  readonly emptyKey = input('');
  /** Card lists draw the empty state as a card of its own. */
  readonly panel = input(false, { transform: booleanAttribute });
  /** Phone-first pages want a 48px "load more" target. */
  readonly tall = input(false, { transform: booleanAttribute });
}

// The response timer of a case: how long it has waited (or waited) for the hub; red past the limit.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Case } from '@mih/contracts';
import { IconComponent } from '../shared/icon.component';

@Component({
  selector: 'mih-case-timer',
  imports: [TranslocoPipe, IconComponent],
  template: `
    <span class="timer" [class.overdue]="found().overdue" [class.answered]="answered()">
      <mih-icon [name]="found().overdue ? 'warning' : 'schedule'" />
      {{ label() | transloco: { hours: found().waitingHours } }}
    </span>
  `,
  styles: `
    .timer {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      /* Wraps on a narrow phone ("Overdue: 60 h without a response" is wider than 320 px allows). */
      border-radius: 14px;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-label-large);
    }
    .timer mih-icon {
      flex-shrink: 0;
      width: 18px;
      height: 18px;
    }
    .timer.overdue {
      background: #b3261e;
      color: #ffffff;
    }
    .timer.answered {
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTimerComponent {
  readonly found = input.required<Pick<Case, 'overdue' | 'waitingHours' | 'status' | 'takenAt' | 'closedAt'>>({ alias: 'case' });
  protected readonly answered = computed(() => this.found().status !== 'new');
  protected readonly label = computed(() =>
    this.found().overdue ? 'inbox.overdue' : this.answered() ? 'inbox.waited' : 'inbox.waiting',
  );
}

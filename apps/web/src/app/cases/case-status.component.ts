// A case's status as a coloured badge, with the outcome once closed.
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseOutcome, CaseStatus } from '@mih/contracts';

@Component({
  selector: 'mih-case-status',
  imports: [TranslocoPipe],
  template: `
    <span class="status-badge case-{{ status() }}">{{ 'cases.status.' + status() | transloco }}</span>
    @if (outcome(); as o) {
      <span class="outcome">{{ 'cases.outcome.' + o | transloco }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .case-new {
      background: #fde7c8;
      color: #6b3a00;
    }
    .case-in_progress {
      background: #d6e6fb;
      color: #0b3a73;
    }
    .case-closed {
      background: #d7f0dd;
      color: #0d4f22;
    }
    .outcome {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseStatusComponent {
  readonly status = input.required<CaseStatus>();
  readonly outcome = input<CaseOutcome | null>(null);
}

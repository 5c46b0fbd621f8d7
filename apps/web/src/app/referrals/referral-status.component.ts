// A referral's status as a coloured chip with its name: the colour helps, the text carries the meaning.
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReferralStatus, ReferralUrgency } from '@mih/contracts';
import { IconComponent } from '../shared/icon.component';

@Component({
  selector: 'mih-referral-status',
  imports: [TranslocoPipe],
  template: `<span class="chip" [class]="status()">{{ 'referralStatus.' + status() | transloco }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: #eceff3;
      color: #3b4450;
    }
    .submitted {
      background: #fff1d6;
      color: #6b4500;
    }
    .returned {
      background: #ffe6d5;
      color: #7a2e00;
    }
    .approved {
      background: #dbeafe;
      color: #12407a;
    }
    .accepted {
      background: #e6e1ff;
      color: #3a2a8a;
    }
    .completed {
      background: #d7f0dd;
      color: #0d4f22;
    }
    .rejected,
    .declined {
      background: #fde2e2;
      color: #8a1c1c;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralStatusComponent {
  readonly status = input.required<ReferralStatus>();
}

/** The urgency in words; emergencies and priorities stand out with an icon and colour too. */
@Component({
  selector: 'mih-referral-urgency',
  imports: [TranslocoPipe, IconComponent],
  template: `
    @if (urgency() !== 'routine') {
      <mih-icon name="warning" />
    }
    <span>{{ 'urgency.' + urgency() | transloco }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      white-space: nowrap;
    }
    :host(.emergency) {
      color: #a11a1a;
      font-weight: 600;
    }
    :host(.priority) {
      color: #7a4a00;
    }
    mih-icon {
      width: 18px;
      height: 18px;
    }
  `,
  host: { '[class]': 'urgency()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralUrgencyComponent {
  readonly urgency = input.required<ReferralUrgency>();
}

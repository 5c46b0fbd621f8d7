// One choice among a few short options, all visible at once (sex, age band, channel): a labelled
// radiogroup of toggle buttons. Arrow keys move and select, so it is as fast by keyboard as by touch.
// A joined segmented control on wide screens; on a phone, separate chips that wrap in rows.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { startWith, switchMap } from 'rxjs';
import { FieldErrorComponent } from './field-error.component';

export interface ChoiceOption {
  value: string;
  label: string;
  /** Shown instead of the label when space is short (e.g. "25–59"); the label stays the accessible name. */
  short?: string;
}

let nextId = 0;

@Component({
  selector: 'mih-choice-field',
  imports: [ReactiveFormsModule, MatButtonToggleModule, FieldErrorComponent],
  template: `
    <span class="choice-label" [id]="labelId">
      {{ label() }}
      @if (required()) {
        <span aria-hidden="true">*</span>
      }
    </span>
    <!-- Rendered once the options are known: the group sets up its roving tabindex when it starts. -->
    @if (options().length) {
    <mat-button-toggle-group
      [formControl]="control()"
      [attr.aria-labelledby]="labelId"
      [attr.aria-required]="required() || null"
      [attr.aria-invalid]="showError() || null"
      [attr.aria-describedby]="showError() ? errorId : null"
      [class.invalid]="showError()"
      hideSingleSelectionIndicator
    >
      @for (option of options(); track option.value) {
        <mat-button-toggle [value]="option.value">
          @if (option.short) {
            <span aria-hidden="true">{{ option.short }}</span><span class="visually-hidden">{{ option.label }}</span>
          } @else {
            {{ option.label }}
          }
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
    }
    @if (showError()) {
      <div class="choice-error" [id]="errorId"><mih-field-error [errors]="control().errors" /></div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
      min-width: 0;
    }
    .choice-label {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    mat-button-toggle-group {
      flex-wrap: wrap;
      width: fit-content;
      max-width: 100%;
      /* Tall enough for a thumb (44 px, WCAG 2.5.5) on every screen. */
      --mat-button-toggle-height: 44px;
    }
    mat-button-toggle-group.invalid {
      border-color: var(--mat-sys-error);
    }
    /* On a phone: chips in rows, each with its own outline (the joined group would wrap mid-border). */
    @media (max-width: 599.98px) {
      .mat-button-toggle-group.mat-button-toggle-group {
        gap: 8px;
        border: none;
        border-radius: 0;
        overflow: visible;
      }
      .mat-button-toggle-group .mat-button-toggle.mat-button-toggle {
        border: 1px solid var(--mat-sys-outline);
        border-radius: 22px;
        overflow: hidden;
      }
      .mat-button-toggle-group.invalid .mat-button-toggle.mat-button-toggle {
        border-color: var(--mat-sys-error);
      }
    }
    .choice-error {
      padding: 0 16px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChoiceFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly options = input.required<readonly ChoiceOption[]>();
  readonly label = input.required<string>();
  readonly required = input(false);

  protected readonly labelId = `mih-choice-label-${nextId}`;
  protected readonly errorId = `mih-choice-error-${nextId++}`;

  /** Every value, status or touched change of the control: the parent may reset or validate it. */
  private readonly controlEvents = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.events.pipe(startWith(null)))),
  );
  protected readonly showError = computed(() => {
    this.controlEvents();
    const control = this.control();
    return control.invalid && control.touched;
  });
}

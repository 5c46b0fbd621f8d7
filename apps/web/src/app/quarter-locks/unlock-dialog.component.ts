// Asks an admin why a locked quarter must change again, then lifts the lock of one hub; the API writes
// the reason to the audit trail. Closes with the locks removed.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { type QuarterLock, UNLOCK_REASON_LENGTH } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { QuarterLocksService } from './quarter-locks.service';

export interface UnlockDialogData {
  year: number;
  quarter: number;
  hubId: string;
  hubName: string;
}

@Component({
  selector: 'mih-unlock-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'quarterClose.unlock.title' | transloco: data }}</h2>
      <mat-dialog-content>
        <p>{{ 'quarterClose.unlock.message' | transloco: data }}</p>
        @if (errorKey(); as key) {
          <p class="notice error" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'quarterClose.unlock.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="maxLength" required></textarea>
          <mat-hint>{{ 'quarterClose.unlock.hint' | transloco: { n: minLength } }}</mat-hint>
          <mat-error><mih-field-error [errors]="form.controls.reason.errors" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'quarterClose.unlock.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnlockDialogComponent {
  protected readonly data = inject<UnlockDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UnlockDialogComponent, QuarterLock[]>>(MatDialogRef);
  private readonly quarterLocks = inject(QuarterLocksService);

  protected readonly minLength = UNLOCK_REASON_LENGTH.min;
  protected readonly maxLength = UNLOCK_REASON_LENGTH.max;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        Validators.required,
        // Spaces around the reason do not count towards its length (the API trims it too).
        (c: { value: string }) =>
          c.value.trim().length > 0 && c.value.trim().length < UNLOCK_REASON_LENGTH.min
            ? { minlength: { requiredLength: UNLOCK_REASON_LENGTH.min, actualLength: c.value.trim().length } }
            : null,
        Validators.maxLength(UNLOCK_REASON_LENGTH.max),
      ],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorKey.set(null);
    const { year, quarter, hubId } = this.data;
    this.quarterLocks.unlock({ year, quarter, hubIds: [hubId], reason: this.form.getRawValue().reason.trim() }).subscribe({
      next: (removed) => this.dialogRef.close(removed),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

// Asks why identifying data must leave the app, then downloads the identifying export; the API writes
// the reason to the audit trail. Closes with the file name once the download has started.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { EXPORT_REASON_LENGTH, type ExportFormat, type IdentifyingExportDataset } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { type ExportFilters, ExportsService } from './exports.service';

export interface IdentifyingExportData {
  dataset: IdentifyingExportDataset;
  format: ExportFormat;
  filters: ExportFilters;
}

/** At least `min` characters once the spaces around are trimmed. */
function trimmedMinLength(min: number) {
  return (control: { value: string }) => {
    const length = control.value.trim().length;
    return length > 0 && length < min ? { minlength: { requiredLength: min, actualLength: length } } : null;
  };
}

@Component({
  selector: 'mih-identifying-export-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'exports.identifying.title' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'exports.identifying.message.' + data.dataset | transloco }}</p>
        <p class="notice">{{ 'exports.identifying.audited' | transloco }}</p>
        @if (errorKey(); as key) {
          <p class="notice error" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'exports.identifying.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="maxLength" autocomplete="off" required></textarea>
          <mat-hint>{{ 'exports.identifying.hint' | transloco: { n: minLength } }}</mat-hint>
          <mat-error><mih-field-error [errors]="form.controls.reason.errors" /></mat-error>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'exports.preparing' | transloco" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'exports.identifying.confirm' | transloco }}</button>
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
export class IdentifyingExportDialogComponent {
  protected readonly data = inject<IdentifyingExportData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<IdentifyingExportDialogComponent, string>>(MatDialogRef);
  private readonly exports = inject(ExportsService);

  protected readonly minLength = EXPORT_REASON_LENGTH.min;
  protected readonly maxLength = EXPORT_REASON_LENGTH.max;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, trimmedMinLength(EXPORT_REASON_LENGTH.min), Validators.maxLength(EXPORT_REASON_LENGTH.max)]],
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
    const { dataset, format, filters } = this.data;
    this.exports.downloadIdentifying(dataset, format, filters, this.form.getRawValue().reason.trim()).subscribe({
      next: (filename) => this.dialogRef.close(filename),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

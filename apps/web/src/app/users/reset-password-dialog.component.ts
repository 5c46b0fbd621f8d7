import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { FieldErrorComponent } from '../shared/field-error.component';
import { UsersService } from './users.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

export interface ResetPasswordDialogData {
  userId: string;
  displayName: string;
}

/** Sets a new password for a user; closes with `true` once the API accepted it. */
@Component({
  selector: 'mih-reset-password-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'users.resetPassword.title' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'users.resetPassword.message' | transloco: { name: data.displayName } }}</p>
        @if (errorKey(); as key) {
          <p class="notice error" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'users.fields.newPassword' | transloco }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-hint>{{ 'users.hints.password' | transloco: { n: minLength } }}</mat-hint>
          <mat-error><mih-field-error [errors]="form.controls.password.errors" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'users.resetPassword.confirm' | transloco }}</button>
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
export class ResetPasswordDialogComponent {
  protected readonly data = inject<ResetPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialogComponent, boolean>>(MatDialogRef);
  private readonly users = inject(UsersService);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
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
    this.users.resetPassword(this.data.userId, this.form.getRawValue().password).subscribe({
      next: () => this.dialogRef.close(true),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

// The signed-in user's own password (account menu → Change password): current, new, and the new again.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ERROR_CODES, PASSWORD_MIN_LENGTH } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

const sameAsNew = (control: AbstractControl): ValidationErrors | null => {
  const repeat = control.value as string;
  const newPassword = control.parent?.get('newPassword')?.value as string | undefined;
  return repeat && newPassword !== undefined && repeat !== newPassword ? { mismatch: true } : null;
};

@Component({
  selector: 'mih-change-password',
  imports: [ReactiveFormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  templateUrl: './change-password.component.html',
  styleUrl: './change-password.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly user = this.auth.user;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)]],
    repeatPassword: ['', [Validators.required, sameAsNew]],
  });
  protected readonly messages = {
    wrongPassword: 'account.password.errors.wrong',
    samePassword: 'account.password.errors.same',
    mismatch: 'account.password.errors.mismatch',
  };
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    // The repeat is checked again whenever the new password changes.
    this.form.controls.newPassword.valueChanges.subscribe(() => this.form.controls.repeatPassword.updateValueAndValidity({ emitEvent: false }));
  }

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorKey.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.auth.changePassword(currentPassword, newPassword).subscribe({
      next: () => {
        this.snackBar.open(this.transloco.translate('account.password.done'), this.transloco.translate('common.ok'), { duration: 6000 });
        void this.router.navigateByUrl('/home');
      },
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (error.code === ERROR_CODES.accountLocked) this.errorKey.set('account.password.errors.locked');
        else if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

// Account → Two-step verification: set up a TOTP app (QR code or the key typed by hand, then a first
// code), see the recovery codes once, or turn it off where the role allows. A user who must have one
// lands here after signing in and cannot leave until it is set up (secondFactorGuard).
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ERROR_CODES, type SecondFactorEnrolment, type SecondFactorStatus, TOTP_CODE_PATTERN } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { QrCodeComponent } from '../shared/qr-code.component';
import { SecondFactorService } from './second-factor.service';

/** The key in groups of four, as authenticator apps accept it typed (spaces are ignored). */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

@Component({
  selector: 'mih-second-factor',
  imports: [ReactiveFormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule, TranslocoPipe, FieldErrorComponent, QrCodeComponent],
  providers: [provideFormFieldDefaults()],
  templateUrl: './second-factor.component.html',
  styleUrl: './second-factor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorComponent {
  private readonly auth = inject(AuthService);
  private readonly api = inject(SecondFactorService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly forced = computed(() => this.auth.user()?.mustEnrolSecondFactor === true);
  protected readonly status = signal<SecondFactorStatus | null>(null);
  protected readonly enrolment = signal<SecondFactorEnrolment | null>(null);
  protected readonly groupedSecret = computed(() => groupSecret(this.enrolment()?.secret ?? ''));
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE_PATTERN)]],
  });
  protected readonly messages = { pattern: 'mfa.errors.codeFormat', server: 'mfa.errors.wrongCode' };

  constructor() {
    this.api.status().subscribe({
      next: (status) => {
        this.status.set(status);
        if (!status.enrolled && this.forced()) this.start();
      },
      error: (err: unknown) => this.errorKey.set(errorMessageKey(toApiError(err))),
    });
  }

  /** A new key for the app (replaces one shown before and never confirmed). */
  protected start(): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.enrol().subscribe({
      next: (enrolment) => {
        this.busy.set(false);
        this.form.reset();
        this.enrolment.set(enrolment);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected confirm(): void {
    if (!this.valid()) return;
    this.api.confirm(this.form.getRawValue().code).subscribe({
      next: ({ recoveryCodes }) => {
        this.busy.set(false);
        this.enrolment.set(null);
        this.recoveryCodes.set(recoveryCodes);
        this.auth.secondFactorEnrolled();
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  /** The recovery codes were seen: on to the app (or back to this page's summary). */
  protected finish(): void {
    void this.router.navigateByUrl('/home');
  }

  protected disable(): void {
    if (!this.valid()) return;
    this.api.disable(this.form.getRawValue().code).subscribe({
      next: () => {
        this.busy.set(false);
        this.form.reset();
        this.status.update((status) => status && { ...status, enrolled: false, recoveryCodesLeft: 0 });
        this.snackBar.open(this.transloco.translate('mfa.disable.done'), this.transloco.translate('common.ok'), { duration: 6000 });
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  private valid(): boolean {
    if (this.busy()) return false;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return false;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    return true;
  }

  private fail(err: unknown): void {
    const error = toApiError(err);
    this.busy.set(false);
    if (error.code === ERROR_CODES.accountLocked) this.errorKey.set('login.errors.locked');
    else if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ERROR_CODES, RECOVERY_CODE_PATTERN, type SecondFactorChallenge, TOTP_CODE_PATTERN } from '@mih/contracts';
import { errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { LanguageChoiceComponent } from '../shell/language-choice.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

@Component({
  selector: 'mih-login',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslocoPipe,
    LanguageChoiceComponent,
    FieldErrorComponent,
  ],
  providers: [provideFormFieldDefaults()],
  templateUrl: './login.component.html',
  styleUrl: './login.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Query parameters: where to go after signing in, and `session=ended` after a timeout. */
  readonly returnUrl = input<string>();
  readonly session = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  /** After a right password, for an account with a second factor: the challenge the code goes with. */
  protected readonly challenge = signal<SecondFactorChallenge | null>(null);
  /** The second step takes a recovery code instead of the app's code. */
  protected readonly useRecoveryCode = signal(false);
  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE_PATTERN)]],
    recoveryCode: ['', [Validators.required, Validators.pattern(RECOVERY_CODE_PATTERN)]],
  });
  protected readonly codeMessages = { pattern: 'mfa.errors.codeFormat' };
  protected readonly recoveryMessages = { pattern: 'mfa.errors.recoveryFormat' };

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((on) => !on);
    this.errorKey.set(null);
    this.codeForm.reset();
    this.focusCodeField();
  }

  /** Back to email and password (a challenge expires after a few minutes anyway). */
  protected restart(): void {
    this.challenge.set(null);
    this.useRecoveryCode.set(false);
    this.errorKey.set(null);
    this.codeForm.reset();
  }

  protected submitCode(): void {
    const challenge = this.challenge();
    if (this.submitting() || !challenge) return;
    const control = this.useRecoveryCode() ? this.codeForm.controls.recoveryCode : this.codeForm.controls.code;
    if (control.invalid) {
      control.markAsTouched();
      this.errorKey.set(null);
      return;
    }
    this.submitting.set(true);
    this.errorKey.set(null);
    const value = control.value.trim();
    const request = this.useRecoveryCode() ? { challengeToken: challenge.challengeToken, recoveryCode: value } : { challengeToken: challenge.challengeToken, code: value };
    this.auth.loginWithSecondFactor(request).subscribe({
      next: () => this.goOn(),
      // The code stays in the field (clearing it would only add "required" under it); the message says why.
      error: (err: unknown) => this.failed(err, 'mfa.errors.wrongSignInCode'),
    });
  }

  /** The code field is all the second step asks for: the cursor goes there. */
  private focusCodeField(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>('form input')?.focus(), { injector: this.injector });
  }

  private goOn(): void {
    const target = this.returnUrl();
    void this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : '/home');
  }

  private failed(err: unknown, wrongKey: string): void {
    const error = toApiError(err);
    this.submitting.set(false);
    this.errorKey.set(
      error.code === ERROR_CODES.unauthorized
        ? wrongKey
        : error.code === ERROR_CODES.accountLocked || error.code === ERROR_CODES.tooManyRequests
          ? 'login.errors.locked'
          : errorMessageKey(error),
    );
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errorKey.set(null);
      return;
    }
    this.submitting.set(true);
    this.errorKey.set(null);
    const { email, password } = this.form.getRawValue();
    this.auth.login(email.trim(), password).subscribe({
      next: (answer) => {
        if (!('challengeToken' in answer)) return this.goOn();
        this.submitting.set(false);
        this.form.controls.password.reset();
        this.challenge.set(answer);
        this.focusCodeField();
      },
      error: (err: unknown) => {
        this.form.controls.password.reset();
        this.failed(err, 'login.errors.wrongCredentials');
      },
    });
  }
}

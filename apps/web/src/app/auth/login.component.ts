import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ERROR_CODES } from '@mih/contracts';
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

  /** Query parameters: where to go after signing in, and `session=ended` after a timeout. */
  readonly returnUrl = input<string>();
  readonly session = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorKey = signal<string | null>(null);

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
      next: () => {
        const target = this.returnUrl();
        void this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : '/home');
      },
      error: (err: unknown) => {
        const error = toApiError(err);
        this.submitting.set(false);
        this.form.controls.password.reset();
        this.errorKey.set(
          error.code === ERROR_CODES.unauthorized
            ? 'login.errors.wrongCredentials'
            : error.code === ERROR_CODES.accountLocked || error.code === ERROR_CODES.tooManyRequests
              ? 'login.errors.locked'
              : errorMessageKey(error),
        );
      },
    });
  }
}

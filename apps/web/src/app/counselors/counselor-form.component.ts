// Add a counselor (/counselors/new: the account and its profile) or edit one (/counselors/:id:
// profile, hubs, active). Admins for every hub; supervisors for the hubs of their scope.
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type ApiError,
  COUNSELOR_COMMUNITY_MAX_LENGTH,
  type Counselor,
  type CreateCounselorRequest,
  ERROR_CODES,
  type Hub,
  PASSWORD_MIN_LENGTH,
  type UpdateCounselorRequest,
} from '@mih/contracts';
import { catchError, of } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { today } from '../persons/person-form';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { CounselorsService } from './counselors.service';

/** Languages typed as a comma-separated list: "Español, Mam". */
export function parseLanguages(text: string): string[] {
  return [...new Set(text.split(',').map((l) => l.trim()).filter(Boolean))];
}

@Component({
  selector: 'mih-counselor-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './counselor-form.component.html',
  styles: `
    .back-link mih-icon {
      margin-right: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CounselorFormComponent {
  private readonly counselors = inject(CounselorsService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Route parameter; absent on /counselors/new. */
  readonly id = input<string>();

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly maxDate = today();
  protected readonly hubs = toSignal(inject(HubsService).listAll({ status: 'active' }).pipe(catchError(() => of([] as Hub[]))), {
    initialValue: [] as Hub[],
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    hubIds: [[] as string[], Validators.required],
    community: ['', Validators.maxLength(COUNSELOR_COMMUNITY_MAX_LENGTH)],
    languages: [''],
    trainedOn: [''],
    active: [true],
  });

  protected readonly counselor = signal<Counselor | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly isNew = computed(() => !this.id());

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => id && this.load(id));
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const counselor = this.counselor();
    this.saving.set(true);
    const request = counselor ? this.counselors.update(counselor.id, this.updateRequest(counselor)) : this.counselors.create(this.createRequest());
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.snackBar.open(this.transloco.translate(counselor ? 'counselors.saved' : 'counselors.created'), this.transloco.translate('common.ok'), {
          duration: 4000,
        });
        void this.router.navigateByUrl('/counselors');
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.counselors.get(id).subscribe({
      next: (counselor) => {
        this.counselor.set(counselor);
        this.form.reset({
          email: counselor.email,
          displayName: counselor.displayName,
          password: '',
          hubIds: [...counselor.hubIds],
          community: counselor.community ?? '',
          languages: counselor.languages.join(', '),
          trainedOn: counselor.trainedOn ?? '',
          active: counselor.active,
        });
        // The sign-in name and the password are managed on the user account, not here.
        this.form.controls.email.disable();
        this.form.controls.password.disable();
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.errorKey.set(errorMessageKey(toApiError(err)));
        this.loading.set(false);
      },
    });
  }

  private createRequest(): CreateCounselorRequest {
    const v = this.form.getRawValue();
    const request: CreateCounselorRequest = {
      email: v.email.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      hubIds: v.hubIds,
      languages: parseLanguages(v.languages),
    };
    if (v.community.trim()) request.community = v.community.trim();
    if (v.trainedOn) request.trainedOn = v.trainedOn;
    return request;
  }

  private updateRequest(counselor: Counselor): UpdateCounselorRequest {
    const v = this.form.getRawValue();
    return {
      version: counselor.version,
      displayName: v.displayName.trim(),
      hubIds: v.hubIds,
      active: v.active,
      community: v.community.trim() || null,
      languages: parseLanguages(v.languages),
      trainedOn: v.trainedOn || null,
    };
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.staleVersion) {
      this.errorKey.set('errors.staleVersion');
    } else if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('.ng-invalid input, .ng-invalid mat-select, input.ng-invalid')?.focus(),
      { injector: this.injector },
    );
  }
}

// Create a user (/admin/users/new) or edit one (/admin/users/:id): role, scope, language, active flag.
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type ApiError,
  type CreateUserRequest,
  DEFAULT_LANGUAGE,
  ERROR_CODES,
  type Hub,
  type Language,
  LANGUAGES,
  PASSWORD_MIN_LENGTH,
  REGION_COUNTRY_CODES,
  type Role,
  ROLES,
  type UpdateUserRequest,
  type User,
} from '@mih/contracts';
import { type Observable, catchError, filter, merge, of, switchMap } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { HubsService } from '../hubs/hubs.service';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { ResetPasswordDialogComponent, type ResetPasswordDialogData } from './reset-password-dialog.component';
import { UsersService } from './users.service';
import { intlLocales } from '../i18n/intl-locales';

/** Roles that work in named hubs (at least one); supervisors may have hubs and/or whole countries. */
const HUB_ROLES: readonly Role[] = ['staff', 'counselor'];

/** Staff and counselors need a hub; a supervisor needs a hub or a country. */
function scopeValidator(hubIds: AbstractControl<string[]>): ValidationErrors | null {
  const role = hubIds.parent?.get('role')?.value as Role | undefined;
  if (hubIds.value.length) return null;
  if (role && HUB_ROLES.includes(role)) return { required: true };
  const countries = hubIds.parent?.get('countryCodes')?.value as string[] | undefined;
  if (role === 'supervisor' && !countries?.length) return { scope: true };
  return null;
}

@Component({
  selector: 'mih-user-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './user-form.component.html',
  styleUrl: './user-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormComponent {
  private readonly users = inject(UsersService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject(ElementRef);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameter; absent on /admin/users/new. */
  readonly id = input<string>();

  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang)));
  });
  protected readonly hubs = toSignal(
    inject(HubsService)
      .listAll()
      .pipe(catchError(() => of([] as Hub[]))),
    { initialValue: [] as Hub[] },
  );
  protected readonly sortedHubs = computed(() => {
    const lang = this.lang();
    return [...this.hubs()].sort(
      (a, b) => a.countryCode.localeCompare(b.countryCode) || a.name.localeCompare(b.name, intlLocales(lang)),
    );
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    role: this.fb.control<Role>('staff', Validators.required),
    hubIds: this.fb.control<string[]>([], scopeValidator),
    countryCodes: this.fb.control<string[]>([]),
    language: this.fb.control<Language>(DEFAULT_LANGUAGE),
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly showHubs = computed(() => this.role() !== 'admin');
  protected readonly showCountries = computed(() => this.role() === 'supervisor');
  protected readonly hubsRequired = computed(() => HUB_ROLES.includes(this.role()));

  protected readonly user = signal<User | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly isNew = computed(() => !this.id());

  constructor() {
    // The hub requirement depends on the role and on the countries chosen.
    merge(this.form.controls.role.valueChanges, this.form.controls.countryCodes.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.hubIds.updateValueAndValidity());
    effect(() => {
      const id = this.id();
      untracked(() => id && this.load(id));
    });
  }

  protected hubLabel(hub: Hub): string {
    return `${hub.name} · ${countryName(hub.countryCode, this.lang())}`;
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const user = this.user();
    if (user) {
      const changes = this.changesTo(user);
      if (Object.keys(changes).length === 0) {
        this.notify('users.noChanges');
        return;
      }
      this.save(this.users.update(user.id, { version: user.version, ...changes }), 'users.saved');
    } else {
      this.save(this.users.create(this.createRequest()), 'users.created', true);
    }
  }

  protected toggleActive(): void {
    const user = this.user();
    if (!user) return;
    const deactivating = user.active;
    const data: ConfirmDialogData = {
      title: deactivating ? 'users.deactivate.title' : 'users.activate.title',
      message: deactivating ? 'users.deactivate.message' : 'users.activate.message',
      confirm: deactivating ? 'users.deactivate.confirm' : 'users.activate.confirm',
      params: { name: user.displayName },
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.saving.set(true);
          this.errorKey.set(null);
          return this.users.update(user.id, { version: user.version, active: !deactivating });
        }),
      )
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.showUser(updated);
          this.notify(deactivating ? 'users.deactivate.done' : 'users.activate.done');
        },
        error: (err: unknown) => this.fail(toApiError(err)),
      });
  }

  protected resetPassword(): void {
    const user = this.user();
    if (!user) return;
    const data: ResetPasswordDialogData = { userId: user.id, displayName: user.displayName };
    this.dialog
      .open(ResetPasswordDialogComponent, { data, width: '440px', maxWidth: 'calc(100vw - 24px)' })
      .afterClosed()
      .pipe(filter((done) => done === true))
      .subscribe(() => this.notify('users.resetPassword.done'));
  }

  /** A lost phone: the user's second factor goes and they set it up again at their next sign-in. */
  protected resetSecondFactor(): void {
    const user = this.user();
    if (!user) return;
    const data: ConfirmDialogData = {
      title: 'mfa.reset.title',
      message: 'mfa.reset.message',
      confirm: 'mfa.reset.confirm',
      params: { name: user.displayName },
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.saving.set(true);
          this.errorKey.set(null);
          return this.users.resetSecondFactor(user.id).pipe(switchMap(() => this.users.get(user.id)));
        }),
      )
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.showUser(updated);
          this.notify('mfa.reset.done');
        },
        error: (err: unknown) => this.fail(toApiError(err)),
      });
  }

  protected reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.stale.set(false);
    this.errorKey.set(null);
    this.users.get(id).subscribe({
      next: (user) => {
        this.loading.set(false);
        this.showUser(user);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  private showUser(user: User): void {
    this.user.set(user);
    this.stale.set(false);
    this.form.reset({
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      hubIds: [...user.hubIds],
      countryCodes: [...user.countryCodes],
      language: user.language,
      password: '',
    });
    // The email is the sign-in name and the password has its own dialog: neither is edited here.
    this.form.controls.email.disable();
    this.form.controls.password.disable();
  }

  private save(request: Observable<User>, messageKey: string, backToList = false): void {
    this.saving.set(true);
    request.subscribe({
      next: (user) => {
        this.saving.set(false);
        this.notify(messageKey);
        if (backToList) {
          void this.router.navigate(['/admin/users']);
        } else {
          this.showUser(user);
        }
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.staleVersion) {
      this.stale.set(true);
      return;
    }
    if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
      return;
    }
    this.errorKey.set(errorMessageKey(error));
  }

  /** Scope fields only for the roles that use them. */
  private scope(): { hubIds: string[]; countryCodes: string[] } {
    const { role, hubIds, countryCodes } = this.form.getRawValue();
    return {
      hubIds: role === 'admin' ? [] : hubIds,
      countryCodes: role === 'supervisor' ? countryCodes : [],
    };
  }

  private createRequest(): CreateUserRequest {
    const v = this.form.getRawValue();
    const { hubIds, countryCodes } = this.scope();
    const request: CreateUserRequest = {
      email: v.email.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      password: v.password,
      language: v.language,
    };
    if (hubIds.length) request.hubIds = hubIds;
    if (countryCodes.length) request.countryCodes = countryCodes;
    return request;
  }

  private changesTo(user: User): Omit<UpdateUserRequest, 'version'> {
    const v = this.form.getRawValue();
    const { hubIds, countryCodes } = this.scope();
    const changes: Omit<UpdateUserRequest, 'version'> = {};
    if (v.displayName.trim() !== user.displayName) changes.displayName = v.displayName.trim();
    if (v.role !== user.role) changes.role = v.role;
    if (v.language !== user.language) changes.language = v.language;
    if (!sameSet(hubIds, user.hubIds)) changes.hubIds = hubIds;
    if (!sameSet(countryCodes, user.countryCodes)) changes.countryCodes = countryCodes;
    return changes;
  }

  private focusFirstInvalid(): void {
    const host: HTMLElement = this.host.nativeElement;
    setTimeout(() => host.querySelector<HTMLElement>('[formControlName].ng-invalid:not([disabled])')?.focus());
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 4000 });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

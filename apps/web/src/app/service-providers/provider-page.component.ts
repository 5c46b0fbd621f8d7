// One provider of the directory (/providers/new, /providers/:id): the form for admins and supervisors,
// the details for staff.
import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type ApiError,
  ERROR_CODES,
  LANGUAGES,
  REGION_COUNTRY_CODES,
  SERVICE_PROVIDER_TYPES,
  type ServiceProvider,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LANGUAGE_AUTONYMS, LanguageService } from '../i18n/language.service';
import { ReferenceLabelPipe } from '../reference-lists/reference-label.pipe';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { coverageText, mayEditDirectory } from './provider-format';
import { buildProviderForm, createProviderRequest, providerChanges, providerFormValue } from './provider-form';
import { ServiceProvidersService } from './service-providers.service';
import { intlLocales } from '../i18n/intl-locales';

const MUNICIPALITY_MAX_LENGTH = 120;

@Component({
  selector: 'mih-provider-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    ReferenceLabelPipe,
    ReferencePickerComponent,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './provider-page.component.html',
  styleUrl: './provider-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProviderPageComponent {
  private readonly providers = inject(ServiceProvidersService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly role = inject(AuthService).role;
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  /** Route parameter; absent on /providers/new. */
  readonly id = input<string>();

  protected readonly separatorKeys = [ENTER, COMMA];
  protected readonly types = SERVICE_PROVIDER_TYPES;
  protected readonly languages = LANGUAGES;
  protected readonly autonyms = LANGUAGE_AUTONYMS;
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang)));
  });

  protected readonly form = buildProviderForm(inject(NonNullableFormBuilder));
  protected readonly provider = signal<ServiceProvider | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly stale = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly isNew = computed(() => !this.id());
  protected readonly mayEdit = computed(() => mayEditDirectory(this.role()));

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
  }

  protected coverage(provider: ServiceProvider): string {
    return coverageText(provider, this.lang());
  }

  protected addMunicipality(event: MatChipInputEvent): void {
    const value = event.value.trim().slice(0, MUNICIPALITY_MAX_LENGTH);
    const control = this.form.controls.municipalities;
    if (value && !control.value.some((m) => m.toLocaleLowerCase() === value.toLocaleLowerCase())) {
      control.setValue([...control.value, value]);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeMunicipality(municipality: string): void {
    const control = this.form.controls.municipalities;
    control.setValue(control.value.filter((m) => m !== municipality));
    control.markAsDirty();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const provider = this.provider();
    if (!provider) {
      this.save(this.providers.create(createProviderRequest(this.form)), 'providers.created');
      return;
    }
    const changes = providerChanges(this.form, provider);
    if (Object.keys(changes).length === 0) {
      this.notify('providers.noChanges');
      return;
    }
    this.save(this.providers.update(provider.id, { version: provider.version, ...changes }), 'providers.saved');
  }

  /** After a 409: fetch the current version, dropping the edits that could not be saved. */
  protected reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.stale.set(false);
    this.errorKey.set(null);
    this.providers.get(id).subscribe({
      next: (provider) => {
        this.loading.set(false);
        this.show(provider);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  private show(provider: ServiceProvider): void {
    this.provider.set(provider);
    this.stale.set(false);
    this.form.reset(providerFormValue(provider));
  }

  private save(request: Observable<ServiceProvider>, messageKey: string): void {
    this.saving.set(true);
    request.subscribe({
      next: (provider) => {
        this.saving.set(false);
        this.notify(messageKey);
        if (this.isNew()) {
          void this.router.navigate(['/providers', provider.id], { replaceUrl: true });
        } else {
          this.show(provider);
        }
      },
      error: (err: unknown) => this.fail(toApiError(err)),
    });
  }

  private fail(error: ApiError): void {
    this.saving.set(false);
    if (error.code === ERROR_CODES.staleVersion) {
      this.stale.set(true);
    } else if (applyServerErrors(this.form, error)) {
      this.focusFirstInvalid();
      return;
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus());
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      const host = this.host.nativeElement;
      const invalid = host.querySelector<HTMLElement>(
        'input.ng-invalid:not([disabled]), mat-select.ng-invalid, mat-chip-grid.ng-invalid input',
      );
      invalid?.focus();
    });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 4000 });
  }
}

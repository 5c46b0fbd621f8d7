// Create a hub (/admin/hubs/new) or edit one (/admin/hubs/:id), including closing and reopening it.
import { COMMA, ENTER } from '@angular/cdk/keycodes';
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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
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
  type CreateHubRequest,
  ERROR_CODES,
  type Hub,
  type HubStatus,
  HUB_STATUSES,
  REGION_COUNTRY_CODES,
  type UpdateHubRequest,
} from '@mih/contracts';
import { type Observable, filter, switchMap } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { CountryNamePipe, countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../shared/confirm-dialog.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { HubsService } from './hubs.service';
import { intlLocales } from '../i18n/intl-locales';

// The same rules as the API's DTO, so most mistakes show before a round trip.
export const HUB_CODE_PATTERN = /^[A-Z0-9]{2,6}$/;
const PHONE_PATTERN = /^[+0-9][0-9 ()./-]{2,39}$/;
const SERVICE_MAX_LENGTH = 80;
const MAX_SERVICES = 30;

/** Optional text fields: an empty input means "none" (null on the hub). */
const OPTIONAL_TEXT = ['address', 'phone', 'openingHours', 'openedOn'] as const;

@Component({
  selector: 'mih-hub-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryNamePipe,
    FieldErrorComponent,
    IconComponent,
  ],
  templateUrl: './hub-form.component.html',
  styleUrl: './hub-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HubFormComponent {
  private readonly hubs = inject(HubsService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject(ElementRef);
  protected readonly lang = inject(LanguageService).lang;

  /** Route parameter; absent on /admin/hubs/new. */
  readonly id = input<string>();

  protected readonly separatorKeys = [ENTER, COMMA];
  protected readonly statuses = HUB_STATUSES;
  protected readonly countries = computed(() => {
    const lang = this.lang();
    return [...REGION_COUNTRY_CODES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), intlLocales(lang)));
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(HUB_CODE_PATTERN)]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    countryCode: ['', Validators.required],
    admin1: ['', [Validators.required, Validators.maxLength(120)]],
    municipality: ['', [Validators.required, Validators.maxLength(120)]],
    address: ['', Validators.maxLength(300)],
    latitude: this.fb.control<number | null>(null, [Validators.min(-90), Validators.max(90)]),
    longitude: this.fb.control<number | null>(null, [Validators.min(-180), Validators.max(180)]),
    phone: ['', [Validators.maxLength(40), Validators.pattern(PHONE_PATTERN)]],
    openingHours: ['', Validators.maxLength(200)],
    services: this.fb.control<string[]>([]),
    openedOn: [''],
    status: this.fb.control<HubStatus>('active'),
  });

  protected readonly hub = signal<Hub | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly isNew = computed(() => !this.id());

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => (id ? this.load(id) : this.form.controls.code.enable()));
    });
  }

  protected upperCaseCode(): void {
    const control = this.form.controls.code;
    const upper = control.value.toUpperCase();
    if (upper !== control.value) control.setValue(upper);
  }

  protected addService(event: MatChipInputEvent): void {
    const value = event.value.trim().slice(0, SERVICE_MAX_LENGTH);
    const services = this.form.controls.services;
    if (value && !services.value.includes(value) && services.value.length < MAX_SERVICES) {
      services.setValue([...services.value, value]);
      services.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected removeService(service: string): void {
    const services = this.form.controls.services;
    services.setValue(services.value.filter((s) => s !== service));
    services.markAsDirty();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const hub = this.hub();
    if (hub) {
      const changes = this.changesTo(hub);
      if (Object.keys(changes).length === 0) {
        this.notify('hubs.noChanges');
        return;
      }
      this.save(this.hubs.update(hub.id, { version: hub.version, ...changes }), 'hubs.saved');
    } else {
      this.save(this.hubs.create(this.createRequest()), 'hubs.created', true);
    }
  }

  /** Close or reopen the hub, after confirming. */
  protected toggleStatus(): void {
    const hub = this.hub();
    if (!hub) return;
    const closing = hub.status === 'active';
    const data: ConfirmDialogData = {
      title: closing ? 'hubs.close.title' : 'hubs.reopen.title',
      message: closing ? 'hubs.close.message' : 'hubs.reopen.message',
      confirm: closing ? 'hubs.close.confirm' : 'hubs.reopen.confirm',
      params: { name: hub.name },
    };
    this.dialog
      .open(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.saving.set(true);
          this.errorKey.set(null);
          return this.hubs.update(hub.id, { version: hub.version, status: closing ? 'closed' : 'active' });
        }),
      )
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.showHub(updated);
          this.notify(closing ? 'hubs.close.done' : 'hubs.reopen.done');
        },
        error: (err: unknown) => this.fail(toApiError(err)),
      });
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
    this.hubs.get(id).subscribe({
      next: (hub) => {
        this.loading.set(false);
        this.showHub(hub);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.errorKey.set(errorMessageKey(toApiError(err)));
      },
    });
  }

  private showHub(hub: Hub): void {
    this.hub.set(hub);
    this.stale.set(false);
    this.form.reset({
      code: hub.code,
      name: hub.name,
      countryCode: hub.countryCode,
      admin1: hub.admin1,
      municipality: hub.municipality,
      address: hub.address ?? '',
      latitude: hub.latitude,
      longitude: hub.longitude,
      phone: hub.phone ?? '',
      openingHours: hub.openingHours ?? '',
      services: [...hub.services],
      openedOn: hub.openedOn ?? '',
      status: hub.status,
    });
    // The code is part of every person code already issued by the hub: it is set once, at creation.
    this.form.controls.code.disable();
  }

  private save(request: Observable<Hub>, messageKey: string, backToList = false): void {
    this.saving.set(true);
    request.subscribe({
      next: (hub) => {
        this.saving.set(false);
        this.notify(messageKey);
        if (backToList) {
          void this.router.navigate(['/admin/hubs']);
        } else {
          this.showHub(hub);
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

  private createRequest(): CreateHubRequest {
    const v = this.form.getRawValue();
    const request: CreateHubRequest = {
      code: v.code.trim(),
      name: v.name.trim(),
      countryCode: v.countryCode,
      admin1: v.admin1.trim(),
      municipality: v.municipality.trim(),
      status: v.status,
    };
    for (const key of OPTIONAL_TEXT) {
      const value = v[key].trim();
      if (value) request[key] = value;
    }
    if (v.latitude !== null) request.latitude = v.latitude;
    if (v.longitude !== null) request.longitude = v.longitude;
    if (v.services.length) request.services = v.services;
    return request;
  }

  /** Only the fields that differ from the version loaded; a cleared optional field is sent as null. */
  private changesTo(hub: Hub): Omit<UpdateHubRequest, 'version'> {
    const v = this.form.getRawValue();
    const changes: Record<string, unknown> = {};
    for (const key of ['name', 'countryCode', 'admin1', 'municipality'] as const) {
      const value = v[key].trim();
      if (value !== hub[key]) changes[key] = value;
    }
    for (const key of OPTIONAL_TEXT) {
      const value = v[key].trim() || null;
      if (value !== (hub[key] ?? null)) changes[key] = value;
    }
    for (const key of ['latitude', 'longitude'] as const) {
      if (v[key] !== hub[key]) changes[key] = v[key];
    }
    if (v.services.join('\n') !== hub.services.join('\n')) changes['services'] = v.services;
    return changes as Omit<UpdateHubRequest, 'version'>;
  }

  private focusFirstInvalid(): void {
    const host: HTMLElement = this.host.nativeElement;
    setTimeout(() => host.querySelector<HTMLElement>('[formControlName].ng-invalid:not([disabled])')?.focus());
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.ok'), { duration: 4000 });
  }
}

// Retention (/admin/retention): an admin sets how many years closed records of each country are kept
// before the nightly run anonymises them, and sees what the next run will anonymise.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { RETENTION_YEARS, type RetentionCount, type RetentionSetting } from '@mih/contracts';
import { forkJoin } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { countryName } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe, LocalNumberPipe } from '../i18n/local-date.pipe';
import { FieldErrorComponent } from '../shared/field-error.component';
import { RetentionService } from './retention.service';

interface CountryRow {
  setting: RetentionSetting;
  years: FormControl<number>;
  form: FormGroup<{ years: FormControl<number> }>;
}

@Component({
  selector: 'mih-retention-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatTableModule, TranslocoPipe, LocalDatePipe, LocalNumberPipe, FieldErrorComponent],
  templateUrl: './retention-page.component.html',
  styleUrl: './retention-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPageComponent {
  private readonly retention = inject(RetentionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).lang;
  protected readonly limits = RETENTION_YEARS;
  protected readonly settingColumns = ['country', 'years', 'actions'];
  protected readonly previewColumns = ['country', 'kind', 'count', 'oldest'];

  protected readonly rows = signal<CountryRow[]>([]);
  protected readonly defaultYears = signal<number | null>(null);
  protected readonly preview = signal<RetentionCount[] | null>(null);
  protected readonly loading = signal(true);
  protected readonly savingCountry = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected countryLabel(code: string): string {
    return `${countryName(code, this.lang())} (${code})`;
  }

  protected save(row: CountryRow): void {
    row.years.markAsTouched();
    if (row.years.invalid || this.savingCountry()) return;
    this.savingCountry.set(row.setting.countryCode);
    this.retention.update(row.setting.countryCode, { years: row.years.value }).subscribe({
      next: () => {
        this.snackBar.open(this.transloco.translate('retention.saved', { country: this.countryLabel(row.setting.countryCode) }), undefined, { duration: 4000 });
        this.savingCountry.set(null);
        this.load();
      },
      error: (err: unknown) => {
        this.savingCountry.set(null);
        const error = toApiError(err);
        // The API names the field (`years`): shown under this row's input, else as a banner.
        if (!applyServerErrors(row.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    forkJoin({ settings: this.retention.settings(), preview: this.retention.preview() }).subscribe({
      next: ({ settings, preview }) => {
        this.defaultYears.set(settings.defaultYears);
        this.rows.set(
          settings.countries.map((setting) => {
            const years = new FormControl(setting.years, {
              nonNullable: true,
              validators: [Validators.required, Validators.min(RETENTION_YEARS.min), Validators.max(RETENTION_YEARS.max), Validators.pattern(/^\d+$/)],
            });
            return { setting, years, form: new FormGroup({ years }) };
          }).sort((a, b) => this.countryLabel(a.setting.countryCode).localeCompare(this.countryLabel(b.setting.countryCode), this.lang())),
        );
        this.preview.set(preview.items);
        this.errorKey.set(null);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.errorKey.set(errorMessageKey(toApiError(err)));
        this.loading.set(false);
      },
    });
  }
}

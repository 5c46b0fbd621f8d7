// The fields of a person record (create dialog and person page): profile, age, vulnerabilities,
// consent, and the identifying fields that consent unlocks.
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CONSENT_PURPOSES, type Hub, LANGUAGES } from '@mih/contracts';
import { startWith, switchMap } from 'rxjs';
import { countryGroups } from '../i18n/country-codes';
import { CountryNamePipe } from '../i18n/country-name.pipe';
import { LanguageService } from '../i18n/language.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferencePickerComponent } from '../reference-lists/reference-picker.component';
import { ChoiceFieldComponent } from '../shared/choice-field.component';
import { FieldErrorComponent } from '../shared/field-error.component';
import { type PersonFormGroup, today } from './person-form';

@Component({
  selector: 'mih-person-fields',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    CountryNamePipe,
    ChoiceFieldComponent,
    ReferencePickerComponent,
    FieldErrorComponent,
  ],
  templateUrl: './person-fields.component.html',
  styleUrl: './person-fields.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonFieldsComponent {
  protected readonly lang = inject(LanguageService).lang;
  protected readonly lists = inject(ReferenceListsService).lists;

  readonly form = input.required<PersonFormGroup>();
  /** Hubs to choose from; the hub field shows only when there is a choice. */
  readonly hubs = input<Hub[]>([]);
  /** The record has consent but its identifying data are still masked: reveal before editing them. */
  readonly identifyingMasked = input(false);

  protected readonly purposes = CONSENT_PURPOSES;
  protected readonly languages = LANGUAGES;
  protected readonly maxDate = today();
  protected readonly countries = computed(() => countryGroups(this.lang()));
  protected readonly sexOptions = computed(() => this.lists().sexes.map((i) => ({ value: i.code, label: i.label })));

  // Re-render on every change of the form the parent owns (values, validity, touched, enabled).
  private readonly formEvents = toSignal(toObservable(this.form).pipe(switchMap((form) => form.events.pipe(startWith(null)))));
  protected readonly consentGiven = computed(() => {
    this.formEvents();
    return this.form().controls.consent.controls.given.value;
  });
  protected readonly purposesError = computed(() => {
    this.formEvents();
    const purposes = this.form().controls.consent.controls.purposes;
    return purposes.enabled && purposes.invalid && purposes.touched ? purposes.errors : null;
  });
  protected readonly state = computed(() => {
    this.formEvents();
    return this.form();
  });

  protected hasPurpose(purpose: string): boolean {
    return this.form().controls.consent.controls.purposes.value.includes(purpose);
  }

  protected togglePurpose(purpose: string, checked: boolean): void {
    const control = this.form().controls.consent.controls.purposes;
    const others = control.value.filter((p) => p !== purpose);
    control.setValue(checked ? [...others, purpose] : others);
    control.markAsTouched();
    control.markAsDirty();
  }
}

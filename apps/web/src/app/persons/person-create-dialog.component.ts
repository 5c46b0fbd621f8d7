// A compact "new person" form in a dialog, opened from the visit form's search box and the persons list.
// Closes with the created person.
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Hub, Person } from '@mih/contracts';
import { catchError, of } from 'rxjs';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { newId } from '../core/new-id';
import { HubsService } from '../hubs/hubs.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { PersonFieldsComponent } from './person-fields.component';
import { buildPersonForm, createPersonRequest, type PersonFormGroup, syncPersonForm } from './person-form';
import { PersonsService } from './persons.service';

export interface PersonCreateDialogData {
  /** Hubs to choose from; loaded by the dialog when not given. */
  hubs?: Hub[];
  /** The hub preselected (the visit's). */
  hubId?: string;
  /** What was typed in the search box (for the title's hint only: nothing is stored without consent). */
  query?: string;
  /** Values to start from (a case identified by a counselor); the user reviews them before saving. */
  initial?: Parameters<PersonFormGroup['patchValue']>[0];
}

@Component({
  selector: 'mih-person-create-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatProgressBarModule, TranslocoPipe, PersonFieldsComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'persons.newTitle' | transloco }}</h2>
      <mat-dialog-content>
        <p class="muted intro">{{ 'persons.newIntro' | transloco }}</p>
        @if (errorKey(); as key) {
          <p class="notice error" role="alert">{{ key | transloco }}</p>
        }
        <mih-person-fields [form]="form" [hubs]="hubs()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'persons.create' | transloco }}</button>
      </mat-dialog-actions>
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
    </form>
  `,
  styles: `
    .intro {
      margin: 0 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonCreateDialogComponent {
  private readonly data = inject<PersonCreateDialogData | null>(MAT_DIALOG_DATA, { optional: true }) ?? {};
  private readonly dialogRef = inject<MatDialogRef<PersonCreateDialogComponent, Person>>(MatDialogRef);
  private readonly persons = inject(PersonsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly form = buildPersonForm(inject(NonNullableFormBuilder));
  protected readonly hubs = signal<Hub[]>(this.data.hubs ?? []);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** Kept across retries of this dialog's create: the API stores the person once. */
  private readonly personId = newId();

  constructor() {
    syncPersonForm(this.form, inject(DestroyRef));
    if (this.data.initial) this.form.patchValue(this.data.initial);
    if (this.data.hubs) {
      this.useHubs(this.data.hubs);
    } else {
      inject(HubsService)
        .listAll({ status: 'active' })
        .pipe(catchError(() => of([] as Hub[])))
        .subscribe((hubs) => this.useHubs(hubs));
    }
  }

  protected submit(): void {
    if (this.saving()) return;
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    this.persons.create(createPersonRequest(this.form, this.personId)).subscribe({
      next: (person) => this.dialogRef.close(person),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (applyServerErrors(this.form, error)) this.focusFirstInvalid();
        else this.errorKey.set(errorMessageKey(error));
      },
    });
  }

  private useHubs(hubs: Hub[]): void {
    this.hubs.set(hubs);
    const hub = hubs.find((h) => h.id === this.data.hubId) ?? hubs[0];
    if (!hub) return;
    this.form.controls.hubId.setValue(hub.id);
    if (!this.form.controls.nationality.value) this.form.controls.nationality.setValue(hub.countryCode);
  }

  private focusFirstInvalid(): void {
    afterNextRender(() => {
      for (const field of Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[data-field]'))) {
        if (!this.form.get(field.dataset['field'] ?? '')?.invalid) continue;
        field.querySelector<HTMLElement>('button[tabindex="0"], input:not([disabled]), mat-select, [tabindex="0"]')?.focus();
        return;
      }
    }, { injector: this.injector });
  }
}

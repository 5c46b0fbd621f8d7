// Asks why the identifying data are needed, then fetches them unmasked; the API writes the reason to
// the audit trail. Closes with the revealed person.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Person, REVEAL_REASON_LENGTH } from '@mih/contracts';
import { applyServerErrors, errorMessageKey, toApiError } from '../core/api-error';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { PersonsService } from './persons.service';

export interface RevealDialogData {
  personId: string;
  code: string;
}

@Component({
  selector: 'mih-reveal-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'persons.reveal.title' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'persons.reveal.message' | transloco: { code: data.code } }}</p>
        @if (errorKey(); as key) {
          <p class="notice error" role="alert">{{ key | transloco }}</p>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'persons.reveal.reason' | transloco }}</mat-label>
          <input matInput formControlName="reason" [maxlength]="maxLength" autocomplete="off" required />
          <mat-hint>{{ 'persons.reveal.hint' | transloco: { n: minLength } }}</mat-hint>
          <mat-error><mih-field-error [errors]="form.controls.reason.errors" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ 'persons.reveal.confirm' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevealDialogComponent {
  protected readonly data = inject<RevealDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RevealDialogComponent, Person>>(MatDialogRef);
  private readonly persons = inject(PersonsService);

  protected readonly minLength = REVEAL_REASON_LENGTH.min;
  protected readonly maxLength = REVEAL_REASON_LENGTH.max;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        Validators.required,
        // Spaces around the reason do not count towards its length.
        (c: { value: string }) =>
          c.value.trim().length > 0 && c.value.trim().length < REVEAL_REASON_LENGTH.min
            ? { minlength: { requiredLength: REVEAL_REASON_LENGTH.min, actualLength: c.value.trim().length } }
            : null,
        Validators.maxLength(REVEAL_REASON_LENGTH.max),
      ],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorKey.set(null);
    this.persons.reveal(this.data.personId, { reason: this.form.getRawValue().reason.trim() }).subscribe({
      next: (person) => this.dialogRef.close(person),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

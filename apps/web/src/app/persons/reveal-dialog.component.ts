// Asks why the identifying data are needed (a reason from the list, and more words when it is "other"),
// then fetches them unmasked; the API writes both to the audit trail and counts the reveal against the
// user's quota (429 beyond it, said as such). Closes with the revealed person.
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Person, REVEAL_REASON_LENGTH, REVEAL_REASONS, type RevealPersonRequest, type RevealReason } from '@mih/contracts';
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
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe, FieldErrorComponent],
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
          <mat-label>{{ 'persons.reveal.reasonCode' | transloco }}</mat-label>
          <mat-select formControlName="reasonCode" required>
            @for (code of reasons; track code) {
              <mat-option [value]="code">{{ 'revealReasons.' + code | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error><mih-field-error [errors]="form.controls.reasonCode.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ (otherReason() ? 'persons.reveal.reason' : 'persons.reveal.reasonOptional') | transloco }}</mat-label>
          <input matInput formControlName="reason" [maxlength]="maxLength" autocomplete="off" [required]="otherReason()" />
          <mat-hint>{{ 'persons.reveal.hint' | transloco: { n: minLength } }}</mat-hint>
          <mat-error><mih-field-error [errors]="form.controls.reason.errors" /></mat-error>
        </mat-form-field>
        <p class="muted small">{{ 'persons.reveal.quota' | transloco }}</p>
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
  protected readonly reasons = REVEAL_REASONS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reasonCode: ['' as RevealReason | '', Validators.required],
    reason: [
      '',
      [
        // Required with "other" (checked on the group's value below); spaces around it do not count.
        (c: { value: string }) =>
          c.value.trim().length > 0 && c.value.trim().length < REVEAL_REASON_LENGTH.min
            ? { minlength: { requiredLength: REVEAL_REASON_LENGTH.min, actualLength: c.value.trim().length } }
            : null,
        Validators.maxLength(REVEAL_REASON_LENGTH.max),
      ],
    ],
  });
  private readonly reasonCode = toSignal(this.form.controls.reasonCode.valueChanges, { initialValue: '' as RevealReason | '' });
  protected readonly otherReason = computed(() => this.reasonCode() === 'other');
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    const { reasonCode, reason } = this.form.getRawValue();
    if (this.otherReason() && !reason.trim()) this.form.controls.reason.setErrors({ required: true });
    if (this.form.invalid || !reasonCode) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.errorKey.set(null);
    const body: RevealPersonRequest = { reasonCode, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    this.persons.reveal(this.data.personId, body).subscribe({
      next: (person) => this.dialogRef.close(person),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        if (!applyServerErrors(this.form, error)) this.errorKey.set(errorMessageKey(error));
      },
    });
  }
}

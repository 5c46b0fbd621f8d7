// Asks for the comment an action needs (the reason to return, reject or decline; the outcome of a
// completed referral) or allows (cancelling), and confirms the step. Closes with the comment, or
// undefined when cancelled.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { REFERRAL_COMMENT_MAX_LENGTH, type ReferralAction } from '@mih/contracts';
import { FieldErrorComponent } from '../shared/field-error.component';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { commentRequired } from './referral-rules';

export interface ReferralActionDialogData {
  action: ReferralAction;
  personCode: string;
}

/** A comment that is only spaces is no comment. */
function notBlank(control: { value: string }) {
  return control.value.length > 0 && control.value.trim() === '' ? { required: true } : null;
}

@Component({
  selector: 'mih-referral-action-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, FieldErrorComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <h2 mat-dialog-title>{{ 'referrals.actions.' + data.action | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'referrals.dialog.' + data.action | transloco: { code: data.personCode } }}</p>
        <mat-form-field class="full">
          <mat-label>{{ (required ? 'referrals.commentLabels.' + data.action : 'referrals.commentLabels.optional') | transloco }}</mat-label>
          <textarea matInput formControlName="comment" rows="4" [maxlength]="maxLength" [required]="required"></textarea>
          <mat-error><mih-field-error [errors]="form.controls.comment.errors" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'referrals.dialog.back' | transloco }}</button>
        <button mat-flat-button type="submit">{{ 'referrals.actions.' + data.action | transloco }}</button>
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
export class ReferralActionDialogComponent {
  protected readonly data = inject<ReferralActionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReferralActionDialogComponent, string>>(MatDialogRef);

  protected readonly maxLength = REFERRAL_COMMENT_MAX_LENGTH;
  protected readonly required = commentRequired(this.data.action);
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: ['', this.required ? [Validators.required, notBlank, Validators.maxLength(REFERRAL_COMMENT_MAX_LENGTH)] : [Validators.maxLength(REFERRAL_COMMENT_MAX_LENGTH)]],
  });

  protected confirm(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(this.form.getRawValue().comment.trim());
  }
}

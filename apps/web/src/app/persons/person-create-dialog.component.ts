// A compact "new person" form in a dialog, opened from the visit form's search box and the persons list.
// Closes with the created person: the server's, or the one waiting in the outbox (no code yet).
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Hub, Person } from '@mih/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { newId } from '../core/new-id';
import { RecordEditor } from '../core/record-editor';
import { HubsService } from '../hubs/hubs.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { PersonFieldsComponent } from './person-fields.component';
import { buildPersonForm, createPersonRequest, pendingPerson, type PersonFormGroup, syncPersonForm } from './person-form';

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
  private readonly auth = inject(AuthService);

  protected readonly form = buildPersonForm(inject(NonNullableFormBuilder));
  protected readonly hubs = signal<Hub[]>(this.data.hubs ?? []);
  private readonly editor = new RecordEditor(this.form);
  protected readonly saving = this.editor.saving;
  protected readonly errorKey = this.editor.errorKey;
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

  protected async submit(): Promise<void> {
    if (!this.editor.ready()) return;
    const request = createPersonRequest(this.form, this.personId);
    const outcome = await this.editor.save<Person>(
      { kind: 'person', operation: 'create', recordId: this.personId, body: request },
      null,
    );
    if (outcome.status === 'synced') this.dialogRef.close(outcome.record);
    if (outcome.status === 'pending') this.dialogRef.close(pendingPerson({ ...request, id: this.personId }, this.auth.user()?.id ?? ''));
  }

  private useHubs(hubs: Hub[]): void {
    this.hubs.set(hubs);
    const hub = hubs.find((h) => h.id === this.data.hubId) ?? hubs[0];
    if (!hub) return;
    this.form.controls.hubId.setValue(hub.id);
    if (!this.form.controls.nationality.value) this.form.controls.nationality.setValue(hub.countryCode);
  }

}

// "Merge duplicate" (supervisors and admins): pick the duplicate record by search, confirm, and its
// visits move to the record kept. Closes with the kept person once merged.
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { ERROR_CODES, type Person } from '@mih/contracts';
import { errorMessageKey, toApiError } from '../core/api-error';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { personName } from './person-format';
import { PersonSearchComponent } from './person-search.component';
import { PersonsService } from './persons.service';

export interface MergeDialogData {
  /** The record kept. */
  person: Person;
}

@Component({
  selector: 'mih-merge-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe, PersonSearchComponent],
  providers: [provideFormFieldDefaults()],
  template: `
    <h2 mat-dialog-title>{{ 'persons.merge.title' | transloco: { code: data.person.code } }}</h2>
    <mat-dialog-content>
      @if (errorKey(); as key) {
        <p class="notice error" role="alert">{{ key | transloco }}</p>
      }
      @if (duplicate(); as dup) {
        <p>{{ 'persons.merge.confirmMessage' | transloco: { duplicate: dup.code, kept: data.person.code } }}</p>
        <dl class="pair">
          <dt>{{ 'persons.merge.duplicate' | transloco }}</dt>
          <dd><strong>{{ dup.code }}</strong> {{ nameOf(dup) }}</dd>
          <dt>{{ 'persons.merge.kept' | transloco }}</dt>
          <dd><strong>{{ data.person.code }}</strong> {{ nameOf(data.person) }}</dd>
        </dl>
      } @else {
        <p>{{ 'persons.merge.pickMessage' | transloco: { code: data.person.code } }}</p>
        <mih-person-search
          [label]="'persons.merge.search' | transloco"
          [excludeId]="data.person.id"
          (picked)="duplicate.set($event)"
        />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      @if (duplicate()) {
        <button mat-button type="button" (click)="duplicate.set(null)">{{ 'persons.merge.back' | transloco }}</button>
        <button mat-flat-button type="button" (click)="merge()" [disabled]="saving()">
          {{ 'persons.merge.confirm' | transloco }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .pair {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MergeDialogComponent {
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<MergeDialogComponent, Person>>(MatDialogRef);
  private readonly persons = inject(PersonsService);

  protected readonly duplicate = signal<Person | null>(null);
  protected readonly saving = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected nameOf(person: Person): string {
    return personName(person);
  }

  protected merge(): void {
    const duplicate = this.duplicate();
    if (!duplicate || this.saving()) return;
    this.saving.set(true);
    this.errorKey.set(null);
    this.persons.merge(this.data.person.id, { duplicateId: duplicate.id, version: this.data.person.version }).subscribe({
      next: (person) => this.dialogRef.close(person),
      error: (err: unknown) => {
        const error = toApiError(err);
        this.saving.set(false);
        this.errorKey.set(error.code === ERROR_CODES.staleVersion ? 'persons.merge.stale' : errorMessageKey(error));
      },
    });
  }
}

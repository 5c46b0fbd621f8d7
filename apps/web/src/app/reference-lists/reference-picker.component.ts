// Several codes of one reference list (topics, needs, vulnerabilities) as chips, picked by typing:
// the list narrows as you type (accents and case ignored), Enter adds the first match.
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReferenceItem } from '@mih/contracts';
import { startWith, switchMap } from 'rxjs';
import { FieldErrorComponent } from '../shared/field-error.component';
import { IconComponent } from '../shared/icon.component';
import { referenceLabel } from './reference-lists.service';

/** Lower case without accents, so "vias" finds "Vías" and "nino" finds "niño". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

@Component({
  selector: 'mih-reference-picker',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatChipsModule,
    MatAutocompleteModule,
    TranslocoPipe,
    FieldErrorComponent,
    IconComponent,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [formControl]="control()" [required]="required()">
        @for (code of codes(); track code) {
          <mat-chip-row [value]="code" (removed)="remove(code)">
            {{ labelOf(code) }}
            <button matChipRemove type="button" [attr.aria-label]="'common.removeItem' | transloco: { item: labelOf(code) }">
              <mih-icon name="close" />
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        #text
        [matChipInputFor]="grid"
        [matChipInputSeparatorKeyCodes]="noSeparators"
        [matAutocomplete]="auto"
        (input)="query.set(text.value)"
        autocomplete="off"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [autoActiveFirstOption]="query().trim() !== ''"
        (optionSelected)="add($event.option.value, text)"
      >
        @for (item of matches(); track item.code) {
          <mat-option [value]="item.code">{{ item.label }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint(); as h) {
        <mat-hint>{{ h }}</mat-hint>
      }
      <mat-error><mih-field-error [errors]="control().errors" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferencePickerComponent {
  readonly control = input.required<FormControl<string[]>>();
  readonly items = input.required<readonly ReferenceItem[]>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly required = input(false);

  /** Enter picks from the list (or submits the form when nothing is typed); free text is never a code. */
  protected readonly noSeparators: number[] = [];
  protected readonly query = signal('');

  // Any value, status or touched change of the control re-renders the chips and the error state:
  // the parent resets and validates the control without this view knowing.
  private readonly controlEvents = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.events.pipe(startWith(null)))),
  );
  protected readonly codes = computed(() => {
    this.controlEvents();
    return this.control().value;
  });
  protected readonly matches = computed(() => {
    const chosen = new Set(this.codes());
    const words = foldText(this.query()).split(/\s+/).filter(Boolean);
    return this.items().filter((item) => {
      if (chosen.has(item.code)) return false;
      const label = foldText(item.label);
      return words.every((word) => label.includes(word));
    });
  });

  protected labelOf(code: string): string {
    return referenceLabel(this.items(), code);
  }

  protected add(code: string, text: HTMLInputElement): void {
    const control = this.control();
    if (!control.value.includes(code)) control.setValue([...control.value, code]);
    control.markAsDirty();
    text.value = '';
    this.query.set('');
  }

  protected remove(code: string): void {
    const control = this.control();
    control.setValue(control.value.filter((c) => c !== code));
    control.markAsDirty();
  }
}

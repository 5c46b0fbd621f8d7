// The message under a form field for its first validation error; put it inside <mat-error>.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';

const ORDER = ['required', 'email', 'minlength', 'maxlength', 'pattern', 'min', 'max', 'range', 'taken', 'commonPassword'];

@Component({
  selector: 'mih-field-error',
  imports: [TranslocoPipe],
  template: `@if (message(); as m) {
    {{ m.key | transloco: m.params }}
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrorComponent {
  readonly errors = input<ValidationErrors | null>(null);
  /** Overrides for this field, e.g. `{ pattern: 'hubs.errors.codePattern' }`. */
  readonly messages = input<Record<string, string>>({});

  protected readonly message = computed(() => {
    const errors = this.errors();
    if (!errors) return null;
    const keys = Object.keys(errors);
    const first = ORDER.find((k) => keys.includes(k)) ?? keys[0];
    if (!first) return null;
    const custom = this.messages()[first];
    if (custom) return { key: custom, params: {} };
    const detail = errors[first];
    // Errors reported by the API carry no limit to quote; they get a message without a number.
    switch (first) {
      case 'minlength':
      case 'maxlength':
        return detail?.requiredLength != null
          ? { key: `validation.${first}`, params: { n: detail.requiredLength } }
          : { key: first === 'minlength' ? 'validation.tooShort' : 'validation.tooLong', params: {} };
      case 'min':
      case 'max':
        return detail?.[first] != null
          ? { key: `validation.${first}`, params: { n: detail[first] } }
          : { key: 'validation.range', params: {} };
      default:
        return { key: ORDER.includes(first) ? `validation.${first}` : 'validation.invalid', params: {} };
    }
  });
}

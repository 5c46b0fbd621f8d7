// The message under a form field for its first validation error; put it inside <mat-error>.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';

const ORDER = ['required', 'email', 'minlength', 'maxlength', 'pattern', 'min', 'max', 'range', 'taken'];

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
    switch (first) {
      case 'minlength':
      case 'maxlength':
        return { key: `validation.${first}`, params: { n: detail?.requiredLength } };
      case 'min':
        return { key: 'validation.min', params: { n: detail?.min } };
      case 'max':
        return { key: 'validation.max', params: { n: detail?.max } };
      default:
        return { key: ORDER.includes(first) ? `validation.${first}` : 'validation.invalid', params: {} };
    }
  });
}

import type { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';

/**
 * Outlined fields whose hints and errors take the room they need (Spanish and French texts run long)
 * instead of overlapping the next field. Provided by the lazy shell, sign-in page and dialogs, so Material
 * stays out of the initial bundle.
 */
export function provideFormFieldDefaults(): Provider {
  return {
    provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
    useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
  };
}

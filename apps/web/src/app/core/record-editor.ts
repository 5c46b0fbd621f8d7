// One way for a form to save a record: check it, save it through the outbox (so it is kept even with
// no link), tell the user what happened (saved, saved on this device, or the server's reason on the
// fields), and put the focus where the user has to look. The visit, person, activity and case forms use it.
import { ElementRef, Injector, afterNextRender, inject, signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { type ApiError, ERROR_CODES } from '@mih/contracts';
import { type OutboxRequest, OutboxService, type SaveOutcome } from '../offline/outbox.service';
import { applyServerErrors, errorMessageKey } from './api-error';

export interface RecordEditorOptions {
  /** Message for "an earlier attempt of this record was stored with other content" (409 conflict). */
  alreadySavedKey?: string;
  /** Maps the API's field names onto the form's, where they differ. */
  remapErrors?: (error: ApiError) => ApiError;
  /** Where the form's fields are looked for, when the page holds more than this form. */
  fieldsWithin?: () => HTMLElement;
  /** Takes over a refusal the page shows its own way (returns true when it did). */
  handles?: (error: ApiError) => boolean;
}

/** Created in a form's field initialiser (it injects what it needs). */
export class RecordEditor {
  private readonly outbox = inject(OutboxService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly saving = signal(false);
  /** Translation key of the message above the form, if any. */
  readonly errorKey = signal<string | null>(null);

  constructor(
    private readonly form: FormGroup,
    private readonly options: RecordEditorOptions = {},
  ) {}

  /** True when the form may be sent; otherwise it shows every error and focuses the first one. */
  ready(): boolean {
    if (this.saving()) return false;
    this.errorKey.set(null);
    if (this.form.valid) return true;
    this.form.markAllAsTouched();
    this.focusFirstInvalid();
    return false;
  }

  /**
   * Saves through the outbox and says so: `savedKey` when the server has it (null: the caller says it),
   * "saved on this device" when it waits for the link. A refusal lands on the fields (or above the form) and resolves too, so
   * the caller can react (a 409 conflict needs a new id).
   */
  async save<T>(request: OutboxRequest, savedKey: string | null): Promise<SaveOutcome<T>> {
    this.saving.set(true);
    this.errorKey.set(null);
    let outcome: SaveOutcome<T>;
    try {
      outcome = await this.outbox.save<T>(request);
    } catch {
      outcome = { status: 'refused', error: { statusCode: 0, code: ERROR_CODES.internal, message: 'Could not save on this device' } };
    }
    this.saving.set(false);
    if (outcome.status === 'refused') {
      this.showError(outcome.error);
    } else if (outcome.status === 'pending') {
      this.notify('offline.savedOnDevice');
    } else if (savedKey) {
      this.notify(savedKey);
    }
    return outcome;
  }

  /** The server's answer on the fields it names, or above the form. */
  showError(error: ApiError): void {
    if (this.options.handles?.(error)) return;
    const mapped = this.options.remapErrors?.(error) ?? error;
    if (error.code === ERROR_CODES.conflict && this.options.alreadySavedKey) {
      this.errorKey.set(this.options.alreadySavedKey);
    } else if (applyServerErrors(this.form, mapped)) {
      this.focusFirstInvalid();
      return;
    } else {
      this.errorKey.set(errorMessageKey(error));
    }
    this.focusNotice();
  }

  notify(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.ok'), { duration: 4000 });
  }

  /** Focus the first field (in screen order) that needs attention; fields carry `data-field="<control>"`. */
  focusFirstInvalid(): void {
    afterNextRender(
      () => {
        const within = this.options.fieldsWithin?.() ?? this.host.nativeElement;
        for (const field of Array.from(within.querySelectorAll<HTMLElement>('[data-field]'))) {
          const control: AbstractControl | null = this.form.get(field.dataset['field'] ?? '');
          if (!control?.invalid) continue;
          field
            .querySelector<HTMLElement>('button[tabindex="0"], input:not([disabled]), textarea, mat-select, [tabindex="0"]')
            ?.focus();
          field.scrollIntoView?.({ block: 'center' });
          return;
        }
      },
      { injector: this.injector },
    );
  }

  /** The message sits above the form, likely scrolled out of sight: bring it into view. */
  focusNotice(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.notice.error')?.focus(), { injector: this.injector });
  }
}

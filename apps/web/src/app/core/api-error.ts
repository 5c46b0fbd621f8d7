// One shape for every failed call: the API's `ApiError`, plus `network_error` when no answer came back.
import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { type ApiError, ERROR_CODES } from '@mih/contracts';

export const NETWORK_ERROR = 'network_error';

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).statusCode === 'number' &&
    typeof (value as ApiError).code === 'string'
  );
}

/** A failed call, with the wait the server asked for (`Retry-After`) when it said one. */
export type ClientError = ApiError & { retryAfterMs?: number };

export function toApiError(err: unknown): ClientError {
  if (isApiError(err)) return err;
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return { statusCode: 0, code: NETWORK_ERROR, message: 'Network error' };
    const retryAfterMs = retryAfter(err.headers?.get('retry-after'));
    const body = isApiError(err.error) ? err.error : { statusCode: err.status, code: codeForStatus(err.status), message: err.message };
    return retryAfterMs === undefined ? body : { ...body, retryAfterMs };
  }
  // rxjs' `timeout()`: no answer in time is the same as no answer.
  if (err instanceof Error && err.name === 'TimeoutError') return { statusCode: 0, code: NETWORK_ERROR, message: 'Timed out' };
  return { statusCode: 0, code: ERROR_CODES.internal, message: String(err) };
}

/** No answer from the API itself: the link is down, or a gateway in front of it could not reach it. */
export function isNoAnswer(error: ApiError): boolean {
  return [0, 502, 503, 504].includes(error.statusCode);
}

/** `Retry-After` is seconds or an HTTP date. */
function retryAfter(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return ERROR_CODES.validationFailed;
    case 401:
      return ERROR_CODES.unauthorized;
    case 403:
      return ERROR_CODES.forbidden;
    case 404:
      return ERROR_CODES.notFound;
    case 409:
      return ERROR_CODES.conflict;
    case 429:
      return ERROR_CODES.tooManyRequests;
    case 503:
      return ERROR_CODES.serviceUnavailable;
    default:
      return ERROR_CODES.internal;
  }
}

/** Translation key of the message shown for an error that is not tied to one field. */
export function errorMessageKey(error: ApiError): string {
  switch (error.code) {
    case NETWORK_ERROR:
      return 'errors.network';
    case ERROR_CODES.unauthorized:
      return 'errors.unauthorized';
    case ERROR_CODES.forbidden:
      return 'errors.forbidden';
    case ERROR_CODES.approverIsAuthor:
      return 'errors.approverIsAuthor';
    case ERROR_CODES.revealQuotaExceeded:
      return 'errors.revealQuotaExceeded';
    case ERROR_CODES.notFound:
      return 'errors.notFound';
    case ERROR_CODES.staleVersion:
      return 'errors.staleVersion';
    case ERROR_CODES.conflict:
      return 'errors.conflict';
    case ERROR_CODES.quarterLocked:
      return 'errors.quarterLocked';
    case ERROR_CODES.validationFailed:
      return 'errors.validation';
    case ERROR_CODES.accountLocked:
    case ERROR_CODES.tooManyRequests:
      return 'errors.tooManyRequests';
    case ERROR_CODES.serviceUnavailable:
      return 'errors.unavailable';
    default:
      return 'errors.server';
  }
}

// class-validator constraint names → the Angular validator keys our field-error messages know.
const CONSTRAINT_TO_ERROR: Record<string, string> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  arrayNotEmpty: 'required',
  arrayMinSize: 'required',
  isEmail: 'email',
  minLength: 'minlength',
  maxLength: 'maxlength',
  matches: 'pattern',
  min: 'min',
  max: 'max',
  isLatitude: 'range',
  isLongitude: 'range',
  notInFuture: 'future',
  requiresConsent: 'consent',
  // Passwords (POST /api/auth/change-password, users): the current one is wrong, the new one is the
  // current one, or it is on the list of common passwords.
  currentPassword: 'wrongPassword',
  notCurrentPassword: 'samePassword',
  notCommonPassword: 'commonPassword',
};

/**
 * Puts the API's field errors onto the matching controls so they show inline under the field.
 * Returns true when at least one error found its control (the caller then needs no banner).
 */
export function applyServerErrors(form: FormGroup, error: ApiError): boolean {
  let applied = false;
  for (const fieldError of error.errors ?? []) {
    // A nested field (`consent.purposes`) goes to its own control when the form has one, else to its group.
    const control: AbstractControl | null = form.get(fieldError.field) ?? form.get(fieldError.field.split('.')[0]);
    if (!control) continue;
    const key =
      error.code === ERROR_CODES.conflict
        ? 'taken'
        : (fieldError.constraints.map((c) => CONSTRAINT_TO_ERROR[c]).find(Boolean) ?? 'server');
    control.setErrors({ ...(control.errors ?? {}), [key]: true });
    control.markAsTouched();
    applied = true;
  }
  return applied;
}

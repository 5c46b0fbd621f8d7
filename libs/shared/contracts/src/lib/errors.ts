/** The one error shape every API error answers with. */
export interface ApiError {
  statusCode: number;
  /** Stable machine-readable code, e.g. `validation_failed`, `not_found`, `stale_version`. */
  code: string;
  /** Human-readable summary, in English; never contains personal data. */
  message: string;
  /** Present on validation errors: one entry per offending field (dotted path for nested fields). */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  /** Constraint names such as `isEmail`, `maxLength`, `whitelistValidation`. */
  constraints: string[];
  message: string;
}

export const ERROR_CODES = {
  validationFailed: 'validation_failed',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  staleVersion: 'stale_version',
  accountLocked: 'account_locked',
  tooManyRequests: 'too_many_requests',
  payloadTooLarge: 'payload_too_large',
  serviceUnavailable: 'service_unavailable',
  /** A visit or activity of a quarter an admin has to unlock first. */
  quarterLocked: 'quarter_locked',
  /** Four eyes: whoever wrote or submitted a referral may not approve it. */
  approverIsAuthor: 'approver_is_author',
  /** A user revealed as many persons as the hour's or the day's quota allows (see Retry-After). */
  revealQuotaExceeded: 'reveal_quota_exceeded',
  /** An admin set the user's password: every call but me, refresh, logout and change-password waits for a new one. */
  passwordChangeRequired: 'password_change_required',
  secondFactorEnrolmentRequired: 'second_factor_enrolment_required',
  internal: 'internal_error',
} as const;

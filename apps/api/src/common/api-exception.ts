// Typed domain errors: services throw these, the exception filter turns them into the one error shape.
import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiError, ERROR_CODES, FieldError } from '@mih/contracts';

export class ApiException extends HttpException {
  /** Response headers the error comes with (Retry-After). */
  headers: Record<string, string> = {};

  constructor(statusCode: number, code: string, message: string, errors?: FieldError[]) {
    const body: ApiError = { statusCode, code, message, ...(errors ? { errors } : {}) };
    super(body, statusCode);
  }
}

export class ValidationFailedException extends ApiException {
  constructor(errors: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, ERROR_CODES.validationFailed, 'Validation failed', errors);
  }

  static forField(field: string, constraint: string, message: string): ValidationFailedException {
    return new ValidationFailedException([{ field, constraints: [constraint], message }]);
  }
}

export class NotFoundException extends ApiException {
  constructor(entity: string) {
    super(HttpStatus.NOT_FOUND, ERROR_CODES.notFound, `${entity} not found`);
  }
}

export class ForbiddenActionException extends ApiException {
  constructor(message = 'Your role does not allow this action') {
    super(HttpStatus.FORBIDDEN, ERROR_CODES.forbidden, message);
  }
}

/** Four eyes: a referral is approved by someone other than whoever wrote or submitted it. */
export class ApproverIsAuthorException extends ApiException {
  constructor() {
    super(HttpStatus.FORBIDDEN, ERROR_CODES.approverIsAuthor, 'Someone other than the author of a referral must approve it');
  }
}

/** A user used up the reveals of identifying data the hour or the day allows. */
export class RevealQuotaExceededException extends ApiException {
  constructor(retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, ERROR_CODES.revealQuotaExceeded, 'Too many reveals of identifying data; try again later');
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

/** An admin set this user's password: nothing but choosing their own until they do. */
export class PasswordChangeRequiredException extends ApiException {
  constructor() {
    super(HttpStatus.FORBIDDEN, ERROR_CODES.passwordChangeRequired, 'Choose a new password first (POST /api/auth/change-password)');
  }
}

/** The account must have a second factor and has none: nothing but setting one up until it does. */
export class SecondFactorEnrolmentRequiredException extends ApiException {
  constructor() {
    super(HttpStatus.FORBIDDEN, ERROR_CODES.secondFactorEnrolmentRequired, 'Set up your second factor first (POST /api/auth/second-factor/enrol)');
  }
}

export class StaleVersionException extends ApiException {
  constructor(entity: string) {
    super(HttpStatus.CONFLICT, ERROR_CODES.staleVersion, `${entity} was changed by someone else; reload it and try again`);
  }
}

export class ConflictException extends ApiException {
  constructor(message: string, field?: string) {
    super(
      HttpStatus.CONFLICT,
      ERROR_CODES.conflict,
      message,
      field ? [{ field, constraints: ['unique'], message }] : undefined,
    );
  }
}

export class UnauthorizedException extends ApiException {
  constructor(message = 'Invalid credentials or session') {
    super(HttpStatus.UNAUTHORIZED, ERROR_CODES.unauthorized, message);
  }
}

export class AccountLockedException extends ApiException {
  constructor() {
    super(HttpStatus.TOO_MANY_REQUESTS, ERROR_CODES.accountLocked, 'Too many failed sign-ins; try again later');
  }
}

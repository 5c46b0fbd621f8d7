// The global ValidationPipe and the same rules for bodies validated outside it (the login guard).
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldError } from '@mih/contracts';
import { ValidationFailedException } from './api-exception';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = error.property ? (parent ? `${parent}.${error.property}` : error.property) : parent || 'body';
    const own: FieldError[] = error.constraints
      ? [{ field, constraints: Object.keys(error.constraints), message: Object.values(error.constraints).join('; ') }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...OPTIONS,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(toFieldErrors(errors)),
  });
}

export async function validateBody<T extends object>(cls: new () => T, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ValidationFailedException.forField('body', 'isObject', 'body must be a JSON object');
  }
  const instance = plainToInstance(cls, body);
  const errors = await validate(instance, OPTIONS);
  if (errors.length > 0) throw new ValidationFailedException(toFieldErrors(errors));
  return instance;
}

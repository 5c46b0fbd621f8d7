// The global ValidationPipe and the same rules for bodies validated outside it (the login guard).
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * No request of ours nests deeper than this; class-transformer recurses once per level, so a body of
 * thousands of nested arrays (found by the fuzz spec) would overflow the stack and answer 500.
 */
const MAX_NESTING = 16;

function tooDeep(value: unknown): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > MAX_NESTING) return true;
    const next: unknown[] = [];
    for (const item of level) if (item !== null && typeof item === 'object') next.push(...Object.values(item as object));
    level = next;
  }
  return false;
}

function refuseDeepNesting(value: unknown, field: string): void {
  if (tooDeep(value)) throw ValidationFailedException.forField(field, 'maxNesting', `${field} is nested more than ${MAX_NESTING} levels deep`);
}

class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    refuseDeepNesting(value, metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type));
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
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
  refuseDeepNesting(body, 'body');
  const instance = plainToInstance(cls, body);
  const errors = await validate(instance, OPTIONS);
  if (errors.length > 0) throw new ValidationFailedException(toFieldErrors(errors));
  return instance;
}

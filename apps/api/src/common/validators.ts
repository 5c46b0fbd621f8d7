// Small composite validation decorators, so each DTO field reads as one line of intent.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { test as isListedPassword } from 'fxa-common-password-list';
import { PASSWORD_MIN_LENGTH } from '@mih/contracts';

/** Digits, spaces and + ( ) - . / only, e.g. `+502 7776-1234`. */
export const PHONE = /^[+0-9][0-9 ()./-]{2,39}$/;
export const PHONE_MESSAGE = '$property must contain digits, spaces and + ( ) - . / only';

/**
 * On the list of common passwords shipped with the app (fxa-common-password-list: 50,000 from leaked
 * sets, checked locally, no network call), as typed or lower-cased: a capital letter adds nothing.
 */
export function isCommonPassword(password: string): boolean {
  return isListedPassword(password) || isListedPassword(password.toLowerCase());
}

/**
 * A password someone chooses (create user, reset, change own): PASSWORD_MIN_LENGTH to 200 characters and
 * not a common one. The message never repeats the password.
 */
export const NewPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200, format: 'password', description: 'Not one of the common passwords' }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH),
    MaxLength(200),
    ValidateBy({
      name: 'notCommonPassword',
      validator: {
        validate: (value) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => '$property is one of the most common passwords and easy to guess; choose another',
      },
    }),
  );

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A field that may be left out; when present it must be valid and not null. */
export const Present = () => ValidateIf((_, value) => value !== undefined);

/** A field that may be left out or sent as null (to clear it). */
export const Nullable = () => ValidateIf((_, value) => value !== undefined && value !== null);

/** Required-when-present, non-blank, trimmed text of at most `max` characters. */
export const Text = (max: number, options: ApiPropertyOptions = {}) =>
  applyDecorators(ApiProperty({ type: String, maxLength: max, ...options }), trim, IsString(), IsNotEmpty(), MaxLength(max));

export const OptionalText = (max: number, options: ApiPropertyOptions = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength: max, nullable: true, ...options }), Nullable(), trim, IsString(), IsNotEmpty(), MaxLength(max));

export const OneOf = <T extends string>(values: readonly T[], options: ApiPropertyOptions = {}) =>
  applyDecorators(ApiProperty({ enum: values, ...options }), IsIn(values));

export const CountryCode = () =>
  applyDecorators(
    ApiProperty({ example: 'GT', description: 'ISO 3166-1 alpha-2' }),
    Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)),
    IsString(),
    IsISO31661Alpha2(),
  );

export const CountryCodes = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example: ['GT'] }),
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)) : value)),
    IsArray(),
    ArrayMaxSize(50),
    ArrayUnique(),
    IsISO31661Alpha2({ each: true }),
  );

export const UuidList = (max = 200) =>
  applyDecorators(ApiPropertyOptional({ type: [String], format: 'uuid' }), IsArray(), ArrayMaxSize(max), ArrayUnique(), IsUUID('all', { each: true }));

export const IsoDate = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    // Optional unless the caller says `required: true` (ApiPropertyOptional would override that).
    ApiProperty({ type: String, format: 'date', example: '2026-01-31', nullable: true, required: false, ...options } as ApiPropertyOptions),
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a date YYYY-MM-DD' }),
    // The pattern lets 2025-02-30 through; a date that does not round-trip does not exist.
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value,
        defaultMessage: (args) => `${args?.property} must be a date that exists`,
      },
    }),
  );

/** Boolean query parameter: only the strings `true` and `false`. */
export const QueryBoolean = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean }),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
  );

/** A list of reference-list codes (checked against the list by ReferenceListsService.assertCodes). */
export const Codes = (options: { min?: number; max?: number } & ApiPropertyOptions = {}) => {
  const { min = 0, max = 30, ...api } = options;
  return applyDecorators(
    ApiProperty({ type: [String], example: ['documents'], ...api }),
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(60, { each: true }),
  );
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A YYYY-MM-DD date that is not in the future. "Today" is taken a day wide, so a date that is today
 * where the user is (west or east of UTC) is never refused.
 */
export const PastDate = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    IsoDate(options),
    ValidateBy({
      name: 'notInFuture',
      validator: {
        validate: (value) => typeof value === 'string' && value <= new Date(Date.now() + DAY_MS).toISOString().slice(0, 10) && value >= '1900-01-01',
        defaultMessage: (args) => `${args?.property} must be a date between 1900-01-01 and today`,
      },
    }),
  );

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm), at most `maxFutureMs` after now; becomes a Date. */
export const PastDateTime = (maxFutureMs: number, options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date-time', example: '2026-01-31T15:04:00-06:00', ...options }),
    IsString(),
    Matches(DATE_TIME, { message: '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T15:04:00-06:00' }),
    IsISO8601({ strict: true }),
    ValidateBy({
      name: 'notInFuture',
      validator: {
        validate: (value) => {
          const time = typeof value === 'string' ? Date.parse(value) : NaN;
          return time >= Date.UTC(1990, 0, 1) && time <= Date.now() + maxFutureMs;
        },
        defaultMessage: (args) => `${args?.property} must not be in the future`,
      },
    }),
  );

/** A year of birth: 1900 to the current year. */
export const BirthYear = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: 1900, example: 1990, nullable: true }),
    IsInt(),
    Min(1900),
    ValidateBy({
      name: 'maxCurrentYear',
      validator: {
        validate: (value) => typeof value === 'number' && value <= new Date().getUTCFullYear(),
        defaultMessage: (args) => `${args?.property} must not be later than the current year`,
      },
    }),
  );

/** An ISO 8601 date or date-time query parameter. */
export const QueryDateTime = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, format: 'date-time', description }), IsString(), IsISO8601({ strict: true }));

/** Is this an IANA time zone name the runtime (and so PostgreSQL, which has the same database) knows? */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An optional IANA time zone name, e.g. `America/Guatemala`, in which days are counted (default UTC). */
export const TimeZone = (description = 'IANA time zone the days are counted in (default UTC)') =>
  applyDecorators(
    ApiPropertyOptional({ example: 'America/Guatemala', description }),
    IsOptional(),
    IsString(),
    MaxLength(64),
    ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone, defaultMessage: () => 'timeZone must be an IANA time zone name' } }),
  );

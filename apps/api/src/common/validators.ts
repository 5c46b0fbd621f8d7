// Small composite validation decorators, so each DTO field reads as one line of intent.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

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
    ApiPropertyOptional({ type: String, format: 'date', example: '2026-01-31', nullable: true, ...options }),
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** Boolean query parameter: only the strings `true` and `false`. */
export const QueryBoolean = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean }),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
  );

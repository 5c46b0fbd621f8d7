import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CreateServiceProviderRequest,
  Language,
  LANGUAGES,
  SERVICE_PROVIDER_TYPES,
  ServiceProviderListQuery,
  ServiceProviderType,
  UpdateServiceProviderRequest,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { Codes, CountryCodes, OneOf, OptionalText, PHONE, PHONE_MESSAGE, Present, QueryBoolean, Text } from '../../../common/validators';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
/** An empty search box sends `q=`: no filter rather than a 400. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' ? value.trim() || undefined : value);

const Municipalities = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], description: 'Empty: the whole of its countries', example: ['Ayutla'] }),
    Present(),
    Transform(({ value }) => (Array.isArray(value) ? value.map(trimmed) : value)),
    IsArray(),
    ArrayMaxSize(100),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(120, { each: true }),
  );

const Languages = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'The first one is the language of its referral slips (default es)' }),
    Present(),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(LANGUAGES, { each: true }),
  );

const Phone = () => applyDecorators(OptionalText(40), Matches(PHONE, { message: PHONE_MESSAGE }));
const Email = () => applyDecorators(OptionalText(254), IsEmail({}, { message: 'email must be an email address' }));

export class CreateServiceProviderDto implements CreateServiceProviderRequest {
  @Text(200) name!: string;
  @OneOf(SERVICE_PROVIDER_TYPES) type!: ServiceProviderType;
  @Codes({ min: 1, description: "Codes of the 'needCategories' list" }) needCategories!: string[];
  @CountryCodes() @ApiProperty({ type: [String], example: ['GT'] }) @ArrayMinSize(1) countryCodes!: string[];
  @OptionalText(120, { description: 'Department, state or province' }) admin1?: string;
  @Municipalities() municipalities?: string[];
  @OptionalText(300) address?: string;
  @Phone() phone?: string;
  @Email() email?: string;
  @OptionalText(200) openingHours?: string;
  @OptionalText(200, { description: 'Who receives referrals there (name and role)' }) focalPoint?: string;
  @Languages() languages?: Language[];
  @ApiPropertyOptional({ default: true }) @Present() @IsBoolean() acceptingReferrals?: boolean;
}

export class UpdateServiceProviderDto implements UpdateServiceProviderRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @Text(200, { required: false }) name?: string;
  @Present() @OneOf(SERVICE_PROVIDER_TYPES, { required: false }) type?: ServiceProviderType;
  @Present() @Codes({ min: 1, required: false }) needCategories?: string[];
  @Present() @CountryCodes() @ArrayMinSize(1) countryCodes?: string[];
  @OptionalText(120) admin1?: string | null;
  @Municipalities() municipalities?: string[];
  @OptionalText(300) address?: string | null;
  @Phone() phone?: string | null;
  @Email() email?: string | null;
  @OptionalText(200) openingHours?: string | null;
  @OptionalText(200) focalPoint?: string | null;
  @Languages() languages?: Language[];
  @ApiPropertyOptional() @Present() @IsBoolean() acceptingReferrals?: boolean;
}

export class ServiceProviderListQueryDto extends PageQueryDto implements ServiceProviderListQuery {
  @ApiPropertyOptional({ description: 'Part of the name; accents and case ignored' })
  @IsOptional() @Transform(({ value }) => blankToUndefined(typeof value === 'string' ? value.replace(/\s+/g, ' ') : value))
  @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SERVICE_PROVIDER_TYPES }) @IsOptional() @IsIn(SERVICE_PROVIDER_TYPES) type?: ServiceProviderType;
  @ApiPropertyOptional({ description: "A code of the 'needCategories' list" }) @IsOptional() @IsString() @MaxLength(60) needCategory?: string;

  @ApiPropertyOptional({ example: 'GT', description: 'Providers covering this country' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)) @IsString() @IsISO31661Alpha2()
  countryCode?: string;

  @ApiPropertyOptional({ description: 'Providers covering this municipality (or all of their countries); accents and case ignored' })
  @IsOptional() @Transform(({ value }) => blankToUndefined(value)) @IsString() @MaxLength(120)
  municipality?: string;

  @QueryBoolean() @IsOptional() @IsBoolean() acceptingReferrals?: boolean;
}

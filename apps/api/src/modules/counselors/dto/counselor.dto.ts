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
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import {
  COUNSELOR_COMMUNITY_MAX_LENGTH,
  COUNSELOR_LANGUAGES_MAX,
  CounselorListQuery,
  CreateCounselorRequest,
  Language,
  LANGUAGES,
  UpdateCounselorRequest,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { NewPassword, Nullable, OneOf, OptionalText, PastDate, Present, QueryBoolean, Text, UuidList } from '../../../common/validators';

/** Languages as people name them ("Mam", "Kreyòl"): trimmed, non-blank, unique. */
const SpokenLanguages = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example: ['Español', 'Mam'], maxItems: COUNSELOR_LANGUAGES_MAX }),
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value)),
    IsArray(),
    ArrayMaxSize(COUNSELOR_LANGUAGES_MAX),
    ArrayUnique(),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(40, { each: true }),
  );

const HubIds = () => applyDecorators(UuidList(50), ArrayMinSize(1));

export class CreateCounselorDto implements CreateCounselorRequest {
  @ApiProperty({ example: 'carmen.lopez@example.org', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString() @MaxLength(254) @IsEmail()
  email!: string;

  @Text(120) displayName!: string;

  /** Typed by the supervisor: the counselor replaces it at the first sign-in. */
  @NewPassword() password!: string;

  @HubIds() hubIds!: string[];
  @Present() @OneOf(LANGUAGES, { required: false }) language?: Language;
  @OptionalText(COUNSELOR_COMMUNITY_MAX_LENGTH, { example: 'Barrio El Progreso' }) community?: string;
  @Present() @SpokenLanguages() languages?: string[];
  @Nullable() @PastDate({ description: 'Date of the counselor training' }) trainedOn?: string;
}

export class UpdateCounselorDto implements UpdateCounselorRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @Text(120, { required: false }) displayName?: string;
  @Present() @HubIds() hubIds?: string[];
  @ApiPropertyOptional({ description: 'false: the counselor can no longer sign in' }) @Present() @IsBoolean() active?: boolean;
  @OptionalText(COUNSELOR_COMMUNITY_MAX_LENGTH) community?: string | null;
  @Present() @SpokenLanguages() languages?: string[];
  @Nullable() @PastDate() trainedOn?: string | null;
}

export class CounselorListQueryDto extends PageQueryDto implements CounselorListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @QueryBoolean() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name, email or community' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

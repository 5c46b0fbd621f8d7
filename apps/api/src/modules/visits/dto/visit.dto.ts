import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  AGE_BANDS,
  AgeBand,
  Channel,
  CHANNELS,
  CreateVisitRequest,
  Profile,
  PROFILES,
  Sex,
  SEXES,
  UpdateVisitRequest,
  VISIT_NOTE_MAX_LENGTH,
  VisitListQuery,
  MAX_CLOCK_SKEW_MS,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { Codes, CountryCode, IsoDate, Nullable, OneOf, PastDateTime, Present, QueryBoolean, QueryDateTime } from '../../../common/validators';

/** How far ahead of the server's clock occurredAt may be (clocks of offline devices drift). */

/** Required on an anonymous visit (no personId); copied from the person when left out of a linked one. */
const AnonymousRequired = () =>
  applyDecorators(
    ValidateIf((visit: CreateVisitDto, value) => value !== undefined || !visit.personId),
    IsDefined({ message: '$property is required when the visit has no personId' }),
  );

/** Free text; blank is stored as no note. */
const Note = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: VISIT_NOTE_MAX_LENGTH, nullable: true }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    Nullable(),
    IsString(),
    MaxLength(VISIT_NOTE_MAX_LENGTH),
  );

export class CreateVisitDto implements CreateVisitRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-generated id: sending the same create again answers the same record' })
  @Present() @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;
  @PastDateTime(MAX_CLOCK_SKEW_MS) occurredAt!: string;
  @OneOf(CHANNELS) channel!: Channel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Without it the visit is anonymous: sex, ageBand, nationality and profile are required' })
  @Present() @IsUUID()
  personId?: string;

  @AnonymousRequired() @OneOf(SEXES, { required: false }) sex?: Sex;
  @AnonymousRequired() @OneOf(AGE_BANDS, { required: false }) ageBand?: AgeBand;
  @AnonymousRequired() @CountryCode() nationality?: string;
  @AnonymousRequired() @OneOf(PROFILES, { required: false }) profile?: Profile;

  @Codes({ min: 1, description: "Codes of the 'topics' list" }) topics!: string[];
  @Present() @Codes({ required: false, description: "Codes of the 'needCategories' list" }) needs?: string[];
  @Present() @Codes({ required: false, description: "Codes of the 'vulnerabilities' list" }) vulnerabilities?: string[];
  @Note() note?: string;
  @Nullable() @IsoDate() followUpOn?: string;
}

export class UpdateVisitDto implements UpdateVisitRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @PastDateTime(MAX_CLOCK_SKEW_MS, { required: false }) occurredAt?: string;
  @Present() @OneOf(CHANNELS, { required: false }) channel?: Channel;
  @Present() @Codes({ min: 1, required: false }) topics?: string[];
  @Present() @Codes({ required: false }) needs?: string[];
  @Present() @Codes({ required: false }) vulnerabilities?: string[];
  @Note() note?: string | null;
  @Nullable() @IsoDate() followUpOn?: string | null;
  @ApiPropertyOptional({ description: 'true marks the follow-up done, false reopens it' }) @Present() @IsBoolean() followUpDone?: boolean;
}

export class VisitListQueryDto extends PageQueryDto implements VisitListQuery {
  @IsOptional() @QueryDateTime('Visits at or after this instant') from?: string;
  @IsOptional() @QueryDateTime('Visits before this instant') to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ enum: PROFILES }) @IsOptional() @IsIn(PROFILES) profile?: Profile;
  @ApiPropertyOptional({ description: "A code of the 'topics' list" }) @IsOptional() @IsString() @MaxLength(60) topic?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() staffId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @QueryBoolean() @IsOptional() @IsBoolean() followUpDue?: boolean;
}

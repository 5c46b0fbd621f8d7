import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BANDS,
  AgeBand,
  Consent,
  CONSENT_PURPOSES,
  ConsentPurpose,
  CreatePersonRequest,
  Language,
  LANGUAGES,
  MergePersonsRequest,
  PERSON_SEARCH_MIN_LENGTH,
  PersonListQuery,
  Profile,
  PROFILES,
  REVEAL_REASON_LENGTH,
  REVEAL_REASONS,
  RevealPersonRequest,
  RevealReason,
  Sex,
  SEXES,
  UpdatePersonRequest,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { BirthYear, Codes, CountryCode, Nullable, OneOf, OptionalText, PastDate, PHONE, PHONE_MESSAGE, Present, Text } from '../../../common/validators';

export class ConsentDto implements Consent {
  @ApiProperty() @IsBoolean() given!: boolean;

  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, description: 'At least one when given is true' })
  @IsArray() @ArrayMaxSize(CONSENT_PURPOSES.length) @ArrayUnique() @IsIn(CONSENT_PURPOSES, { each: true })
  purposes!: ConsentPurpose[];

  @PastDate({ required: true, nullable: false, description: 'When consent was given or refused, YYYY-MM-DD' }) date!: string;
}

const ConsentField = () => applyDecorators(ApiPropertyOptional({ type: ConsentDto }), Present(), IsObject(), ValidateNested(), Type(() => ConsentDto));

/** The identifying fields, the same on create and update; null clears one on update. */
class IdentifyingFieldsDto {
  @OptionalText(100, { description: 'Identifying: needs consent' }) givenName?: string | null;
  @OptionalText(100, { description: 'Identifying: needs consent' }) familyName?: string | null;
  @Nullable() @PastDate({ description: 'Identifying: needs consent' }) dateOfBirth?: string | null;
  @OptionalText(40, { description: 'Identifying: needs consent' }) documentNumber?: string | null;
  @OptionalText(40, { description: 'Identifying: needs consent' }) @Matches(PHONE, { message: PHONE_MESSAGE }) phone?: string | null;
}

export class CreatePersonDto extends IdentifyingFieldsDto implements CreatePersonRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-generated id: sending the same create again answers the same record' })
  @Present() @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;
  @OneOf(SEXES) sex!: Sex;
  @CountryCode() nationality!: string;
  @OneOf(PROFILES) profile!: Profile;
  @Nullable() @BirthYear() birthYear?: number;
  @Nullable() @OneOf(AGE_BANDS, { required: false }) ageBand?: AgeBand;
  @Present() @Codes({ required: false, description: "Codes of the 'vulnerabilities' list" }) vulnerabilities?: string[];
  @ConsentField() consent?: ConsentDto;
  @Nullable() @OneOf(LANGUAGES, { required: false, nullable: true, description: 'The language the person understands best' })
  preferredLanguage?: Language | null;

  declare givenName?: string;
  declare familyName?: string;
  declare dateOfBirth?: string;
  declare documentNumber?: string;
  declare phone?: string;
}

export class UpdatePersonDto extends IdentifyingFieldsDto implements UpdatePersonRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @OneOf(SEXES, { required: false }) sex?: Sex;
  @Present() @CountryCode() nationality?: string;
  @Present() @OneOf(PROFILES, { required: false }) profile?: Profile;
  @Nullable() @BirthYear() birthYear?: number | null;
  @Nullable() @OneOf(AGE_BANDS, { required: false, nullable: true }) ageBand?: AgeBand | null;
  @Present() @Codes({ required: false }) vulnerabilities?: string[];
  @ConsentField() consent?: ConsentDto;
  @Nullable() @OneOf(LANGUAGES, { required: false, nullable: true }) preferredLanguage?: Language | null;
}

/**
 * Without q: newest first, keyset pages. With q: every word must match the unaccented, lowercased
 * names, code and document number, in any order: names by trigram word similarity (typos tolerated)
 * or as a substring, words with a digit as a substring only. Best match first (word similarity of
 * the whole q), then id; the cursor carries the score and the id, so deep pages work as well.
 */
export class PersonListQueryDto extends PageQueryDto implements PersonListQuery {
  @ApiPropertyOptional({ description: 'Name, code or document number; accents and small typos tolerated', minLength: PERSON_SEARCH_MIN_LENGTH })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString() @MinLength(PERSON_SEARCH_MIN_LENGTH) @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ enum: PROFILES }) @IsOptional() @IsIn(PROFILES) profile?: Profile;
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: Sex;
}

export class RevealPersonDto implements RevealPersonRequest {
  @OneOf(REVEAL_REASONS, { description: 'Why the identifying data are needed (audited)' })
  reasonCode!: RevealReason;

  @ApiPropertyOptional({ minLength: REVEAL_REASON_LENGTH.min, maxLength: REVEAL_REASON_LENGTH.max, description: "More about why (audited); required when reasonCode is 'other'" })
  @ValidateIf((dto: RevealPersonDto) => dto.reason !== undefined || dto.reasonCode === 'other')
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @MinLength(REVEAL_REASON_LENGTH.min) @MaxLength(REVEAL_REASON_LENGTH.max)
  reason?: string;
}

export class MergePersonsDto implements MergePersonsRequest {
  @ApiProperty({ format: 'uuid', description: 'The duplicate, whose visits move to the person kept (:id)' }) @IsUUID() duplicateId!: string;

  @ApiProperty({ description: 'The version of the person kept, last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;
}

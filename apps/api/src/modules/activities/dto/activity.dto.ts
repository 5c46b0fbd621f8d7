import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import {
  ACTIVITY_CAMPAIGN_MAX_LENGTH,
  ACTIVITY_COMMUNITY_MAX_LENGTH,
  ACTIVITY_COUNSELORS_MAX,
  ACTIVITY_MATERIALS_MAX_LENGTH,
  ACTIVITY_NOTES_MAX_LENGTH,
  ACTIVITY_PLACE_MAX_LENGTH,
  ACTIVITY_TYPES,
  ActivityFilters,
  ActivityListQuery,
  ActivityType,
  CreateActivityRequest,
  PARTICIPANT_GROUPS,
  Participants,
  PARTICIPANTS_MAX,
  UpdateActivityRequest,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { Codes, IsoDate, Nullable, OneOf, OptionalText, PastDate, Present, Text, UuidList } from '../../../common/validators';

const Count = () =>
  applyDecorators(ApiProperty({ type: Number, minimum: 0, maximum: PARTICIPANTS_MAX, example: 12 }), IsInt(), Min(0), Max(PARTICIPANTS_MAX));

export class ParticipantsDto implements Participants {
  @Count() girls!: number;
  @Count() boys!: number;
  @Count() women!: number;
  @Count() men!: number;
  @Count() other!: number;
}

/** The five groups, each a whole number; the total (derived) must not be 0. */
const ParticipantGroups = (required: boolean) =>
  applyDecorators(
    ApiProperty({ type: ParticipantsDto, required, description: 'Girls and boys are under 18; other: other or undisclosed sex' }),
    ...(required ? [IsDefined()] : [Present()]),
    IsObject(),
    ValidateNested(),
    Type(() => ParticipantsDto),
    // A list has no groups to check one by one: it is wrong as a whole, not item by item.
    Transform(({ value }) => (Array.isArray(value) ? 'a list' : value)),
    ValidateBy({
      name: 'someoneTookPart',
      validator: {
        validate: (value: Record<string, unknown>) => {
          const counts = PARTICIPANT_GROUPS.map((group) => value?.[group]);
          // Invalid counts are reported on their own field; only a valid set can be empty.
          const valid = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= PARTICIPANTS_MAX;
          if (!counts.every(valid)) return true;
          return (counts as number[]).reduce((sum, n) => sum + n, 0) > 0;
        },
        defaultMessage: () => 'participants must add up to at least 1',
      },
    }),
  );

/** Free text; blank is stored as none. */
const Notes = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: ACTIVITY_NOTES_MAX_LENGTH, nullable: true }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    Nullable(),
    IsString(),
    MaxLength(ACTIVITY_NOTES_MAX_LENGTH),
  );

export class CreateActivityDto implements CreateActivityRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-generated id: sending the same create again answers the same record' })
  @Present() @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;
  @OneOf(ACTIVITY_TYPES) type!: ActivityType;
  @ApiProperty({ type: String, format: 'date', example: '2026-01-31' }) @PastDate() occurredOn!: string;
  @Text(ACTIVITY_PLACE_MAX_LENGTH) place!: string;
  @OptionalText(ACTIVITY_COMMUNITY_MAX_LENGTH) community?: string;
  @ParticipantGroups(true) participants!: ParticipantsDto;
  @Codes({ min: 1, description: "Codes of the 'topics' list" }) topics!: string[];
  @Present() @UuidList(ACTIVITY_COUNSELORS_MAX) counselorIds?: string[];
  @OptionalText(ACTIVITY_CAMPAIGN_MAX_LENGTH, { example: 'Piénsalo dos veces' }) campaign?: string;
  @OptionalText(ACTIVITY_MATERIALS_MAX_LENGTH, { example: '120 folletos, 20 afiches' }) materials?: string;
  @Notes() notes?: string;
}

export class UpdateActivityDto implements UpdateActivityRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @OneOf(ACTIVITY_TYPES, { required: false }) type?: ActivityType;
  @Present() @PastDate({ nullable: false }) occurredOn?: string;
  @Present() @Text(ACTIVITY_PLACE_MAX_LENGTH, { required: false }) place?: string;
  @OptionalText(ACTIVITY_COMMUNITY_MAX_LENGTH) community?: string | null;
  @ParticipantGroups(false) participants?: ParticipantsDto;
  @Present() @Codes({ min: 1, required: false }) topics?: string[];
  @Present() @UuidList(ACTIVITY_COUNSELORS_MAX) counselorIds?: string[];
  @OptionalText(ACTIVITY_CAMPAIGN_MAX_LENGTH) campaign?: string | null;
  @OptionalText(ACTIVITY_MATERIALS_MAX_LENGTH) materials?: string | null;
  @Notes() notes?: string | null;
}

/** The filters of the list, which the totals take too. */
export class ActivityFiltersDto implements ActivityFilters {
  @IsOptional() @IsoDate({ description: 'Activities on or after this day' }) from?: string;
  @IsOptional() @IsoDate({ description: 'Activities on or before this day' }) to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES }) @IsOptional() @IsIn(ACTIVITY_TYPES) type?: ActivityType;
  @ApiPropertyOptional({ description: 'Part of the campaign name; case and accents ignored' })
  @IsOptional() @IsString() @MaxLength(ACTIVITY_CAMPAIGN_MAX_LENGTH)
  campaign?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() counselorId?: string;
}

export class ActivityListQueryDto extends IntersectionType(ActivityFiltersDto, PageQueryDto) implements ActivityListQuery {}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateBy } from 'class-validator';
import {
  CreateReferralRequest,
  Language,
  LANGUAGES,
  REFERRAL_COMMENT_MAX_LENGTH,
  REFERRAL_REASON_MAX_LENGTH,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  ReferralActionRequest,
  ReferralListQuery,
  ReferralStatus,
  ReferralUrgency,
  UpdateReferralRequest,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { IsoDate, Nullable, OneOf, OptionalText, Present, QueryBoolean, Text } from '../../../common/validators';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A follow-up date: today or later ("today" a day wide, as wherever the user is), within two years. */
const DueOn = () =>
  applyDecorators(
    IsoDate({ nullable: false, description: 'YYYY-MM-DD; default today + REFERRAL_DUE_DAYS[urgency]' }),
    ValidateBy({
      name: 'notInPast',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          value >= new Date(Date.now() - DAY_MS).toISOString().slice(0, 10) &&
          value <= new Date(Date.now() + 731 * DAY_MS).toISOString().slice(0, 10),
        defaultMessage: (args) => `${args?.property} must be a date from today to two years ahead`,
      },
    }),
  );

const NeedCategory = (required = true) =>
  applyDecorators(ApiProperty({ description: "A code of the 'needCategories' list", required }), IsString(), MaxLength(60));

export class CreateReferralDto implements CreateReferralRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-generated id: sending the same create again answers the same record' })
  @Present() @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() personId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() serviceProviderId!: string;
  @NeedCategory() needCategory!: string;
  @OneOf(REFERRAL_URGENCIES) urgency!: ReferralUrgency;
  @Text(REFERRAL_REASON_MAX_LENGTH) reason!: string;

  @ApiProperty({ enum: [true], description: 'The person agreed that the minimum data are shared with the provider' })
  @Equals(true, { message: 'consentToShare must be true: the person must agree to share the data' })
  consentToShare!: true;

  @Present() @DueOn() dueOn?: string;

  @Nullable() @OneOf(LANGUAGES, { required: false, nullable: true, description: "The slip's language for the person; default the person's preferred language" })
  preferredLanguage?: Language | null;
}

export class UpdateReferralDto implements UpdateReferralRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional({ format: 'uuid' }) @Present() @IsUUID() serviceProviderId?: string;
  @Present() @NeedCategory(false) needCategory?: string;
  @Present() @OneOf(REFERRAL_URGENCIES, { required: false }) urgency?: ReferralUrgency;
  @Present() @Text(REFERRAL_REASON_MAX_LENGTH, { required: false }) reason?: string;
  @Present() @DueOn() dueOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An active staff member or supervisor of the referral’s hub' })
  @Present() @IsUUID()
  assignedTo?: string;

  @Nullable() @OneOf(LANGUAGES, { required: false, nullable: true, description: 'Changeable while the referral is open' })
  preferredLanguage?: Language | null;
}

export class ReferralActionDto implements ReferralActionRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @OptionalText(REFERRAL_COMMENT_MAX_LENGTH, { description: 'Required for return, reject, decline (the reason) and complete (the outcome)' })
  comment?: string;
}

export class ReferralListQueryDto extends PageQueryDto implements ReferralListQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) @IsOptional() @IsIn(REFERRAL_STATUSES) status?: ReferralStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() serviceProviderId?: string;
  @ApiPropertyOptional({ enum: REFERRAL_URGENCIES }) @IsOptional() @IsIn(REFERRAL_URGENCIES) urgency?: ReferralUrgency;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignedTo?: string;

  @ApiPropertyOptional({ description: 'Waiting for an answer (submitted, approved, accepted) past the due date' })
  @QueryBoolean() @IsOptional() @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Emergencies sent to the provider without a supervisor’s review' })
  @QueryBoolean() @IsOptional() @IsBoolean()
  reviewSkipped?: boolean;

  @ApiPropertyOptional({ enum: ['review'], description: 'Submitted referrals, most urgent first, then oldest submitted' })
  @IsOptional() @IsIn(['review'])
  queue?: 'review';
}

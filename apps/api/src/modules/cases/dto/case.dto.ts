import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import {
  AGE_BANDS,
  AgeBand,
  CASE_COMMENT_MAX_LENGTH,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_NAME_MAX_LENGTH,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_URGENCIES,
  CaseActionRequest,
  CaseListQuery,
  CaseOutcome,
  CaseStatus,
  CaseUrgency,
  CloseCaseRequest,
  CreateCaseRequest,
  LinkCasePersonRequest,
  Profile,
  PROFILES,
  Sex,
  SEXES,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { Codes, CountryCode, OneOf, OptionalText, Present, QueryBoolean, Text } from '../../../common/validators';
import { ConsentDto } from '../../persons/dto/person.dto';

export class CreateCaseDto implements CreateCaseRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client-generated id: sending the same create again answers the same record' })
  @Present() @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The activity during which the case was identified' })
  @Present() @IsUUID()
  activityId?: string;

  @Text(60, { description: "A code of the 'needCategories' list", example: 'child_protection' }) needCategory!: string;
  @OneOf(CASE_URGENCIES) urgency!: CaseUrgency;
  @OneOf(SEXES) sex!: Sex;
  @OneOf(AGE_BANDS) ageBand!: AgeBand;
  @CountryCode() nationality!: string;
  @OneOf(PROFILES) profile!: Profile;
  @Present() @Codes({ required: false, description: "Codes of the 'vulnerabilities' list" }) vulnerabilities?: string[];
  @Text(CASE_DESCRIPTION_MAX_LENGTH, { description: 'What the person needs, in a few words; no names here' }) description!: string;

  @ApiPropertyOptional({ type: ConsentDto, description: 'Required (given: true) with givenName or contact' })
  @Present() @IsObject() @ValidateNested() @Type(() => ConsentDto)
  consent?: ConsentDto;

  @OptionalText(CASE_NAME_MAX_LENGTH, { description: 'Identifying: needs consent' }) givenName?: string;
  @OptionalText(100, { description: 'Identifying: needs consent. A phone number or another way to reach the person' }) contact?: string;
}

export class CaseListQueryDto extends PageQueryDto implements CaseListQuery {
  @ApiPropertyOptional({ description: "The hub's inbox: open cases, oldest first (staff and supervisors)" })
  @QueryBoolean() @IsOptional() @IsBoolean()
  inbox?: boolean;

  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() activityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assignedTo?: string;
}

export class CaseActionDto implements CaseActionRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;
}

export class LinkCasePersonDto extends CaseActionDto implements LinkCasePersonRequest {
  @ApiProperty({ format: 'uuid', description: "A person in the caller's scope" }) @IsUUID() personId!: string;
}

export class CloseCaseDto extends CaseActionDto implements CloseCaseRequest {
  @OneOf(CASE_OUTCOMES) outcome!: CaseOutcome;
  @OptionalText(CASE_COMMENT_MAX_LENGTH) comment?: string;
}

// Export queries: the filters of each dataset's list (its own DTO, less the page), plus how to write
// the file. The identifying exports take the same fields in a JSON body, with the reason.
import { ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, MinLength } from 'class-validator';
import {
  ActivityExportQuery,
  AuditEventExportQuery,
  DashboardExportQuery,
  EXPORT_REASON_LENGTH,
  IdentifyingExportRequest,
  Language,
  LANGUAGES,
  PersonExportQuery,
  PersonIdentifyingExportRequest,
  ReferralExportQuery,
  ReferralIdentifyingExportRequest,
  VisitExportQuery,
} from '@mih/contracts';
import { QueryBoolean, Text } from '../../../common/validators';
import { ActivityFiltersDto } from '../../activities/dto/activity.dto';
import { AuditEventFiltersDto } from '../../audit/dto/audit-event-list-query.dto';
import { PersonListQueryDto } from '../../persons/dto/person.dto';
import { ReferralListQueryDto } from '../../referrals/dto/referral.dto';
import { ReportQueryDto } from '../../reports/dto/report-query.dto';
import { VisitListQueryDto } from '../../visits/dto/visit.dto';

export class WordingOptionsDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: "Language of headers and labels (default: the caller's)" })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ type: Boolean, description: 'Codes and column keys instead of labels and headers' })
  @QueryBoolean() @IsOptional() @IsBoolean()
  codes?: boolean;
}

/** Dates and times are written in `timeZone` (the dashboard's validator; default UTC). */
export class ExportOptionsDto extends IntersectionType(WordingOptionsDto, PickType(ReportQueryDto, ['timeZone'] as const)) {}

export class VisitExportQueryDto extends IntersectionType(OmitType(VisitListQueryDto, ['limit', 'cursor'] as const), ExportOptionsDto) implements VisitExportQuery {}

export class PersonExportQueryDto
  extends IntersectionType(OmitType(PersonListQueryDto, ['limit', 'cursor', 'q'] as const), ExportOptionsDto)
  implements PersonExportQuery {}

export class ReferralExportQueryDto
  extends IntersectionType(OmitType(ReferralListQueryDto, ['limit', 'cursor', 'queue'] as const), ExportOptionsDto)
  implements ReferralExportQuery {}

export class ActivityExportQueryDto extends IntersectionType(ActivityFiltersDto, ExportOptionsDto) implements ActivityExportQuery {}

export class AuditEventExportQueryDto extends IntersectionType(AuditEventFiltersDto, ExportOptionsDto) implements AuditEventExportQuery {}

export class DashboardExportQueryDto extends IntersectionType(ReportQueryDto, WordingOptionsDto) implements DashboardExportQuery {}

export class ExportReasonDto implements IdentifyingExportRequest {
  @Text(EXPORT_REASON_LENGTH.max, { minLength: EXPORT_REASON_LENGTH.min, description: 'Why identifying data must leave the app (audited)' })
  @MinLength(EXPORT_REASON_LENGTH.min)
  reason!: string;
}

export class PersonIdentifyingExportDto extends IntersectionType(PersonExportQueryDto, ExportReasonDto) implements PersonIdentifyingExportRequest {}

export class ReferralIdentifyingExportDto extends IntersectionType(ReferralExportQueryDto, ExportReasonDto) implements ReferralIdentifyingExportRequest {}

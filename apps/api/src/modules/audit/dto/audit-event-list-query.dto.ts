// Filters of the audit viewer, shared by the list and its export; each bad value is a 400 naming its field.
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction, AuditEventFilters, AuditEventListQuery } from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { QueryDateTime } from '../../../common/validators';

export class AuditEventFiltersDto implements AuditEventFilters {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events of this user' })
  @IsOptional() @IsUUID() actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;

  @ApiPropertyOptional({ example: 'person', description: 'The kind of record: person, visit, referral, hub, user, visits (an export)…' })
  @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/, { message: '$property must be a record type such as person or referral' }) entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID() entityId?: string;

  @ApiPropertyOptional({ example: 'GT-TCU-000123', description: "A record's id, or its code (a person's or a hub's)" })
  @IsOptional() @IsString() @MaxLength(60) @Matches(/^[A-Za-z0-9-]+$/, { message: '$property must be a record id or code' }) record?: string;

  @IsOptional() @QueryDateTime('Events at or after this instant') from?: string;

  @IsOptional() @QueryDateTime('Events before this instant')
  @ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (to, args) => {
        const from = (args?.object as AuditEventFiltersDto).from;
        return typeof from !== 'string' || typeof to !== 'string' || !(Date.parse(from) > Date.parse(to));
      },
      defaultMessage: () => 'to must not be before from',
    },
  })
  to?: string;
}

export class AuditEventListQueryDto extends IntersectionType(AuditEventFiltersDto, PageQueryDto) implements AuditEventListQuery {}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import { Transform } from 'class-transformer';
import type { ReportQuery } from '@mih/contracts';
import { IsoDate } from '../../../common/validators';

/** Is this an IANA time zone name the runtime (and so PostgreSQL, which has the same database) knows? */
function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export class ReportQueryDto implements ReportQuery {
  @IsoDate({ required: true, nullable: false, description: 'First day of the period' }) from!: string;
  @IsoDate({ required: true, nullable: false, description: 'Last day of the period (included)' }) to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ example: 'GT' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2()
  countryCode?: string;
  @ApiPropertyOptional({ example: 'America/Guatemala', description: 'IANA time zone the days are counted in (default UTC)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone, defaultMessage: () => 'timeZone must be an IANA time zone name' } })
  timeZone?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsUUID } from 'class-validator';
import { Transform } from 'class-transformer';
import type { ReportQuery } from '@mih/contracts';
import { IsoDate, TimeZone } from '../../../common/validators';

export class ReportQueryDto implements ReportQuery {
  @IsoDate({ required: true, nullable: false, description: 'First day of the period' }) from!: string;
  @IsoDate({ required: true, nullable: false, description: 'Last day of the period (included)' }) to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ example: 'GT' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO31661Alpha2()
  countryCode?: string;
  @TimeZone() timeZone?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO31661Alpha2, IsOptional, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  LockQuarterRequest,
  QUARTER_YEARS,
  QuarterLockListQuery,
  QuarterQuery,
  UNLOCK_REASON_LENGTH,
  UnlockQuarterRequest,
} from '@mih/contracts';
import { Text, TimeZone } from '../../../common/validators';

const upperCase = Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value));

/** Year and quarter as query parameters (strings turned into integers). */
class QuarterParamsDto {
  @ApiProperty({ minimum: QUARTER_YEARS.min, maximum: QUARTER_YEARS.max, example: 2026 })
  @Type(() => Number) @IsInt() @Min(QUARTER_YEARS.min) @Max(QUARTER_YEARS.max)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 4, example: 3 })
  @Type(() => Number) @IsInt() @Min(1) @Max(4)
  quarter!: number;
}

export class QuarterLockListQueryDto extends QuarterParamsDto implements QuarterLockListQuery {}

export class QuarterQueryDto extends QuarterParamsDto implements QuarterQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ example: 'GT' }) @IsOptional() @upperCase @IsISO31661Alpha2() countryCode?: string;
  @TimeZone('IANA time zone the quarter\'s days are counted in (default UTC), as on the dashboard') timeZone?: string;
}

/** The JSON body: numbers must be numbers. */
export class LockQuarterDto implements LockQuarterRequest {
  @ApiProperty({ minimum: QUARTER_YEARS.min, maximum: QUARTER_YEARS.max, example: 2026 })
  @IsInt() @Min(QUARTER_YEARS.min) @Max(QUARTER_YEARS.max)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 4, example: 3 }) @IsInt() @Min(1) @Max(4) quarter!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Lock this hub only' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ example: 'GT', description: 'Lock the hubs of this country only' }) @IsOptional() @upperCase @IsISO31661Alpha2() countryCode?: string;
  @TimeZone('IANA time zone of the quarter\'s first and last day (default UTC); sent by the browser') timeZone?: string;
}

export class UnlockQuarterDto implements UnlockQuarterRequest {
  @ApiProperty({ minimum: QUARTER_YEARS.min, maximum: QUARTER_YEARS.max, example: 2026 })
  @IsInt() @Min(QUARTER_YEARS.min) @Max(QUARTER_YEARS.max)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 4, example: 3 }) @IsInt() @Min(1) @Max(4) quarter!: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The hubs whose lock of this quarter is lifted' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique() @IsUUID('all', { each: true })
  hubIds!: string[];

  @Text(UNLOCK_REASON_LENGTH.max, { minLength: UNLOCK_REASON_LENGTH.min, description: 'Why the quarter must change again (audited)' })
  @MinLength(UNLOCK_REASON_LENGTH.min)
  reason!: string;
}

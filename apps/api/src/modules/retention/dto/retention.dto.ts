import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RETENTION_YEARS, UpdateRetentionSettingRequest } from '@mih/contracts';
import { CountryCode } from '../../../common/validators';

export class UpdateRetentionSettingDto implements UpdateRetentionSettingRequest {
  @ApiProperty({ minimum: RETENTION_YEARS.min, maximum: RETENTION_YEARS.max, description: 'Years after closing before records are anonymised' })
  @IsInt() @Min(RETENTION_YEARS.min) @Max(RETENTION_YEARS.max)
  years!: number;
}

export class RetentionCountryParamDto {
  @CountryCode() countryCode!: string;
}

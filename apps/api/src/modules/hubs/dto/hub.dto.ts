import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CreateHubRequest, HUB_STATUSES, HubListQuery, HubStatus, REGION_COUNTRY_CODES, UpdateHubRequest } from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { CountryCode, IsoDate, Nullable, OneOf, OptionalText, PHONE, Present, Text } from '../../../common/validators';

const HUB_CODE = /^[A-Z0-9]{2,6}$/;

export class CreateHubDto implements CreateHubRequest {
  @ApiProperty({ example: 'TCU', description: '2-6 uppercase letters or digits, unique' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString() @Matches(HUB_CODE, { message: 'code must be 2-6 letters or digits' })
  code!: string;

  @Text(120) name!: string;
  @CountryCode() countryCode!: string;
  @Text(120, { description: 'Department, state or province' }) admin1!: string;
  @Text(120) municipality!: string;
  @OptionalText(300) address?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  longitude?: number;

  @OptionalText(40) @Matches(PHONE, { message: 'phone must contain digits, spaces and + ( ) - . / only' })
  phone?: string;

  @OptionalText(200) openingHours?: string;

  @ApiPropertyOptional({ type: [String], example: ['information', 'referrals'] })
  @Present() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(80, { each: true })
  services?: string[];

  @Present() @OneOf(HUB_STATUSES) status?: HubStatus;

  @Nullable() @IsoDate() openedOn?: string;
}

export class UpdateHubDto implements UpdateHubRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @ApiPropertyOptional() @Present() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString() @Matches(HUB_CODE, { message: 'code must be 2-6 letters or digits' })
  code?: string;

  @Present() @Text(120) name?: string;
  @Present() @CountryCode() countryCode?: string;
  @Present() @Text(120) admin1?: string;
  @Present() @Text(120) municipality?: string;
  @OptionalText(300) address?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90, nullable: true })
  @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, nullable: true })
  @Nullable() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  longitude?: number;

  @OptionalText(40) @Matches(PHONE, { message: 'phone must contain digits, spaces and + ( ) - . / only' })
  phone?: string;

  @OptionalText(200) openingHours?: string;

  @ApiPropertyOptional({ type: [String] })
  @Present() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(80, { each: true })
  services?: string[];

  @Present() @OneOf(HUB_STATUSES) status?: HubStatus;
  @Nullable() @IsoDate() openedOn?: string;
}

export class HubListQueryDto extends PageQueryDto implements HubListQuery {
  @ApiPropertyOptional({ example: REGION_COUNTRY_CODES[3] })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsString() @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be a 2-letter code' })
  countryCode?: string;

  @ApiPropertyOptional({ enum: HUB_STATUSES }) @IsOptional() @IsIn(HUB_STATUSES) status?: HubStatus;

  @ApiPropertyOptional({ description: 'Part of the name, code or municipality; accents ignored' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}


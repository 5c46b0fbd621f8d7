import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  CreateUserRequest,
  Language,
  LANGUAGES,
  ResetPasswordRequest,
  Role,
  ROLES,
  UpdateUserRequest,
  UserListQuery,
} from '@mih/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { CountryCodes, NewPassword, OneOf, Present, QueryBoolean, Text, UuidList } from '../../../common/validators';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'ana.lopez@example.org', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString() @MaxLength(254) @IsEmail()
  email!: string;

  @Text(120) displayName!: string;
  @OneOf(ROLES) role!: Role;
  @NewPassword() password!: string;
  @Present() @UuidList() hubIds?: string[];
  @Present() @CountryCodes() countryCodes?: string[];
  @Present() @OneOf(LANGUAGES) language?: Language;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty({ description: 'The version last read; a stale one answers 409' })
  @IsInt() @Min(1)
  version!: number;

  @Present() @Text(120) displayName?: string;
  @Present() @OneOf(ROLES) role?: Role;
  @Present() @UuidList() hubIds?: string[];
  @Present() @CountryCodes() countryCodes?: string[];
  @Present() @OneOf(LANGUAGES) language?: Language;
  @ApiPropertyOptional() @Present() @IsBoolean() active?: boolean;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @NewPassword() password!: string;
}

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @QueryBoolean() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name or email' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

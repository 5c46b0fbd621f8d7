import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ChangePasswordRequest, Language, LANGUAGES, LoginRequest, UpdateMeRequest } from '@mih/contracts';
import { NewPassword, Present } from '../../../common/validators';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@example.org' })
  @IsString() @IsNotEmpty() @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  password!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ enum: LANGUAGES }) @Present() @IsIn(LANGUAGES) language?: Language;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  currentPassword!: string;

  @NewPassword() newPassword!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Language, LANGUAGES, LoginRequest, UpdateMeRequest } from '@mih/contracts';
import { Present } from '../../../common/validators';

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

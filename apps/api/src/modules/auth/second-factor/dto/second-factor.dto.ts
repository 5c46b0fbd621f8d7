import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { RECOVERY_CODE_PATTERN, SecondFactorCodeRequest, SecondFactorLoginRequest, TOTP_CODE_PATTERN } from '@mih/contracts';

const CODE_MESSAGE = '$property must be the 6 digits your authenticator app shows';
const RECOVERY_MESSAGE = '$property must be one of your recovery codes (10 letters and digits, e.g. abcde-23456)';

export class SecondFactorCodeDto implements SecondFactorCodeRequest {
  @ApiProperty({ example: '123456', pattern: TOTP_CODE_PATTERN.source })
  @IsString() @Matches(TOTP_CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
}

/** Exactly one of code and recoveryCode: without either, `code` is the field named missing. */
export class SecondFactorLoginDto implements SecondFactorLoginRequest {
  @ApiProperty({ description: 'From the sign-in answer' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  challengeToken!: string;

  @ApiPropertyOptional({ example: '123456', pattern: TOTP_CODE_PATTERN.source })
  @ValidateIf((dto: SecondFactorLoginDto) => dto.recoveryCode === undefined || dto.code !== undefined)
  @IsString() @Matches(TOTP_CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional({ example: 'abcde-23456', pattern: RECOVERY_CODE_PATTERN.source })
  @IsOptional()
  @ValidateIf((dto: SecondFactorLoginDto) => dto.code === undefined)
  @IsString() @Matches(RECOVERY_CODE_PATTERN, { message: RECOVERY_MESSAGE })
  recoveryCode?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PROVIDER_LINK_ACTIONS, ProviderLinkAction, ProviderLinkRespondRequest, ProviderLinkViewRequest, REFERRAL_COMMENT_MAX_LENGTH } from '@mih/contracts';
import { OptionalText } from '../../../common/validators';

export class ProviderLinkViewDto implements ProviderLinkViewRequest {
  @ApiProperty({ description: 'The token of the link (the part after #)' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  token!: string;
}

export class ProviderLinkRespondDto extends ProviderLinkViewDto implements ProviderLinkRespondRequest {
  @ApiProperty({ enum: PROVIDER_LINK_ACTIONS }) @IsIn(PROVIDER_LINK_ACTIONS) action!: ProviderLinkAction;

  @OptionalText(REFERRAL_COMMENT_MAX_LENGTH, { description: 'Required: the reason (decline) or the outcome (complete)' })
  comment?: string;
}

import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ProviderReferralView } from '@mih/contracts';
import { Public } from '../../common/decorators';
import { ProviderLinkRespondDto, ProviderLinkViewDto } from './dto/provider-link.dto';
import { ProviderLinksService } from './provider-links.service';

/** For providers without an account: the token travels in the body, never in a URL (or a log line). */
@ApiTags('provider-links')
@Public()
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address' })
@ApiNotFoundResponse({ description: 'Unknown, revoked, expired or used-up link (one answer for all)' })
@Controller('provider-links')
export class ProviderLinksController {
  constructor(private readonly providerLinks: ProviderLinksService) {}

  @Post('view')
  @HttpCode(200)
  view(@Body() dto: ProviderLinkViewDto, @Ip() ip: string): Promise<ProviderReferralView> {
    return this.providerLinks.view(dto.token, ip ?? null);
  }

  /** Accept, decline (comment: the reason) or complete (comment: the outcome). */
  @Post('respond')
  @HttpCode(200)
  respond(@Body() dto: ProviderLinkRespondDto, @Ip() ip: string): Promise<ProviderReferralView> {
    return this.providerLinks.respond(dto, ip ?? null);
  }
}

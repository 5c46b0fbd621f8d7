import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Page, ProviderLink, Referral, REFERRAL_ACTIONS, ReferralAction, ReferralDetail, ReferralListItem } from '@mih/contracts';
import { NotFoundException } from '../../common/api-exception';
import { Authenticated, CurrentActor, Roles, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreateReferralDto, ReferralActionDto, ReferralListQueryDto, UpdateReferralDto } from './dto/referral.dto';
import { ProviderLinksService } from './provider-links.service';
import { ReferralsService } from './referrals.service';

/** A path segment naming one of the 8 actions; any other answers 404 like an unknown route. */
const ActionParam = () =>
  Param('action', {
    transform: (value: string): ReferralAction => {
      if (!(REFERRAL_ACTIONS as readonly string[]).includes(value)) throw new NotFoundException('Referral action');
      return value as ReferralAction;
    },
  });

@ApiTags('referrals')
@Authenticated()
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly providerLinks: ProviderLinksService,
  ) {}

  /** Counselors get only what they created (nothing, in this version). */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ReferralListQueryDto): Promise<Page<ReferralListItem>> {
    return this.referrals.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ReferralDetail> {
    return this.referrals.get(actor, id);
  }

  /** 201 when created (a draft); 200 with the same record when this client id was created before. */
  @Post()
  @Roles('admin', 'supervisor', 'staff')
  @ApiOkResponse({ description: 'The same create sent again (same id, same content)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateReferralDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Referral> {
    const { referral, created } = await this.referrals.create(actor, dto);
    if (!created) void reply.status(200);
    return referral;
  }

  @Patch(':id')
  @Roles('admin', 'supervisor', 'staff')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateReferralDto): Promise<Referral> {
    return this.referrals.update(actor, id, dto);
  }

  /** A one-time link for the provider (approved or accepted referrals); earlier links stop working. */
  @Post(':id/provider-link')
  @Roles('admin', 'supervisor', 'staff')
  @ApiConflictResponse({ description: 'The referral is not approved or accepted' })
  createProviderLink(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ProviderLink> {
    return this.providerLinks.create(actor, id);
  }

  /** The state machine: 409 for a stale version or an action the status does not allow; 403 for staff reviewing. */
  @Post(':id/:action')
  @HttpCode(200)
  @Roles('admin', 'supervisor', 'staff')
  @ApiParam({ name: 'action', enum: REFERRAL_ACTIONS })
  @ApiConflictResponse({ description: 'Stale version (stale_version) or an action not allowed from the current status (conflict)' })
  act(@CurrentActor() actor: Actor, @UuidParam() id: string, @ActionParam() action: ReferralAction, @Body() dto: ReferralActionDto): Promise<Referral> {
    return this.referrals.act(actor, id, action, dto);
  }
}

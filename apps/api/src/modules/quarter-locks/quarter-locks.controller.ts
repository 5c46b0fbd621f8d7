import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { QUARTER_CLOSE_ROLES, type Page, type QuarterChecks, type QuarterLock } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { LockQuarterDto, QuarterLockListQueryDto, QuarterQueryDto, UnlockQuarterDto } from './dto/quarter-lock.dto';
import { QuarterLocksService } from './quarter-locks.service';

const WHAT_A_LOCK_DOES =
  "While a hub's quarter is locked, its visits and activities of that quarter cannot be created, changed, moved into or out of it, " +
  'or deleted: the API answers 409 `quarter_locked`. Marking a visit\'s follow-up done stays possible. Referrals, persons and cases ' +
  'are never locked: providers answer and cases close after the quarter ends.';

@ApiTags('quarter-locks')
@Authenticated()
@Controller('quarter-locks')
export class QuarterLocksController {
  constructor(private readonly quarterLocks: QuarterLocksService) {}

  @Get('checks')
  @Roles(...QUARTER_CLOSE_ROLES)
  @ApiOperation({ summary: 'Data-quality checks of a quarter, per hub of the caller\'s scope (hubId/countryCode narrow it)' })
  checks(@CurrentActor() actor: Actor, @Query() query: QuarterQueryDto): Promise<QuarterChecks> {
    return this.quarterLocks.checks(actor, query);
  }

  @Get()
  @ApiOperation({ summary: "The quarter's locks of the hubs in the caller's scope (one per hub at most, in one page)" })
  list(@CurrentActor() actor: Actor, @Query() query: QuarterLockListQueryDto): Promise<Page<QuarterLock>> {
    return this.quarterLocks.list(actor, query);
  }

  /** 201 when a hub was locked; 200 when every selected hub was locked already. */
  @Post()
  @Roles(...QUARTER_CLOSE_ROLES)
  @ApiOperation({ summary: 'Locks an ended quarter for every hub of the caller\'s scope that matches (audited)', description: WHAT_A_LOCK_DOES })
  @ApiOkResponse({ description: 'Every selected hub was locked already; their locks are left as they are' })
  @ApiConflictResponse({ description: 'The quarter has not ended yet' })
  async lock(@CurrentActor() actor: Actor, @Body() dto: LockQuarterDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<QuarterLock[]> {
    const { locks, created } = await this.quarterLocks.lock(actor, dto);
    if (!created) void reply.status(200);
    return locks;
  }

  @Post('unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Lifts the lock of a quarter for the given hubs (admins), audited with the reason; answers the locks removed', description: WHAT_A_LOCK_DOES })
  unlock(@CurrentActor() actor: Actor, @Body() dto: UnlockQuarterDto): Promise<QuarterLock[]> {
    return this.quarterLocks.unlock(actor, dto);
  }
}

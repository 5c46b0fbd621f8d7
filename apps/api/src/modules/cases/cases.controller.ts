import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Case, CaseDetail, Page, SentCase } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CasesService } from './cases.service';
import { CaseActionDto, CaseListQueryDto, CloseCaseDto, CreateCaseDto, LinkCasePersonDto } from './dto/case.dto';

/**
 * Cases identified in the community. Counselors send them and see their status only; staff and
 * supervisors of the hub work them from the inbox (`?inbox=true`): take, link a person, close.
 */
@ApiTags('cases')
@Authenticated()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOperation({
    summary: 'Cases in scope, newest first; ?inbox=true: open cases of the hub, oldest first, with the response timer',
    description: 'Counselors get the cases they sent, as status only (SentCase); inbox and assignedTo answer them 403.',
  })
  list(@CurrentActor() actor: Actor, @Query() query: CaseListQueryDto): Promise<Page<Case | SentCase>> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The whole case (staff; the read is audited), or its status (the counselor who sent it)' })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<CaseDetail | SentCase> {
    return this.cases.get(actor, id);
  }

  /** 201 when created; 200 with the same record when this client id was created before. */
  @Post()
  @ApiOperation({ summary: "Sends a case to the hub's inbox (status new)" })
  @ApiOkResponse({ description: 'The same create sent again (same id, same content)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseDetail | SentCase> {
    const { case: found, created } = await this.cases.create(actor, dto);
    if (!created) void reply.status(200);
    return found;
  }

  @Post(':id/take')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assigns the case to the caller: in_progress. 409 when closed or stale' })
  take(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CaseActionDto): Promise<CaseDetail> {
    return this.cases.take(actor, id, dto);
  }

  @Post(':id/link-person')
  @HttpCode(200)
  @ApiOperation({ summary: "Links a person of the caller's scope. 409 when closed or stale" })
  linkPerson(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: LinkCasePersonDto): Promise<CaseDetail> {
    return this.cases.linkPerson(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Closes the case with its outcome. 409 when closed already or stale' })
  close(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: CloseCaseDto): Promise<CaseDetail> {
    return this.cases.close(actor, id, dto);
  }
}

import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, Visit, VisitListItem } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreateVisitDto, UpdateVisitDto, VisitListQueryDto } from './dto/visit.dto';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Authenticated()
@Controller('visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: VisitListQueryDto): Promise<Page<VisitListItem>> {
    return this.visits.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<Visit> {
    return this.visits.get(actor, id);
  }

  /** 201 when created; 200 with the same record when this client id was created before. */
  @Post()
  @ApiOkResponse({ description: 'The same create sent again (same id, same content)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateVisitDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Visit> {
    const { visit, created } = await this.visits.create(actor, dto);
    if (!created) void reply.status(200);
    return visit;
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateVisitDto): Promise<Visit> {
    return this.visits.update(actor, id, dto);
  }
}

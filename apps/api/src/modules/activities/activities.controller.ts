import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Activity, ActivityTotals, Page } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { ActivitiesService } from './activities.service';
import { ActivityFiltersDto, ActivityListQueryDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';

@ApiTags('activities')
@Authenticated()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @ApiOperation({ summary: 'Activities in scope (counselors: their own), newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: ActivityListQueryDto): Promise<Page<Activity>> {
    return this.activities.list(actor, query);
  }

  @Get('totals')
  @ApiOperation({ summary: 'Count and participants by sex and age of the activities the filters select' })
  totals(@CurrentActor() actor: Actor, @Query() query: ActivityFiltersDto): Promise<ActivityTotals> {
    return this.activities.totals(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<Activity> {
    return this.activities.get(actor, id);
  }

  /** 201 when created; 200 with the same record when this client id was created before. */
  @Post()
  @ApiOkResponse({ description: 'The same create sent again (same id, same content)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateActivityDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Activity> {
    const { activity, created } = await this.activities.create(actor, dto);
    if (!created) void reply.status(200);
    return activity;
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateActivityDto): Promise<Activity> {
    return this.activities.update(actor, id, dto);
  }
}

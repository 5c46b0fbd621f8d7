import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Hub, Page } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreateHubDto, HubListQueryDto, UpdateHubDto } from './dto/hub.dto';
import { HubsService } from './hubs.service';

@ApiTags('hubs')
@Authenticated()
@Controller('hubs')
export class HubsController {
  constructor(private readonly hubs: HubsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: HubListQueryDto): Promise<Page<Hub>> {
    return this.hubs.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<Hub> {
    return this.hubs.get(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateHubDto): Promise<Hub> {
    return this.hubs.create(actor, dto);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateHubDto): Promise<Hub> {
    return this.hubs.update(actor, id, dto);
  }
}

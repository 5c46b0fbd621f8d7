import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Counselor, Page } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CounselorsService } from './counselors.service';
import { CounselorListQueryDto, CreateCounselorDto, UpdateCounselorDto } from './dto/counselor.dto';

@ApiTags('counselors')
@Authenticated()
@Controller('counselors')
export class CounselorsController {
  constructor(private readonly counselors: CounselorsService) {}

  @Get()
  @ApiOperation({ summary: 'Counselors who work in a hub of the caller scope, by name' })
  list(@CurrentActor() actor: Actor, @Query() query: CounselorListQueryDto): Promise<Page<Counselor>> {
    return this.counselors.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<Counselor> {
    return this.counselors.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'A counselor account and its profile (admins; supervisors in the hubs of their scope)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCounselorDto): Promise<Counselor> {
    return this.counselors.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Profile, hubs and active flag (admins; supervisors in their scope)' })
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateCounselorDto): Promise<Counselor> {
    return this.counselors.update(actor, id, dto);
  }
}

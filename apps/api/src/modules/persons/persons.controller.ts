import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, Person, PersonDetail } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreatePersonDto, MergePersonsDto, PersonListQueryDto, RevealPersonDto, UpdatePersonDto } from './dto/person.dto';
import { PersonsService } from './persons.service';

@ApiTags('persons')
@Authenticated()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PersonListQueryDto): Promise<Page<Person>> {
    return this.persons.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<PersonDetail> {
    return this.persons.get(actor, id);
  }

  /** 201 when created; 200 with the same record when this client id was created before. */
  @Post()
  @ApiOkResponse({ description: 'The same create sent again (same id, same content)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Person> {
    const { person, created } = await this.persons.create(actor, dto);
    if (!created) void reply.status(200);
    return person;
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    return this.persons.update(actor, id, dto);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  reveal(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: RevealPersonDto): Promise<Person> {
    return this.persons.reveal(actor, id, dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  merge(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: MergePersonsDto): Promise<Person> {
    return this.persons.merge(actor, id, dto);
  }
}

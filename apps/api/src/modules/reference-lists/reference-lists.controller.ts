import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Language, LANGUAGES, ReferenceLists } from '@mih/contracts';
import { Authenticated, CurrentActor } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { ReferenceListsService } from './reference-lists.service';

export class ReferenceListsQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: "Defaults to the caller's language" })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: Language;
}

@ApiTags('reference-lists')
@Authenticated()
@Controller('reference-lists')
export class ReferenceListsController {
  constructor(private readonly lists: ReferenceListsService) {}

  @Get()
  all(@CurrentActor() actor: Actor, @Query() query: ReferenceListsQueryDto): Promise<ReferenceLists> {
    return this.lists.all(query.lang ?? actor.language);
  }
}

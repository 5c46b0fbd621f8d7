import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RetentionPreview, RetentionSetting, RetentionSettings } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { RetentionCountryParamDto, UpdateRetentionSettingDto } from './dto/retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Authenticated()
@Roles('admin')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The period of every country with a hub or a period set. */
  @Get('settings')
  settings(): Promise<RetentionSettings> {
    return this.retention.settings();
  }

  @Put('settings/:countryCode')
  update(@CurrentActor() actor: Actor, @Param() params: RetentionCountryParamDto, @Body() dto: UpdateRetentionSettingDto): Promise<RetentionSetting> {
    return this.retention.update(actor, params.countryCode, dto.years);
  }

  /** What the next run would anonymise (counts and oldest dates: no personal data). */
  @Get('preview')
  preview(): Promise<RetentionPreview> {
    return this.retention.preview();
  }
}

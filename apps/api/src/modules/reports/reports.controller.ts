import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Dashboard } from '@mih/contracts';
import { Authenticated, CurrentActor } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { ReportQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Authenticated()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The figures of the caller's scope (counselors: what they recorded) for the period. */
  @Get('dashboard')
  dashboard(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<Dashboard> {
    return this.reports.dashboard(actor, query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { AuditService } from './audit.service';
import { AuditEventListQueryDto } from './dto/audit-event-list-query.dto';

@ApiTags('audit')
@Authenticated()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Not audited itself: see README, "Audit trail" (the export of the trail is). */
  @Get()
  @Roles('admin', 'supervisor')
  list(@CurrentActor() actor: Actor, @Query() query: AuditEventListQueryDto): Promise<Page<AuditEvent>> {
    return this.audit.list(actor, query);
  }
}

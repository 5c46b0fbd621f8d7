// `GET /api/exports/<dataset>.<format>` streams a de-identified file; the identifying exports are POSTs,
// so that their reason (and any filter) never sits in a URL, a proxy log or the browser history.
import { applyDecorators, Body, Controller, Get, Param, PipeTransform, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { EXPORT_FORMATS, ExportFormat, IDENTIFYING_EXPORT_ROLES } from '@mih/contracts';
import { ValidationFailedException } from '../../common/api-exception';
import { Authenticated, CurrentActor, Roles } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import {
  ActivityExportQueryDto,
  AuditEventExportQueryDto,
  DashboardExportQueryDto,
  PersonExportQueryDto,
  PersonIdentifyingExportDto,
  ReferralExportQueryDto,
  ReferralIdentifyingExportDto,
  VisitExportQueryDto,
} from './dto/export-query.dto';
import { ExportFile, ExportsService } from './exports.service';
import { CONTENT_TYPES } from './export-writers';

const formatPipe: PipeTransform<string, ExportFormat> = {
  transform(value) {
    if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
    throw ValidationFailedException.forField('format', 'isIn', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  },
};
const Format = () => Param('format', formatPipe);

/** OpenAPI: a file download in either format. */
const FileResponse = () =>
  applyDecorators(
    ApiParam({ name: 'format', enum: EXPORT_FORMATS }),
    ApiProduces(...Object.values(CONTENT_TYPES)),
    ApiOkResponse({ description: 'The file, streamed as an attachment', schema: { type: 'string', format: 'binary' } }),
    ApiBadRequestResponse({ description: 'A filter or option is invalid (the field is named)' }),
  );

const DE_IDENTIFIED = 'De-identified: person codes, age bands; no names, document numbers, phones, birth dates or free-text notes.';
const IDENTIFYING =
  'Identifying export, admins and supervisors only (403 for the others). A POST so that the reason stays out of URLs; ' +
  'the filters are those of the GET, in the JSON body, with `reason` (written to the audit trail).';

@ApiTags('exports')
@Authenticated()
@Controller('exports')
export class ExportsController {
  private readonly idleReadMs: number;

  constructor(
    private readonly exports: ExportsService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.idleReadMs = config.get('EXPORT_IDLE_READ_SECONDS', { infer: true }) * 1000;
  }

  @Get('visits.:format')
  @ApiOperation({ summary: 'Visits of my scope with the filters of GET /api/visits', description: DE_IDENTIFIED })
  @FileResponse()
  async visits(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: VisitExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.export(actor, 'visits', format, query), this.idleReadMs);
  }

  @Get('persons.:format')
  @ApiOperation({ summary: 'Persons of my scope with the filters of GET /api/persons (but q)', description: DE_IDENTIFIED })
  @FileResponse()
  async persons(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: PersonExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.export(actor, 'persons', format, query), this.idleReadMs);
  }

  @Post('persons.:format')
  @Roles(...IDENTIFYING_EXPORT_ROLES)
  @ApiOperation({ summary: 'Persons with their consented names, birth date, document number and phone', description: IDENTIFYING })
  @FileResponse()
  async identifyingPersons(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Body() body: PersonIdentifyingExportDto, @Res() reply: FastifyReply) {
    const { reason, ...query } = body;
    send(reply, await this.exports.export(actor, 'persons', format, query, { reason }), this.idleReadMs);
  }

  @Get('referrals.:format')
  @ApiOperation({ summary: 'Referrals of my scope with the filters of GET /api/referrals (but queue)', description: `${DE_IDENTIFIED} No reasons or outcomes.` })
  @FileResponse()
  async referrals(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: ReferralExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.export(actor, 'referrals', format, query), this.idleReadMs);
  }

  @Post('referrals.:format')
  @Roles(...IDENTIFYING_EXPORT_ROLES)
  @ApiOperation({ summary: "Referrals with the person's consented names and phone", description: IDENTIFYING })
  @FileResponse()
  async identifyingReferrals(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Body() body: ReferralIdentifyingExportDto, @Res() reply: FastifyReply) {
    const { reason, ...query } = body;
    send(reply, await this.exports.export(actor, 'referrals', format, query, { reason }), this.idleReadMs);
  }

  @Get('activities.:format')
  @ApiOperation({ summary: 'Outreach activities of my scope with the filters of GET /api/activities', description: 'Notes are left out.' })
  @FileResponse()
  async activities(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: ActivityExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.export(actor, 'activities', format, query), this.idleReadMs);
  }

  @Get('audit-events.:format')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The audit trail of my scope with the filters of GET /api/audit-events, newest first',
    description: 'Admins all events; supervisors the events of the hubs of their scope. The export is itself audited.',
  })
  @FileResponse()
  async auditEvents(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: AuditEventExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.export(actor, 'audit_events', format, query), this.idleReadMs);
  }

  @Get('dashboard.:format')
  @ApiOperation({
    summary: 'The dashboard figures as rows (section, code, label, count)',
    description: 'The figures of GET /api/reports/dashboard; every count from 1 to 4 is written "<5" (0 stays 0).',
  })
  @FileResponse()
  async dashboard(@CurrentActor() actor: Actor, @Format() format: ExportFormat, @Query() query: DashboardExportQueryDto, @Res() reply: FastifyReply) {
    send(reply, await this.exports.dashboard(actor, format, query), this.idleReadMs);
  }
}

function send(reply: FastifyReply, file: ExportFile, idleReadMs: number): void {
  cutWhenUnread(reply, file, idleReadMs);
  void reply.status(200).header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.stream);
}

/**
 * A client that stops reading (a stalled network, a script that opened the download and forgot it) would
 * hold the export's cursor and connection for ever: when nothing more reaches the socket for `idleMs`,
 * the download is cut, which closes the cursor and frees the connection and the caller's slot.
 */
function cutWhenUnread(reply: FastifyReply, file: ExportFile, idleMs: number): void {
  const socket = reply.raw.socket;
  if (!socket || typeof socket.bytesWritten !== 'number') return; // injected requests (tests) have no socket
  let written = socket.bytesWritten;
  let movedAt = Date.now();
  const timer = setInterval(() => {
    if (socket.bytesWritten !== written) {
      written = socket.bytesWritten;
      movedAt = Date.now();
    } else if (Date.now() - movedAt >= idleMs) {
      clearInterval(timer);
      file.stream.destroy();
      socket.destroy();
    }
  }, Math.min(1000, Math.max(100, idleMs / 4)));
  timer.unref();
  file.stream.once('close', () => clearInterval(timer));
  socket.once('close', () => clearInterval(timer));
}

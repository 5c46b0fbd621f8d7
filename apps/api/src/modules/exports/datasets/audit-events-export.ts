// The audit trail as a file: the viewer's filtered, scoped query, newest first, one row per event.
// Details are written as JSON (field names, reasons, outcomes: the audit trail never holds personal data).
import { Injectable } from '@nestjs/common';
import type { AuditEventFilters } from '@mih/contracts';
import { AuditService, selectShown } from '../../audit/audit.service';
import type { Actor } from '../../../common/actor';
import { AUDIT_ACTION_LABELS } from '../export-labels';
import { DatasetExport, ExportColumn, localDateTime } from './export-dataset';

@Injectable()
export class AuditEventsExport implements DatasetExport<AuditEventFilters> {
  constructor(private readonly audit: AuditService) {}

  query(actor: Actor, filters: AuditEventFilters, { timeZone }: { timeZone: string }) {
    return selectShown(this.audit.filtered(actor, filters))
      .addSelect(localDateTime('event.occurred_at'), 'occurred_local')
      .setParameter('exportTimeZone', timeZone)
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC');
  }

  columns(): ExportColumn[] {
    return [
      { key: 'occurredAt', type: 'datetime', value: (row) => row.occurred_local, width: 17 },
      { key: 'actor', value: (row) => row.actor_name, width: 24 },
      { key: 'auditAction', value: (row, text) => text.of(AUDIT_ACTION_LABELS, row.action), width: 22 },
      { key: 'recordType', value: (row) => row.entity_type, width: 16 },
      { key: 'recordCode', value: (row) => row.entity_code, width: 18 },
      { key: 'recordId', value: (row) => row.entity_id, width: 38 },
      { key: 'hubCode', value: (row) => row.hub_code, width: 12 },
      { key: 'ip', value: (row) => row.ip, width: 16 },
      { key: 'details', value: (row) => (row.details && Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : null), width: 60 },
    ];
  }
}

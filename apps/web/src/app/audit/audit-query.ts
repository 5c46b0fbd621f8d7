// The audit viewer's filters as the API's query: whole local days for the period ("to" includes the
// day it names), a record id or code as typed, nothing for "all". Null while the filters cannot be
// asked (a period that ends before it starts, a record with characters no id or code has).
import type { AuditAction, AuditEventFilters } from '@mih/contracts';
import { startOfLocalDay } from '../core/local-day';

export interface AuditFilterValues {
  from: string;
  to: string;
  actorId: string;
  action: AuditAction | '';
  entityType: string;
  record: string;
}

export const RECORD_PATTERN = /^[A-Za-z0-9-]*$/;

export function auditQuery(f: AuditFilterValues): AuditEventFilters | null {
  const record = f.record.trim();
  if (!RECORD_PATTERN.test(record) || record.length > 60) return null;
  if (f.from && f.to && f.from > f.to) return null;
  return {
    from: f.from ? startOfLocalDay(f.from) : undefined,
    to: f.to ? startOfLocalDay(f.to, 1) : undefined,
    actorId: f.actorId || undefined,
    action: f.action || undefined,
    entityType: f.entityType || undefined,
    record: record || undefined,
  };
}

/** The kinds of record the trail names (entity_type), offered in the "record type" filter. */
export const RECORD_TYPES = [
  'person',
  'visit',
  'referral',
  'case',
  'activity',
  'hub',
  'user',
  'service_provider',
  'provider_link',
  'quarter_lock',
  'session',
  'visits',
  'persons',
  'referrals',
  'activities',
  'dashboard',
  'audit_events',
  'retention_setting',
  'retention_run',
] as const;

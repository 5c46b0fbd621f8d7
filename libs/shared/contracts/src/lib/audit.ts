import type { PageQuery } from './pagination';

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'export',
  'login',
  'login_failed',
  'logout',
  'password_reset',
  'token_reuse',
  'lock',
  'unlock',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  hubId: string | null;
  ip: string | null;
  /** Field names changed, reasons, outcomes; never passwords, tokens or personal data. */
  details: Record<string, unknown>;
}

export interface AuditEventListQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
}

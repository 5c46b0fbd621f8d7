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
  /** A user changed their own password (their other sign-ins end). */
  'password_change',
  /** A change of one's own password refused: wrong current password, or locked out (action names fit 20 characters). */
  'password_refused',
  'token_reuse',
  'lock',
  'unlock',
  /** Identifying data shown: a person revealed, or found by its document number. */
  'reveal',
  /** A reveal refused because the user's quota per hour or day was used up. */
  'reveal_refused',
  /** A retention run anonymised closed records (details: counts only). */
  'anonymise',
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

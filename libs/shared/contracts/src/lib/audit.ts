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
  /** Second factor: enrolled (first code confirmed), a recovery code spent, reset by an admin, turned off by the user. */
  'mfa_enrolled',
  'mfa_recovery_used',
  'mfa_reset',
  'mfa_disabled',
  /** A retention run anonymised closed records (details: counts only). */
  'anonymise',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Actions an auditor looks for first: identifying data shown or taken away, and signs of misuse
 * (sign-in failures, a reused session token, a refused reveal or password change). The viewer marks them.
 */
export const NOTABLE_AUDIT_ACTIONS = [
  'reveal',
  'export',
  'reveal_refused',
  'login_failed',
  'token_reuse',
  'password_refused',
] as const satisfies readonly AuditAction[];

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  /** The actor's display name (null for events without a signed-in user: a failed sign-in, a provider link). */
  actorName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** The record's own code where it has one (a person's pseudonymous code, a hub's code). */
  entityCode: string | null;
  hubId: string | null;
  hubCode: string | null;
  ip: string | null;
  /** Field names changed, reasons, outcomes; never passwords, tokens or personal data. */
  details: Record<string, unknown>;
}

/** Filters of the audit viewer (list and export). */
export interface AuditEventFilters {
  /** Who: a user's id (names stay out of URLs). */
  actorId?: string;
  action?: AuditAction;
  entityType?: string;
  entityId?: string;
  /** A record's id (uuid) or code (a person's or hub's code). */
  record?: string;
  /** ISO 8601 instants: events at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

export interface AuditEventListQuery extends PageQuery, AuditEventFilters {}

export const AUDIT_EVENTS_PATH = '/api/audit-events';
/** The CSV (or XLSX) of the filtered trail, through the export machinery; audited as an export. */
export const AUDIT_EXPORT_PATH = '/api/exports/audit-events';

import type { PageQuery } from './pagination';

export const NOTIFICATION_KINDS = [
  'referral_overdue',
  'referral_emergency_sent',
  'referral_submitted',
  'referral_returned',
  'referral_rejected',
  'referral_provider_answered',
  'referral_assigned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app notice for one user; the web shows them under the bell. */
export interface Notification {
  id: string;
  kind: NotificationKind;
  referralId: string;
  /** The referral's person code, to show without another request. */
  personCode: string;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications`: newest first. */
export interface NotificationListQuery extends PageQuery {
  unread?: boolean;
}

/** `GET /api/notifications/unread-count`. */
export interface UnreadCount {
  count: number;
}

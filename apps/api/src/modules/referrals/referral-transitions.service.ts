// The one place a referral changes status. Every action, whether staff take it or a provider answers
// through its link, is a conditional UPDATE that applies only to the version the caller read and only
// from a status REFERRAL_TRANSITIONS allows, checked by its row count; the timeline event, the
// notifications and the audit row are written in the same transaction. Of N concurrent approvals of
// one referral, one UPDATE matches and the others find a newer version: one winner, one event.
// Four eyes: whoever created or submitted a referral never approves it; only a first submit (from draft)
// of an emergency skips review, and that skip is flagged on the referral and in the audit trail.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { REFERRAL_TRANSITIONS, ReferralAction, ReferralStatus } from '@mih/contracts';
import { ApproverIsAuthorException, ConflictException, StaleVersionException, ValidationFailedException } from '../../common/api-exception';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { commentRequired, OUTCOME_ACTIONS } from './referral-state-machine';

export interface TransitionRequest {
  action: ReferralAction;
  /** The version the caller read; anything else answers 409 stale_version. */
  version: number;
  comment: string | null;
  /** Null when the provider answers through its link. */
  actor: Actor | null;
  /** The provider link used, when there is no actor. */
  providerLinkId?: string;
  ip?: string | null;
}

export interface TransitionResult {
  fromStatus: ReferralStatus;
  toStatus: ReferralStatus;
}

interface UpdatedRow {
  from_status: ReferralStatus;
  to_status: ReferralStatus;
  hub_id: string;
  assigned_to: string;
}

@Injectable()
export class ReferralTransitions {
  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Applies the action to the referral inside the caller's transaction. An emergency referral's first
   * submit (from draft) leads straight to approved: two events, 'submit' by the caller and 'approve' with
   * no actor (the system). A returned referral was seen by a supervisor: it goes back to review whatever
   * its urgency now is (raising it to emergency must not open a way around the review).
   */
  async apply(manager: EntityManager, referralId: string, request: TransitionRequest): Promise<TransitionResult> {
    const { action, version, actor } = request;
    const comment = request.comment?.trim() || null;
    if (commentRequired(action) && !comment) {
      throw ValidationFailedException.forField('comment', 'isDefined', `comment is required to ${action} a referral`);
    }
    if (action === 'approve' && actor) await this.assertNotAuthor(manager, referralId, actor.id);
    const { from, to } = REFERRAL_TRANSITIONS[action];
    // In SET, r.* is the row before the update: the skip applies to a draft's submit only.
    const skipsReview = `$4 = 'submit' AND r.urgency = 'emergency' AND r.status = 'draft'`;
    const [rows] = (await manager.query(
      `UPDATE referrals r SET
         status = CASE WHEN ${skipsReview} THEN 'approved' ELSE $5 END,
         review_skipped = CASE WHEN ${skipsReview} THEN true ELSE r.review_skipped END,
         submitted_at = CASE WHEN $4 = 'submit' THEN now() ELSE r.submitted_at END,
         outcome = CASE WHEN $6 THEN $7 ELSE r.outcome END,
         version = r.version + 1,
         updated_at = now()
       FROM referrals old
       WHERE old.id = r.id AND r.id = $1 AND r.version = $2 AND r.status = ANY($3::text[])
       RETURNING old.status AS from_status, r.status AS to_status, r.hub_id, r.assigned_to`,
      [referralId, version, from, action, to, OUTCOME_ACTIONS.includes(action), comment],
    )) as [UpdatedRow[], number];
    const [row] = rows;
    if (!row) return this.refuse(manager, referralId, action, version);

    const actorId = actor?.id ?? null;
    const viaProviderLink = actor === null;
    const autoApproved = action === 'submit' && row.to_status === 'approved';
    await this.addEvent(manager, referralId, action, row.from_status, autoApproved ? 'submitted' : row.to_status, actorId, viaProviderLink, comment);
    if (autoApproved) await this.addEvent(manager, referralId, 'approve', 'submitted', 'approved', null, false, null);

    await this.notify(manager, referralId, action, row, actorId, autoApproved);
    await this.audit.record(
      {
        actor,
        ip: request.ip,
        action: 'update',
        entityType: 'referral',
        entityId: referralId,
        hubId: row.hub_id,
        // Free text can hold personal data: whether there was a comment, never the comment.
        details: {
          action,
          from: row.from_status,
          to: row.to_status,
          commented: comment !== null,
          viaProviderLink,
          providerLinkId: request.providerLinkId,
          ...(autoApproved ? { reviewSkipped: true, urgency: 'emergency' } : {}),
        },
      },
      manager,
    );
    return { fromStatus: row.from_status, toStatus: row.to_status };
  }

  /** 403 approver_is_author when the user created the referral or submitted it (now or before a return). */
  private async assertNotAuthor(manager: EntityManager, referralId: string, userId: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT r.created_by = $2 OR EXISTS (
         SELECT 1 FROM referral_events e WHERE e.referral_id = r.id AND e.kind = 'submit' AND e.actor_id = $2
       ) AS authored
       FROM referrals r WHERE r.id = $1`,
      [referralId, userId],
    )) as { authored: boolean }[];
    if (row?.authored) throw new ApproverIsAuthorException();
  }

  /** No row matched: a stale version, or an action the current status does not allow. */
  private async refuse(manager: EntityManager, referralId: string, action: ReferralAction, version: number): Promise<never> {
    const [current] = (await manager.query('SELECT status, version FROM referrals WHERE id = $1', [referralId])) as { status: ReferralStatus; version: number }[];
    if (!current || current.version !== version) throw new StaleVersionException('Referral');
    throw new ConflictException(`The action '${action}' is not allowed on a referral that is ${current.status}`);
  }

  private async addEvent(
    manager: EntityManager,
    referralId: string,
    kind: ReferralAction,
    fromStatus: ReferralStatus,
    toStatus: ReferralStatus,
    actorId: string | null,
    viaProviderLink: boolean,
    comment: string | null,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO referral_events (referral_id, kind, from_status, to_status, actor_id, via_provider_link, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [referralId, kind, fromStatus, toStatus, actorId, viaProviderLink, comment],
    );
  }

  /** Supervisors hear of submissions (and of emergencies sent without them); the assignee of answers. */
  private async notify(manager: EntityManager, referralId: string, action: ReferralAction, row: UpdatedRow, actorId: string | null, autoApproved: boolean) {
    const toAssignee = (kind: Parameters<NotificationsService['notifyUsers']>[1]) =>
      this.notifications.notifyUsers(manager, kind, referralId, [row.assigned_to], actorId);
    switch (action) {
      case 'submit':
        return this.notifications.notifySupervisors(manager, autoApproved ? 'referral_emergency_sent' : 'referral_submitted', referralId, row.hub_id, actorId);
      case 'return':
        return toAssignee('referral_returned');
      case 'reject':
        return toAssignee('referral_rejected');
      case 'accept':
      case 'decline':
      case 'complete':
        return toAssignee('referral_provider_answered');
      default:
        return undefined;
    }
  }
}

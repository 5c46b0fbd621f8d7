// In-app notices about referrals: written in the transaction of the change they tell about, read by
// their user only. The overdue sweep runs every 5 minutes on one replica at a time.
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Notification, NotificationKind, Page, UnreadCount } from '@mih/contracts';
import { NotFoundException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import type { Actor } from '../../common/actor';
import { todayUtc } from '../referrals/referral-state-machine';
import { NotificationListQueryDto } from './dto/notification.dto';
import { NotificationEntity } from './notification.entity';
import { insertOverdueNotifications } from './overdue-sweep';

/** Advisory lock of the sweep (727001 is the migrations', 727002 the demo seeding's). */
const SWEEP_LOCK_KEY = 727_003;
export const OVERDUE_SWEEP_JOB = 'referral-overdue-sweep';

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own notices, newest first. */
  async list(actor: Actor, query: NotificationListQueryDto): Promise<Page<Notification>> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId: actor.id });
    if (query.unread === true) qb.andWhere('notification.read_at IS NULL');
    if (query.unread === false) qb.andWhere('notification.read_at IS NOT NULL');
    const page = await paginate(qb, query, {
      sortExpression: 'notification.created_at',
      idExpression: 'notification.id',
      sortValue: (n) => n.createdAt.toISOString(),
      idValue: (n) => n.id,
      direction: 'DESC',
      sortType: 'timestamptz',
    });
    return { items: await this.represent(page.items), nextCursor: page.nextCursor };
  }

  async unreadCount(actor: Actor): Promise<UnreadCount> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL', [actor.id]);
    return { count };
  }

  /** Marks one of the caller's notices read (again is fine); someone else's answers 404. */
  async markRead(actor: Actor, id: string): Promise<void> {
    const [, affected] = await this.dataSource.query('UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2', [id, actor.id]);
    if (affected !== 1) throw new NotFoundException('Notification');
  }

  async markAllRead(actor: Actor): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [actor.id]);
  }

  /** Tells these users (once each, never the one who caused it). */
  async notifyUsers(manager: EntityManager, kind: NotificationKind, referralId: string, userIds: string[], exceptUserId: string | null): Promise<void> {
    const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
    if (recipients.length === 0) return;
    await manager.query('INSERT INTO notifications (user_id, kind, referral_id) SELECT unnest($1::uuid[]), $2, $3', [recipients, kind, referralId]);
  }

  /** Tells every active supervisor whose scope covers the hub: it is one of their hubs or in one of their countries. */
  async notifySupervisors(manager: EntityManager, kind: NotificationKind, referralId: string, hubId: string, exceptUserId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO notifications (user_id, kind, referral_id)
       SELECT s.id, $1, $2 FROM users s JOIN hubs h ON h.id = $3
       WHERE s.role = 'supervisor' AND s.active AND s.id IS DISTINCT FROM $4
         AND (s.country_codes @> ARRAY[h.country_code::text]
              OR EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = s.id AND uh.hub_id = h.id))`,
      [kind, referralId, hubId, exceptUserId],
    );
  }

  /**
   * Notifies the assignee and the supervisors of every overdue referral, once per referral and user.
   * Skipped (answers null) while another replica runs it. Answers how many notices it added.
   */
  async sweepOverdue(today = todayUtc()): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return null;
      return insertOverdueNotifications(manager, today);
    });
  }

  @Cron(CronExpression.EVERY_5_MINUTES, { name: OVERDUE_SWEEP_JOB, waitForCompletion: true })
  async scheduledSweep(): Promise<void> {
    try {
      const added = await this.sweepOverdue();
      if (added) this.logger.log(`Overdue referrals: ${added} notifications`);
    } catch (error) {
      this.logger.error(`Overdue sweep failed: ${(error as Error)?.message}`);
    }
  }

  /** With the person code of each referral, looked up for the page only. */
  private async represent(rows: NotificationEntity[]): Promise<Notification[]> {
    const referralIds = [...new Set(rows.map((n) => n.referralId))];
    const codes: { id: string; code: string }[] = referralIds.length
      ? await this.dataSource.query('SELECT r.id, p.code FROM referrals r JOIN persons p ON p.id = r.person_id WHERE r.id = ANY($1)', [referralIds])
      : [];
    const codeOf = new Map(codes.map((row) => [row.id, row.code]));
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      referralId: n.referralId,
      personCode: codeOf.get(n.referralId) ?? '',
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    }));
  }
}

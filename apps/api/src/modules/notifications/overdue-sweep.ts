// The overdue sweep as one INSERT … SELECT: for every referral still waiting for an answer whose due
// date has passed, a notice to its assignee and to every active supervisor whose scope covers its hub.
// The unique index on (referral_id, user_id) for this kind makes it tell each user once, however often
// it runs and however many replicas run it.
import type { EntityManager } from 'typeorm';

export async function insertOverdueNotifications(manager: EntityManager, today: string): Promise<number> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO notifications (user_id, kind, referral_id)
     SELECT DISTINCT recipient.user_id, 'referral_overdue', r.id
     FROM referrals r
     JOIN hubs h ON h.id = r.hub_id
     CROSS JOIN LATERAL (
       SELECT r.assigned_to AS user_id
       UNION
       SELECT s.id FROM users s
       WHERE s.role = 'supervisor' AND s.active
         AND (s.country_codes @> ARRAY[h.country_code::text]
              OR EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = s.id AND uh.hub_id = r.hub_id))
     ) recipient
     WHERE r.status IN ('submitted', 'approved', 'accepted') AND r.due_on < $1::date
     ON CONFLICT (referral_id, user_id) WHERE kind = 'referral_overdue' DO NOTHING
     RETURNING id`,
    [today],
  );
  return rows.length;
}

// The Guatemalan hubs closed the quarter before the last one ended: the quarter-close page shows locks
// (and the last ended quarter still open, for the supervisor to check and lock).
import { DemoContext } from './demo-context';

const DAY = 24 * 60 * 60 * 1000;
const TIME_ZONE = 'America/Guatemala';

export async function seedDemoQuarterLocks({ manager, userIdByEmail, now }: DemoContext): Promise<string> {
  const current = Math.floor(now.getUTCMonth() / 3); // 0-based quarter of this year
  // Two quarters back: the quarter before the last ended one.
  const first = new Date(Date.UTC(now.getUTCFullYear(), (current - 2) * 3, 1));
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 3, 1));
  const [year, quarter] = [first.getUTCFullYear(), Math.floor(first.getUTCMonth() / 3) + 1];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lockedAt = new Date(next.getTime() + 9 * DAY + 15 * 60 * 60 * 1000);
  const supervisorId = userIdByEmail.get('supervisor@example.org');
  const locked = (await manager.query(
    `INSERT INTO quarter_locks (hub_id, year, quarter, starts_at, ends_at, time_zone, locked_by, locked_at)
     SELECT id, $1, $2, CAST($3 AS date)::timestamp AT TIME ZONE $5, CAST($4 AS date)::timestamp AT TIME ZONE $5, $5, $6, $7
     FROM hubs WHERE country_code = 'GT'
     RETURNING hub_id`,
    [year, quarter, day(first), day(next), TIME_ZONE, supervisorId, lockedAt],
  )) as { hub_id: string }[];
  for (const { hub_id: hubId } of locked) {
    await manager.query(
      `INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, hub_id, details) VALUES ($1, $2, 'lock', 'quarter_lock', $3, $4)`,
      [lockedAt, supervisorId, hubId, { year, quarter, timeZone: TIME_ZONE, failingChecks: {} }],
    );
  }
  return `${locked.length} hubs' ${year}-Q${quarter} locked`;
}

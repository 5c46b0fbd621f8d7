// How many persons a user may reveal (identifying data shown unmasked) per hour and per day. Counted from
// the audit trail in the database, not in memory, so the quota holds across API replicas; a per-user
// advisory lock makes the count and the audit row one step, so reveals sent at once cannot all squeeze
// under the limit. Persons found by a document number are audited as reveals too, but stay masked and
// are not counted.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RevealQuotaExceededException } from '../../common/api-exception';
import type { AppConfig } from '../../config/app-config';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';

/** One person shown, with what its audit row says (a reason code, never the data shown). */
export interface RevealedPerson {
  id: string;
  hubId: string;
  details: Record<string, unknown>;
}

type Window = 'hour' | 'day';
const WINDOWS: readonly { window: Window; interval: string; setting: 'REVEAL_QUOTA_PER_HOUR' | 'REVEAL_QUOTA_PER_DAY' }[] = [
  { window: 'hour', interval: '1 hour', setting: 'REVEAL_QUOTA_PER_HOUR' },
  { window: 'day', interval: '1 day', setting: 'REVEAL_QUOTA_PER_DAY' },
];

interface Refusal {
  window: Window;
  quota: number;
  retryAfterSeconds: number;
}

@Injectable()
export class RevealQuotaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Audits the reveal of `persons` by the actor when the quota has room for all of them; otherwise
   * audits a refusal per person (the supervisors of their hubs see it) and throws 429 with Retry-After.
   * `refusalDetails` says what was asked (a reason code, a search), never the data.
   */
  async reveal(actor: Actor, persons: readonly RevealedPerson[], refusalDetails: Record<string, unknown>): Promise<void> {
    if (persons.length === 0) return;
    const refusal = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('reveal-quota:' || $1, 0))`, [actor.id]);
      const refused = await this.refusal(manager, actor.id, persons.length);
      for (const person of persons) {
        await this.audit.record(
          refused
            ? { actor, action: 'reveal_refused', entityType: 'person', entityId: person.id, hubId: person.hubId, details: { window: refused.window, quota: refused.quota, ...refusalDetails } }
            : { actor, action: 'reveal', entityType: 'person', entityId: person.id, hubId: person.hubId, details: person.details },
          manager,
        );
      }
      return refused;
    });
    if (refusal) throw new RevealQuotaExceededException(refusal.retryAfterSeconds);
  }

  /** The window whose quota `count` more reveals would pass (the day's first), with when enough room returns. */
  private async refusal(manager: EntityManager, userId: string, count: number): Promise<Refusal | null> {
    for (const { window, interval, setting } of [...WINDOWS].reverse()) {
      const quota = this.config.get(setting, { infer: true });
      const recent = `FROM audit_events WHERE actor_id = $1 AND action = 'reveal' AND occurred_at > now() - CAST($2 AS interval)
                      AND details->>'via' IS DISTINCT FROM 'documentSearch'`;
      const [{ used }] = (await manager.query(`SELECT count(*)::int AS used ${recent}`, [userId, interval])) as { used: number }[];
      if (used + count <= quota) continue;
      const fullWindow = window === 'hour' ? 3600 : 86_400;
      if (count > quota) return { window, quota, retryAfterSeconds: fullWindow };
      // Room returns when the reveal that has to age out of the window for `count` more to fit does.
      const [oldest] = (await manager.query(
        `SELECT ceil(extract(epoch FROM occurred_at + CAST($2 AS interval) - now()))::int AS seconds ${recent} ORDER BY occurred_at OFFSET $3 LIMIT 1`,
        [userId, interval, used + count - quota - 1],
      )) as { seconds: number }[];
      return { window, quota, retryAfterSeconds: Math.max(1, oldest?.seconds ?? fullWindow) };
    }
    return null;
  }
}

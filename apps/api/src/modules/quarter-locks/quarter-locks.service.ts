import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HeavyReadsService } from '../../common/heavy-reads';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, QuarterCheck, QuarterChecks, QuarterLock } from '@mih/contracts';
import { ConflictException, NotFoundException } from '../../common/api-exception';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { HubEntity } from '../hubs/hub.entity';
import { HubsService } from '../hubs/hubs.service';
import { LockQuarterDto, QuarterLockListQueryDto, QuarterQueryDto, UnlockQuarterDto } from './dto/quarter-lock.dto';
import { QuarterLockEntity } from './quarter-lock.entity';
import { runQuarterChecks } from './quarter-checks';
import { quarterSpan } from './quarter-span';

interface LockRow {
  hub_id: string;
  hub_code: string;
  hub_name: string;
  country_code: string;
  year: number;
  quarter: number;
  starts_at: Date;
  ends_at: Date;
  locked_by: string;
  locked_by_name: string;
  locked_at: Date;
}

@Injectable()
export class QuarterLocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hubs: HubsService,
    private readonly heavy: HeavyReadsService,
  ) {}

  /** The checks of the quarter over the hubs of the caller's scope that the query selects. */
  async checks(actor: Actor, query: QuarterQueryDto): Promise<QuarterChecks> {
    const [span, hubIds] = await Promise.all([
      quarterSpan(this.dataSource.manager, query.year, query.quarter, query.timeZone),
      this.selectedHubIds(actor, query),
    ]);
    // Six statements at once: on the heavy-read pool, in one of the caller's slots.
    const checks = await this.heavy.run(actor.id, () => runQuarterChecks(this.dataSource, actor, span, hubIds, (sql, parameters) => this.heavy.query(sql, parameters)));
    return {
      year: span.year,
      quarter: span.quarter,
      timeZone: span.timeZone,
      startsAt: span.startsAt.toISOString(),
      endsAt: span.endsAt.toISOString(),
      ended: span.ended,
      hubIds,
      checks,
    };
  }

  /** One quarter's locks in the caller's scope: at most one per hub, so answered whole. */
  async list(actor: Actor, query: QuarterLockListQueryDto): Promise<Page<QuarterLock>> {
    const qb = this.locks(this.dataSource.manager).where('ql.year = :year AND ql.quarter = :quarter', query);
    actor.scope.apply(qb, 'hub.id', 'hub.country_code');
    return { items: (await qb.getRawMany<LockRow>()).map(toQuarterLock), nextCursor: null };
  }

  /**
   * Locks the quarter for every selected hub not locked yet (the others keep their lock as it is) and
   * answers the selected hubs' locks; created is false when there was nothing new to lock.
   */
  async lock(actor: Actor, dto: LockQuarterDto): Promise<{ locks: QuarterLock[]; created: boolean }> {
    const span = await quarterSpan(this.dataSource.manager, dto.year, dto.quarter, dto.timeZone);
    if (!span.ended) throw new ConflictException(`The quarter ${span.label} has not ended yet; it can be locked from ${span.nextFirstDay}`);
    const hubIds = await this.selectedHubIds(actor, dto);
    if (hubIds.length === 0) throw new NotFoundException('Hub');
    // Recorded with each lock: what the supervisor knowingly left unfixed.
    const checks = await runQuarterChecks(this.dataSource, actor, span, hubIds);

    return this.dataSource.transaction(async (manager) => {
      // Waits for visits and activities being written right now and holds new writes for the few
      // milliseconds until the locks commit, so none slips into the quarter as it closes.
      await manager.query('LOCK TABLE visits, activities IN SHARE MODE');
      const inserted = (await manager.query(
        `INSERT INTO quarter_locks (hub_id, year, quarter, starts_at, ends_at, time_zone, locked_by)
         SELECT hub_id, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS hub_id
         ON CONFLICT DO NOTHING
         RETURNING hub_id`,
        [hubIds, span.year, span.quarter, span.startsAt, span.endsAt, span.timeZone, actor.id],
      )) as { hub_id: string }[];
      for (const { hub_id: hubId } of inserted) {
        const details = { year: span.year, quarter: span.quarter, timeZone: span.timeZone, failingChecks: failingChecksOf(checks, hubId) };
        await this.audit.record({ actor, action: 'lock', entityType: 'quarter_lock', hubId, details }, manager);
      }
      const rows = await this.locks(manager)
        .where('ql.year = :year AND ql.quarter = :quarter AND ql.hub_id IN (:...hubIds)', { year: span.year, quarter: span.quarter, hubIds })
        .getRawMany<LockRow>();
      return { locks: rows.map(toQuarterLock), created: inserted.length > 0 };
    });
  }

  /** Lifts the quarter's lock of the given hubs (admins); answers the locks removed, each audited with the reason. */
  async unlock(actor: Actor, dto: UnlockQuarterDto): Promise<QuarterLock[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.locks(manager).where('ql.year = :year AND ql.quarter = :quarter AND ql.hub_id IN (:...hubIds)', dto).getRawMany<LockRow>();
      // Only what this request deleted is audited and answered (a concurrent unlock may have been first).
      const deleted = (await manager.query('DELETE FROM quarter_locks WHERE year = $1 AND quarter = $2 AND hub_id = ANY($3::uuid[]) RETURNING hub_id', [
        dto.year,
        dto.quarter,
        rows.map((row) => row.hub_id),
      ])) as [{ hub_id: string }[], number];
      const deletedIds = new Set(deleted[0].map((row) => row.hub_id));
      const unlocked = rows.filter((row) => deletedIds.has(row.hub_id));
      for (const row of unlocked) {
        const details = { year: dto.year, quarter: dto.quarter, reason: dto.reason, lockedBy: row.locked_by, lockedAt: row.locked_at.toISOString() };
        await this.audit.record({ actor, action: 'unlock', entityType: 'quarter_lock', hubId: row.hub_id, details }, manager);
      }
      return unlocked.map(toQuarterLock);
    });
  }

  /** Ids of the caller's hubs that the query narrows to (404 for a hub outside the scope). */
  private async selectedHubIds(actor: Actor, query: { hubId?: string; countryCode?: string }): Promise<string[]> {
    if (query.hubId) {
      const hub = await this.hubs.findInScope(actor, query.hubId);
      return !query.countryCode || hub.countryCode === query.countryCode ? [hub.id] : [];
    }
    const qb = this.dataSource.getRepository(HubEntity).createQueryBuilder('hub').select('hub.id', 'id').orderBy('hub.id');
    actor.scope.apply(qb, 'hub.id', 'hub.country_code');
    if (query.countryCode) qb.andWhere('hub.country_code = :countryCode', { countryCode: query.countryCode });
    return (await qb.getRawMany<{ id: string }>()).map((row) => row.id);
  }

  private locks(manager: EntityManager) {
    return manager
      .getRepository(QuarterLockEntity)
      .createQueryBuilder('ql')
      .innerJoin('hubs', 'hub', 'hub.id = ql.hub_id')
      .innerJoin('users', 'locker', 'locker.id = ql.locked_by')
      .select(['ql.hub_id AS hub_id', 'hub.code AS hub_code', 'hub.name AS hub_name', 'hub.country_code AS country_code'])
      .addSelect(['ql.year AS year', 'ql.quarter AS quarter', 'ql.starts_at AS starts_at', 'ql.ends_at AS ends_at'])
      .addSelect(['ql.locked_by AS locked_by', 'locker.display_name AS locked_by_name', 'ql.locked_at AS locked_at'])
      .orderBy('hub.name')
      .addOrderBy('hub.id');
  }
}

/** The checks a hub fails, as { code: count }. */
function failingChecksOf(checks: QuarterCheck[], hubId: string): Record<string, number> {
  const failing: Record<string, number> = {};
  for (const check of checks) {
    const count = check.hubs.find((hub) => hub.hubId === hubId)?.count;
    if (count) failing[check.code] = count;
  }
  return failing;
}

function toQuarterLock(row: LockRow): QuarterLock {
  return {
    hubId: row.hub_id,
    hubCode: row.hub_code,
    hubName: row.hub_name,
    countryCode: row.country_code,
    year: row.year,
    quarter: row.quarter,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    lockedBy: { id: row.locked_by, displayName: row.locked_by_name },
    lockedAt: row.locked_at.toISOString(),
  };
}

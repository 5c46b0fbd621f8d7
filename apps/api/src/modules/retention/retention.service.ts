// Retention: the period per country (admins set it), the preview of the next run, and the nightly run
// that anonymises closed persons and cases past their period (retention-due.ts says what is due,
// anonymise.ts what is erased). One replica at a time runs it; the others skip quietly.
import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_RETENTION_YEARS, RETENTION_KINDS, RetentionCount, RetentionKind, RetentionPreview, RetentionSetting, RetentionSettings } from '@mih/contracts';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { anonymiseCases, anonymisePersons, ErasedCounts } from './anonymise';
import { DUE } from './retention-due';

/** Advisory lock of the run (727001 migrations, 727002 demo seeding, 727003 the overdue sweep). */
export const RETENTION_LOCK_KEY = 727_004;
export const RETENTION_RUN_JOB = 'retention-run';

export interface RetentionRunResult extends ErasedCounts {
  asOf: string;
  items: RetentionCount[];
}

interface DueRow {
  id: string;
  kind: RetentionKind;
  country_code: string;
  last_active: Date;
}

@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async settings(): Promise<RetentionSettings> {
    const rows: { country_code: string; years: number | null; updated_at: Date | null }[] = await this.dataSource.query(
      `SELECT c.country_code, s.years, s.updated_at
       FROM (SELECT country_code FROM hubs UNION SELECT country_code FROM retention_settings) c
       LEFT JOIN retention_settings s USING (country_code)
       ORDER BY c.country_code`,
    );
    return { defaultYears: DEFAULT_RETENTION_YEARS, countries: rows.map(toSetting) };
  }

  /** Sets a country's period (audited with before and after). */
  async update(actor: Actor, countryCode: string, years: number): Promise<RetentionSetting> {
    return this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query('SELECT years FROM retention_settings WHERE country_code = $1 FOR UPDATE', [countryCode]);
      const [row] = await manager.query(
        `INSERT INTO retention_settings (country_code, years, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (country_code) DO UPDATE SET years = EXCLUDED.years, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING country_code, years, updated_at`,
        [countryCode, years, actor.id],
      );
      const details = { countryCode, changes: { years: { from: before?.years ?? DEFAULT_RETENTION_YEARS, to: years } } };
      await this.audit.record({ actor, action: 'update', entityType: 'retention_setting', details }, manager);
      return toSetting(row);
    });
  }

  /** What a run now would anonymise, per country and kind, with the oldest last activity. */
  async preview(now = new Date()): Promise<RetentionPreview> {
    const items = summarise(await this.due(this.dataSource.manager, now));
    return { asOf: now.toISOString(), items };
  }

  /**
   * Anonymises every record due as of `now`, in one transaction with its audit event (counts only).
   * Answers null, touching nothing, while another replica holds the run's lock.
   */
  async run(now = new Date()): Promise<RetentionRunResult | null> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RETENTION_LOCK_KEY]);
      if (!locked) return null;
      // Lets the quarter-lock trigger allow erasing visit notes, for this transaction only.
      await manager.query(`SELECT set_config('mih.retention_run', 'on', true)`);
      const due = await this.due(manager, now);
      const idsOf = (kind: RetentionKind) => due.filter((row) => row.kind === kind).map((row) => row.id);
      await anonymiseCases(manager, idsOf('cases'), now);
      const erased = await anonymisePersons(manager, idsOf('persons'), now);
      const items = summarise(due);
      const counts = items.map(({ countryCode, kind, count }) => ({ countryCode, kind, count }));
      await this.audit.record({ actor: null, action: 'anonymise', entityType: 'retention_run', details: { asOf: now.toISOString(), items: counts, ...erased } }, manager);
      return { asOf: now.toISOString(), items, ...erased };
    });
  }

  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: RETENTION_RUN_JOB, waitForCompletion: true, timeZone: 'UTC' })
  async scheduledRun(): Promise<void> {
    try {
      const result = await this.run();
      if (result) this.logger.log(`Retention run: ${result.items.map((i) => `${i.countryCode} ${i.kind} ${i.count}`).join(', ') || 'nothing due'}`);
    } catch (error) {
      this.logger.error(`Retention run failed: ${(error as Error)?.message}`);
    }
  }

  private async due(manager: EntityManager, now: Date): Promise<DueRow[]> {
    const kinds = await Promise.all(
      RETENTION_KINDS.map(async (kind) => {
        const rows: Omit<DueRow, 'kind'>[] = await manager.query(DUE[kind], [now]);
        return rows.map((row) => ({ ...row, kind }));
      }),
    );
    return kinds.flat();
  }
}

function toSetting(row: { country_code: string; years: number | null; updated_at: Date | null }): RetentionSetting {
  return {
    countryCode: row.country_code,
    years: row.years ?? DEFAULT_RETENTION_YEARS,
    custom: row.years !== null,
    updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
  };
}

/** Counts and oldest last activity per country and kind, by country then kind. */
function summarise(rows: DueRow[]): RetentionCount[] {
  const groups = new Map<string, RetentionCount>();
  for (const row of rows) {
    const key = `${row.country_code}:${row.kind}`;
    const lastActive = new Date(row.last_active).toISOString();
    const group = groups.get(key);
    if (!group) groups.set(key, { countryCode: row.country_code, kind: row.kind, count: 1, oldest: lastActive });
    else {
      group.count += 1;
      if (lastActive < group.oldest) group.oldest = lastActive;
    }
  }
  return [...groups.values()].sort((a, b) => a.countryCode.localeCompare(b.countryCode) || RETENTION_KINDS.indexOf(a.kind) - RETENTION_KINDS.indexOf(b.kind));
}

// Files of the caller's scope: each dataset's own filtered query read through a cursor and written as
// CSV or XLSX while the client downloads it. Every export is audited: how many rows, with which
// filters, identifying or not (and why), and whether the client took the whole file.
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import Cursor from 'pg-cursor';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { COARSENED_EXPORT_ROLES, ExportDataset, ExportFormat, ExportOptions, IDENTIFYING_EXPORT_ROLES, Language } from '@mih/contracts';
import { ForbiddenActionException } from '../../common/api-exception';
import { HeavyReadsService } from '../../common/heavy-reads';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { ReportsService } from '../reports/reports.service';
import { ActivitiesExport } from './datasets/activities-export';
import { DatasetExport, ExportColumn, ExportDetail, RawRow } from './datasets/export-dataset';
import { filePseudonyms } from './datasets/pseudonyms';
import { PersonsExport } from './datasets/persons-export';
import { ReferralsExport } from './datasets/referrals-export';
import { VisitsExport } from './datasets/visits-export';
import { dashboardRows } from './dashboard-rows';
import { DashboardExportQueryDto } from './dto/export-query.dto';
import { SHEET_NAMES } from './export-labels';
import { ExportText } from './export-text';
import { HeapGuard } from './heap-guard';
import { Cell, CONTENT_TYPES, Sheet, writeSheet } from './export-writers';

/**
 * Rows fetched from the cursor, and written, at a time. Small on purpose: a batch is alive while it is
 * turned into cells and bytes, and with 200 or 1,000 rows a batch often outlived two young-generation
 * GCs and went to the old generation (measured at 1M rows: 360 and 820 MB promoted, against 30 at 50).
 */
const CURSOR_BATCH_ROWS = 50;

export interface ExportFile {
  /** No personal data: the dataset and the day, e.g. `visits-2026-11-23.csv`. */
  filename: string;
  contentType: string;
  stream: Readable;
}

/** The dataset's list filters; only the hub is read here (for the audit event). */
type Filters = { hubId?: string };

@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);
  private readonly datasets: Record<ExportDataset, DatasetExport<any>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    private readonly heavy: HeavyReadsService,
    visits: VisitsExport,
    persons: PersonsExport,
    referrals: ReferralsExport,
    activities: ActivitiesExport,
  ) {
    this.datasets = { visits, persons, referrals, activities };
  }

  /** A de-identified export of the dataset, or with `identifying` (admins and supervisors) the identifying one. */
  async export(
    actor: Actor,
    dataset: ExportDataset,
    format: ExportFormat,
    query: ExportOptions & Filters,
    identifying: { reason: string } | null = null,
  ): Promise<ExportFile> {
    if (identifying && !IDENTIFYING_EXPORT_ROLES.includes(actor.role)) {
      throw new ForbiddenActionException('Only admins and supervisors may export identifying data');
    }
    const { lang, codes, timeZone = 'UTC', ...filters } = query;
    // One of the caller's heavy-read slots (429 beyond), held until the download ends however it ends.
    const release = this.heavy.acquire(actor.id);
    let stream: Readable;
    try {
      stream = await this.file(actor, dataset, format, { lang, codes, timeZone, filters }, identifying);
    } catch (error) {
      release();
      throw error;
    }
    stream.once('close', release);
    return { filename: `${dataset}-${today(timeZone)}.${format}`, contentType: CONTENT_TYPES[format], stream };
  }

  private async file(
    actor: Actor,
    dataset: ExportDataset,
    format: ExportFormat,
    { lang, codes, timeZone, filters }: { lang?: Language; codes?: boolean; timeZone: string; filters: Filters },
    identifying: { reason: string } | null,
  ): Promise<Readable> {
    const text = await this.text(actor, lang, codes);
    const definition = this.datasets[dataset];
    const detail: ExportDetail = identifying ? 'identifying' : COARSENED_EXPORT_ROLES.includes(actor.role) ? 'coarse' : 'full';
    const columns = definition.columns({ detail, pseudonym: filePseudonyms() });
    const qb = definition.query(actor, filters, { timeZone, detail });
    const audit = (rows: number, completed: boolean) =>
      this.audit.record({
        actor,
        action: 'export',
        entityType: dataset,
        hubId: filters.hubId ?? null,
        details: { format, filters, rows, completed, identifying: identifying !== null, ...(identifying ? { reason: identifying.reason } : {}) },
      });
    const sheet: Sheet = {
      name: text.word(dataset, SHEET_NAMES[dataset]),
      columns: columns.map((column) => ({ header: text.header(column.key), type: column.type ?? 'text', width: column.width })),
      batches: this.batches(qb, columns, text, audit),
    };
    return writeSheet(format, sheet);
  }

  /** The dashboard's figures as rows, suppressed for every role (the file leaves the app); computed whole, so audited up front. */
  async dashboard(actor: Actor, format: ExportFormat, query: DashboardExportQueryDto): Promise<ExportFile> {
    const { lang, codes, ...reportQuery } = query;
    const [dashboard, text] = await Promise.all([this.reports.figures(actor, reportQuery), this.text(actor, lang, codes)]);
    const figures = dashboardRows(dashboard, text);
    await this.audit.record({
      actor,
      action: 'export',
      entityType: 'dashboard',
      hubId: reportQuery.hubId ?? null,
      details: { format, filters: reportQuery, rows: figures.length, completed: true, identifying: false },
    });
    const sheet: Sheet = {
      name: text.word('dashboard', SHEET_NAMES.dashboard),
      columns: [
        { header: text.header('section'), type: 'text', width: 36 },
        { header: text.header('code'), type: 'text', width: 22 },
        { header: text.header('label'), type: 'text', width: 40 },
        { header: text.header('count'), type: 'number', width: 10 },
      ],
      batches: inMemory(figures.map((f): Cell[] => [f.section, f.code, f.label, f.count])),
    };
    return { filename: `dashboard-${dashboard.from}_${dashboard.to}.${format}`, contentType: CONTENT_TYPES[format], stream: writeSheet(format, sheet) };
  }

  /**
   * The file's rows, read through a cursor a batch at a time while the client downloads. The cursor
   * opens when the client starts reading and closes when it stops; the audit event of a whole file is
   * written before its last bytes leave, so no complete file goes unaudited, and a download cut short
   * is audited as not completed.
   */
  private async *batches(
    qb: SelectQueryBuilder<ObjectLiteral>,
    columns: ExportColumn[],
    text: ExportText,
    audit: (rows: number, completed: boolean) => Promise<void>,
  ): AsyncGenerator<Cell[][]> {
    let count = 0;
    let completed = false;
    const [sql, parameters] = qb.getQueryAndParameters();
    // A connection of the heavy-read pool, never one of the main pool's (sign-in and visit logging).
    const client = await this.heavy.connect();
    const heap = new HeapGuard();
    try {
      const cursor: Cursor<RawRow> = client.query(new Cursor<RawRow>(sql, parameters));
      try {
        for (let rows = await cursor.read(CURSOR_BATCH_ROWS); rows.length > 0; rows = await cursor.read(CURSOR_BATCH_ROWS)) {
          count += rows.length;
          heap.check();
          yield rows.map((row) => columns.map((column) => column.value(row, text)));
        }
      } finally {
        await cursor.close();
      }
      completed = true;
      await audit(count, true);
    } finally {
      client.release();
      if (!completed) await audit(count, false).catch((error: unknown) => this.logger.error(`Export audit failed: ${String(error)}`));
    }
  }

  private async text(actor: Actor, lang: Language | undefined, codes: boolean | undefined): Promise<ExportText> {
    const language = lang ?? actor.language;
    // Retired codes too: old records keep them.
    const items: { list: string; code: string; labels: Partial<Record<Language, string>> }[] = await this.dataSource.query(
      'SELECT list, code, labels FROM reference_items',
    );
    const labels = new Map<string, Map<string, string>>();
    for (const item of items) {
      if (!labels.has(item.list)) labels.set(item.list, new Map());
      labels.get(item.list)?.set(item.code, item.labels[language] ?? item.labels.es ?? item.code);
    }
    return new ExportText(language, codes === true, labels);
  }
}

/** Today's date where the export is read, `YYYY-MM-DD`. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function* inMemory(rows: Cell[][]): AsyncGenerator<Cell[][]> {
  yield rows;
}

// Creates with a client-generated id (offline clients send again what they are not sure arrived): the
// insert itself tells a new id from a taken one, so a new record costs one statement — the row and its
// audit event together — and only a taken id pays for reading the stored record.
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditRecord } from '../modules/audit/audit.service';
import { ConflictException } from './api-exception';

/**
 * `INSERT … ON CONFLICT (id) DO NOTHING RETURNING …` with the audit event written by the same statement
 * (a data-modifying CTE: one round trip, one transaction, no event without its row). Answers the
 * `returning` columns (as PostgreSQL names them), or null when the id is taken. Triggers (the quarter
 * lock) and other unique constraints still raise. When a concurrent create of the same id has not
 * committed yet, PostgreSQL waits for it, so null always means a committed row.
 */
export async function insertAudited<E extends ObjectLiteral, R = Record<string, unknown>>(
  runner: DataSource | EntityManager,
  entity: EntityTarget<E>,
  values: Partial<E> & { id: string },
  audit: AuditRecord,
  returning: string[],
): Promise<R | null> {
  const metadata = (runner instanceof DataSource ? runner : runner.connection).getMetadata(entity);
  const params: unknown[] = [];
  const columns: string[] = [];
  const placeholders: string[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for ${property}`);
    columns.push(`"${column.databaseName}"`);
    placeholders.push(`$${params.push(value)}`);
  }
  const auditValues = [
    audit.actor?.id ?? null,
    audit.action,
    audit.entityType,
    audit.entityId ?? null,
    audit.hubId ?? null,
    audit.actor?.ip ?? audit.ip ?? null,
    JSON.stringify(audit.details ?? {}),
  ].map((value) => `$${params.push(value)}`);
  const sql = `
    WITH created AS (
      INSERT INTO "${metadata.tableName}" (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
      ON CONFLICT (id) DO NOTHING
      RETURNING ${returning.map((name) => `"${name}"`).join(', ')}
    ), audited AS (
      INSERT INTO audit_events (actor_id, action, entity_type, entity_id, hub_id, ip, details)
      SELECT ${auditValues.slice(0, 6).join(', ')}, CAST(${auditValues[6]} AS jsonb) FROM created
    )
    SELECT * FROM created`;
  const rows = (await runner.query(sql, params)) as R[];
  return rows[0] ?? null;
}

/**
 * Runs a create and answers `{ record, created: true }`; when the id turns out taken, the stored record
 * `{ record, created: false }` if the caller may see it and the request matches it, else 409 naming `id`.
 * When the create fails for another reason (a check or the quarter lock refusing it now) but the same
 * request was stored before, the stored record is answered too: a retry must not turn into an error.
 */
export async function insertOnce<E, R>(options: {
  /** Validates and inserts; null when the id is taken. */
  create: () => Promise<R | null>;
  /** The id was sent by the client (a retry is possible). */
  clientId: boolean;
  findInScope: () => Promise<E | null>;
  sameContent: (existing: E) => boolean;
  represent: (existing: E) => R | Promise<R>;
}): Promise<{ record: R; created: boolean }> {
  const stored = async () => {
    const existing = await options.findInScope();
    return existing && options.sameContent(existing) ? options.represent(existing) : null;
  };
  let record: R | null;
  try {
    record = await options.create();
  } catch (error) {
    const earlier = options.clientId ? await stored().catch(() => null) : null;
    if (earlier !== null) return { record: earlier, created: false };
    throw error;
  }
  if (record !== null) return { record, created: true };
  const earlier = await stored();
  if (earlier !== null) return { record: earlier, created: false };
  throw new ConflictException('A record with this id exists with other content', 'id');
}

// Writes the append-only audit trail, inside the caller's transaction when given one so that a change
// and its audit event are stored together or not at all; and reads it for the audit viewer (list and
// export), scoped by the caller's HubScope.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DEFAULT_PAGE_SIZE, type AuditAction, type AuditEvent, type AuditEventFilters, type AuditEventListQuery, type Page } from '@mih/contracts';
import { AuditEventEntity } from './audit-event.entity';
import type { Actor } from '../../common/actor';
import { CURSOR_ID_PATTERNS, decodeCursor, encodeCursor } from '../../common/pagination';

export interface AuditRecord {
  actor: Pick<Actor, 'id' | 'ip'> | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  hubId?: string | null;
  /** Never passwords, tokens or personal data: field names, reasons, outcomes. */
  details?: Record<string, unknown>;
  /** For events without an authenticated actor (failed sign-in). */
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const row: Partial<AuditEventEntity> = {
      actorId: event.actor?.id ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      hubId: event.hubId ?? null,
      ip: event.actor?.ip ?? event.ip ?? null,
      details: event.details ?? {},
    };
    await manager.insert(AuditEventEntity, row as QueryDeepPartialEntity<AuditEventEntity>);
  }

  /**
   * The caller's events with the viewer's filters: admins all; supervisors the events of the hubs of
   * their scope (events that name no hub, such as sign-ins and user changes, are admins' only). The
   * route lets no other role in. The list and its export both start here.
   */
  filtered(actor: Actor, filters: AuditEventFilters): SelectQueryBuilder<AuditEventEntity> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('event');
    actor.scope.applyToHubId(qb, 'event.hub_id');
    if (filters.actorId) qb.andWhere('event.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.action) qb.andWhere('event.action = :action', { action: filters.action });
    if (filters.entityType) qb.andWhere('event.entity_type = :entityType', { entityType: filters.entityType });
    if (filters.entityId) qb.andWhere('event.entity_id = :entityId', { entityId: filters.entityId });
    if (filters.record) {
      // A uuid is the record's id; anything else a person's or hub's code.
      if (UUID.test(filters.record)) qb.andWhere('event.entity_id = :recordId', { recordId: filters.record });
      else {
        qb.andWhere(
          'event.entity_id IN (SELECT code_person.id FROM persons code_person WHERE code_person.code = :recordCode ' +
            'UNION ALL SELECT code_hub.id FROM hubs code_hub WHERE code_hub.code = :recordCode)',
          { recordCode: filters.record.toUpperCase() },
        );
      }
    }
    if (filters.from) qb.andWhere('event.occurred_at >= :from', { from: filters.from });
    if (filters.to) qb.andWhere('event.occurred_at < :to', { to: filters.to });
    return qb;
  }

  /** Newest first, a page at a time (keyset on occurred_at, id: a deep page costs what the first does). */
  async list(actor: Actor, query: AuditEventListQuery): Promise<Page<AuditEvent>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = selectShown(this.filtered(actor, query)).addSelect('event.occurred_at::text', 'sort_at');
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, CURSOR_ID_PATTERNS.bigint);
      qb.andWhere('(event.occurred_at, event.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS bigint))', { cursorAt: at, cursorId: id });
    }
    const rows: ShownRow[] = await qb.orderBy('event.occurred_at', 'DESC').addOrderBy('event.id', 'DESC').limit(limit + 1).getRawMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toAuditEvent), nextCursor: rows.length > limit && last ? encodeCursor([last.sort_at, String(last.id)]) : null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event's row as the viewer and the export show it: with who, which record and which hub by name or code. */
export interface ShownRow {
  id: string;
  occurred_at: Date;
  sort_at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string | null;
  entity_code: string | null;
  hub_id: string | null;
  hub_code: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export function selectShown<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): SelectQueryBuilder<E> {
  return qb
    .leftJoin('users', 'event_actor', 'event_actor.id = event.actor_id')
    .leftJoin('hubs', 'event_hub', 'event_hub.id = event.hub_id')
    .select([
      'event.id AS id',
      'event.occurred_at AS occurred_at',
      'event.actor_id AS actor_id',
      'event_actor.display_name AS actor_name',
      'event.action AS action',
      'event.entity_type AS entity_type',
      'event.entity_id AS entity_id',
      'event.hub_id AS hub_id',
      'event_hub.code AS hub_code',
      'event.ip AS ip',
      'event.details AS details',
    ])
    .addSelect(
      `CASE event.entity_type
         WHEN 'person' THEN (SELECT entity_person.code FROM persons entity_person WHERE entity_person.id = event.entity_id)
         WHEN 'hub' THEN (SELECT entity_hub.code FROM hubs entity_hub WHERE entity_hub.id = event.entity_id)
       END`,
      'entity_code',
    );
}

function toAuditEvent(e: ShownRow): AuditEvent {
  return {
    id: String(e.id),
    occurredAt: e.occurred_at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    entityCode: e.entity_code,
    hubId: e.hub_id,
    hubCode: e.hub_code,
    ip: e.ip,
    details: e.details,
  };
}

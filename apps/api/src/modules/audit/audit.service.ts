// Writes the append-only audit trail, inside the caller's transaction when given one so that a change
// and its audit event are stored together or not at all.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditAction, AuditEvent, AuditEventListQuery, Page } from '@mih/contracts';
import { AuditEventEntity } from './audit-event.entity';
import type { Actor } from '../../common/actor';

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

  /** Newest first; supervisors see events of the hubs in their scope. */
  async list(actor: Actor, query: AuditEventListQuery): Promise<Page<AuditEvent>> {
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('event')
      .orderBy('event.id', 'DESC')
      .limit(limit + 1);
    if (!actor.scope.all) {
      qb.innerJoin('hubs', 'hub', 'hub.id = event.hub_id');
      actor.scope.apply(qb, 'hub.id', 'hub.country_code');
    }
    if (query.entityType) qb.andWhere('event.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('event.action = :action', { action: query.action });
    if (query.cursor) qb.andWhere('event.id < :cursorId', { cursorId: query.cursor });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit).map(toAuditEvent);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}

function toAuditEvent(e: AuditEventEntity): AuditEvent {
  return {
    id: String(e.id),
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    hubId: e.hubId,
    ip: e.ip,
    details: e.details,
  };
}

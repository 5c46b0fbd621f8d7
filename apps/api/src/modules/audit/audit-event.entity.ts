import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@mih/contracts';

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar' }) action!: AuditAction;
  @Column({ name: 'entity_type', type: 'varchar' }) entityType!: string;
  @Column({ name: 'entity_id', type: 'uuid', nullable: true }) entityId!: string | null;
  @Column({ name: 'hub_id', type: 'uuid', nullable: true }) hubId!: string | null;
  @Column({ type: 'varchar', nullable: true }) ip!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralEventKind, ReferralStatus } from '@mih/contracts';

/** One entry of a referral's timeline. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity('referral_events')
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ type: 'varchar' }) kind!: ReferralEventKind;
  @Column({ name: 'from_status', type: 'varchar', nullable: true }) fromStatus!: ReferralStatus | null;
  @Column({ name: 'to_status', type: 'varchar', nullable: true }) toStatus!: ReferralStatus | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'via_provider_link', default: false }) viaProviderLink!: boolean;
  @Column({ type: 'varchar', nullable: true }) comment!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) occurredAt!: Date;
}

// A referral of a person from a hub to a service provider. Its status changes only through the state
// machine (ReferralTransitions), never by a plain save; urgency_rank is generated for the review queue.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Language, ReferralStatus, ReferralUrgency } from '@mih/contracts';

@Entity('referrals')
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @Column({ name: 'service_provider_id', type: 'uuid' }) serviceProviderId!: string;
  @Column({ name: 'need_category', type: 'varchar' }) needCategory!: string;
  @Column({ type: 'varchar' }) urgency!: ReferralUrgency;
  @Column({ name: 'urgency_rank', type: 'smallint', insert: false, update: false }) urgencyRank!: number;
  @Column({ type: 'varchar' }) reason!: string;
  @Column({ name: 'consent_to_share', type: 'boolean' }) consentToShare!: true;
  @Column({ type: 'varchar' }) status!: ReferralStatus;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ type: 'varchar', nullable: true }) outcome!: string | null;
  @Column({ name: 'assigned_to', type: 'uuid' }) assignedTo!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'review_skipped', type: 'boolean', default: false }) reviewSkipped!: boolean;
  @Column({ name: 'preferred_language', type: 'varchar', nullable: true }) preferredLanguage!: Language | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

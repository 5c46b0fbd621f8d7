// A case identified in the community. The name and contact are stored only with consent (a CHECK in
// the migration says so too); status and outcome move through the inbox actions.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgeBand, CaseOutcome, CaseStatus, CaseUrgency, ConsentPurpose, Profile, Sex } from '@mih/contracts';

@Entity('cases')
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @Column({ name: 'activity_id', type: 'uuid', nullable: true }) activityId!: string | null;
  @Column({ name: 'need_category', type: 'varchar' }) needCategory!: string;
  @Column({ type: 'varchar' }) urgency!: CaseUrgency;
  @Column({ type: 'varchar' }) sex!: Sex;
  @Column({ name: 'age_band', type: 'varchar' }) ageBand!: AgeBand;
  @Column({ type: 'char', length: 2 }) nationality!: string;
  @Column({ type: 'varchar' }) profile!: Profile;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) vulnerabilities!: string[];
  @Column({ type: 'varchar' }) description!: string;
  @Column({ name: 'consent_given', type: 'boolean', default: false }) consentGiven!: boolean;
  @Column({ name: 'consent_purposes', type: 'text', array: true, default: () => "'{}'" }) consentPurposes!: ConsentPurpose[];
  @Column({ name: 'consent_date', type: 'date', nullable: true }) consentDate!: string | null;
  @Column({ name: 'given_name', type: 'varchar', nullable: true }) givenName!: string | null;
  @Column({ type: 'varchar', nullable: true }) contact!: string | null;
  @Column({ type: 'varchar', default: 'new' }) status!: CaseStatus;
  @Column({ type: 'varchar', nullable: true }) outcome!: CaseOutcome | null;
  @Column({ name: 'close_comment', type: 'varchar', nullable: true }) closeComment!: string | null;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'assigned_to', type: 'uuid', nullable: true }) assignedTo!: string | null;
  @Column({ name: 'taken_at', type: 'timestamptz', precision: 3, nullable: true }) takenAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

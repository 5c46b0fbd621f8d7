// A consultation. sex, age band, nationality and profile are always stored, copied from the person when
// the visit is linked to one, so that reports never need the persons table. Read and written through
// VisitsRepository (the row → Visit mapping is there).
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgeBand, Channel, Profile, Sex } from '@mih/contracts';

@Entity('visits')
export class VisitEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 }) occurredAt!: Date;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ type: 'varchar' }) channel!: Channel;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
  @Column({ type: 'varchar' }) sex!: Sex;
  @Column({ name: 'age_band', type: 'varchar' }) ageBand!: AgeBand;
  @Column({ type: 'char', length: 2 }) nationality!: string;
  @Column({ type: 'varchar' }) profile!: Profile;
  @Column({ type: 'text', array: true }) topics!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) needs!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) vulnerabilities!: string[];
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'follow_up_on', type: 'date', nullable: true }) followUpOn!: string | null;
  @Column({ name: 'follow_up_done_at', type: 'timestamptz', precision: 3, nullable: true }) followUpDoneAt!: Date | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

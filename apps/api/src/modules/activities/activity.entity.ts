// An outreach activity. Participants are five columns (not JSON) so totals are plain SUMs.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Activity, ActivityType, CounselorRef, Participants } from '@mih/contracts';

@Entity('activities')
export class ActivityEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @Column({ type: 'varchar' }) type!: ActivityType;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ type: 'varchar' }) place!: string;
  @Column({ type: 'varchar', nullable: true }) community!: string | null;
  @Column({ type: 'integer' }) girls!: number;
  @Column({ type: 'integer' }) boys!: number;
  @Column({ type: 'integer' }) women!: number;
  @Column({ type: 'integer' }) men!: number;
  @Column({ type: 'integer' }) other!: number;
  @Column({ type: 'text', array: true }) topics!: string[];
  @Column({ name: 'counselor_ids', type: 'uuid', array: true, default: () => "'{}'" }) counselorIds!: string[];
  @Column({ type: 'varchar', nullable: true }) campaign!: string | null;
  @Column({ type: 'varchar', nullable: true }) materials!: string | null;
  @Column({ type: 'varchar', nullable: true }) notes!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

export function participantsOf(a: Pick<ActivityEntity, keyof Participants>): Participants {
  return { girls: a.girls, boys: a.boys, women: a.women, men: a.men, other: a.other };
}

/** The API representation, given the names of the users the page names. */
export function toActivity(a: ActivityEntity, names: ReadonlyMap<string, string>): Activity {
  const participants = participantsOf(a);
  const counselors: CounselorRef[] = a.counselorIds.map((id) => ({ id, displayName: names.get(id) ?? '' }));
  return {
    id: a.id,
    hubId: a.hubId,
    type: a.type,
    occurredOn: a.occurredOn,
    place: a.place,
    community: a.community,
    participants,
    participantsTotal: Object.values(participants).reduce((sum, n) => sum + n, 0),
    topics: a.topics,
    counselors,
    campaign: a.campaign,
    materials: a.materials,
    notes: a.notes,
    createdBy: a.createdBy,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

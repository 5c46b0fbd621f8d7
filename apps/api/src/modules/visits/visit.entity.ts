// A consultation. sex, age band, nationality and profile are always stored, copied from the person when
// the visit is linked to one, so that reports never need the persons table.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgeBand, Channel, Profile, Sex, Visit, VisitListItem } from '@mih/contracts';

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

/** The API representation of a visit row, given the code of its person (if any). */
/** What a list shows: the visit without its note (free text, often sensitive), and whether it has one. */
export function toVisitListItem(visit: Visit): VisitListItem {
  const { note, ...item } = visit;
  return { ...item, hasNote: note !== null };
}

export function toVisit(v: VisitEntity, personCode: string | null): Visit {
  return {
    id: v.id,
    hubId: v.hubId,
    occurredAt: v.occurredAt.toISOString(),
    staffId: v.staffId,
    channel: v.channel,
    personId: v.personId,
    personCode,
    sex: v.sex,
    ageBand: v.ageBand,
    nationality: v.nationality,
    profile: v.profile,
    topics: v.topics,
    needs: v.needs,
    vulnerabilities: v.vulnerabilities,
    note: v.note,
    followUpOn: v.followUpOn,
    followUpDoneAt: v.followUpDoneAt?.toISOString() ?? null,
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

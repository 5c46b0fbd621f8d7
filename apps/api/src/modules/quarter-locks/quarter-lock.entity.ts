// A hub's locked quarter. The triggers of migration 1764400000000 read this table on every write of a
// visit or an activity; the API only adds and removes rows.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('quarter_locks')
export class QuarterLockEntity {
  @PrimaryColumn({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @PrimaryColumn({ type: 'integer' }) quarter!: number;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ name: 'time_zone', type: 'varchar' }) timeZone!: string;
  @Column({ name: 'locked_by', type: 'uuid' }) lockedBy!: string;
  @Column({ name: 'locked_at', type: 'timestamptz' }) lockedAt!: Date;
}

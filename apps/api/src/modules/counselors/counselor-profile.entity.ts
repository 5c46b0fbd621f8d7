// The roster details of a counselor account (users with role counselor); absent until first set.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('counselor_profiles')
export class CounselorProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', nullable: true }) community!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages!: string[];
  @Column({ name: 'trained_on', type: 'date', nullable: true }) trainedOn!: string | null;
}

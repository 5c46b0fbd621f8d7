import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { HubStatus } from '@mih/contracts';

@Entity('hubs')
export class HubEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ name: 'country_code', type: 'char', length: 2 }) countryCode!: string;
  @Column() admin1!: string;
  @Column() municipality!: string;
  @Column({ type: 'varchar', nullable: true }) address!: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'varchar', nullable: true }) phone!: string | null;
  @Column({ name: 'opening_hours', type: 'varchar', nullable: true }) openingHours!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) services!: string[];
  @Column({ type: 'varchar' }) status!: HubStatus;
  @Column({ name: 'opened_on', type: 'date', nullable: true }) openedOn!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

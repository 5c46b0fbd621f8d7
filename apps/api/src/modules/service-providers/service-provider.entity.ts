import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Language, ServiceProvider, ServiceProviderType } from '@mih/contracts';

@Entity('service_providers')
export class ServiceProviderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) type!: ServiceProviderType;
  @Column({ name: 'need_categories', type: 'text', array: true }) needCategories!: string[];
  @Column({ name: 'country_codes', type: 'text', array: true }) countryCodes!: string[];
  @Column({ type: 'varchar', nullable: true }) admin1!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) municipalities!: string[];
  @Column({ type: 'varchar', nullable: true }) address!: string | null;
  @Column({ type: 'varchar', nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', nullable: true }) email!: string | null;
  @Column({ name: 'opening_hours', type: 'varchar', nullable: true }) openingHours!: string | null;
  @Column({ name: 'focal_point', type: 'varchar', nullable: true }) focalPoint!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{es}'" }) languages!: Language[];
  @Column({ name: 'accepting_referrals', default: true }) acceptingReferrals!: boolean;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

export function toServiceProvider(p: ServiceProviderEntity): ServiceProvider {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    needCategories: p.needCategories,
    countryCodes: p.countryCodes,
    admin1: p.admin1,
    municipalities: p.municipalities,
    address: p.address,
    phone: p.phone,
    email: p.email,
    openingHours: p.openingHours,
    focalPoint: p.focalPoint,
    languages: p.languages,
    acceptingReferrals: p.acceptingReferrals,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

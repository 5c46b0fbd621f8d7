// Hub assignments live in the user_hubs join table (see UsersService).
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Language, Role } from '@mih/contracts';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() email!: string;
  @Column({ name: 'display_name' }) displayName!: string;
  @Column({ type: 'varchar' }) role!: Role;
  @Column({ name: 'password_hash', select: false }) passwordHash!: string;
  @Column({ type: 'varchar' }) language!: Language;
  @Column() active!: boolean;
  /** An admin typed the password (new account, reset): the user must choose their own before anything else. */
  @Column({ name: 'must_change_password', default: false }) mustChangePassword!: boolean;
  /** The TOTP secret, sealed (see second-factor/secret-box.ts); null until enrolment starts. */
  @Column({ name: 'second_factor_secret', type: 'text', nullable: true, select: false }) secondFactorSecret!: string | null;
  /** When the first code confirmed the secret; until then the secret does not count. */
  @Column({ name: 'second_factor_confirmed_at', type: 'timestamptz', nullable: true }) secondFactorConfirmedAt!: Date | null;
  /** The user chose to use a second factor (kept across an admin's reset: they enrol again). */
  @Column({ name: 'second_factor_on', default: false }) secondFactorOn!: boolean;
  @Column({ name: 'country_codes', type: 'text', array: true, default: () => "'{}'" }) countryCodes!: string[];

  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

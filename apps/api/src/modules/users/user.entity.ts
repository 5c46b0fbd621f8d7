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
  @Column({ name: 'country_codes', type: 'text', array: true, default: () => "'{}'" }) countryCodes!: string[];

  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

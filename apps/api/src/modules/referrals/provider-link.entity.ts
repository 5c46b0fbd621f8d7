import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProviderLinkPurpose } from '@mih/contracts';

/**
 * A one-time link for a provider without an account, for one step (purpose), spent once used (used_at).
 * Only the SHA-256 of its token is stored. expires_at is the lifetime when the link was issued; the
 * check follows the referral's due date as it is now.
 */
@Entity('provider_links')
export class ProviderLinkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ type: 'varchar', default: 'answer' }) purpose!: ProviderLinkPurpose;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

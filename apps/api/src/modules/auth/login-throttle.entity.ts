import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sign-in attempts of one email from one source ('' = from anywhere); see LoginThrottleService. */
@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'char', length: 64 }) emailHash!: string;
  @PrimaryColumn({ type: 'char', length: 64 }) source!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
}

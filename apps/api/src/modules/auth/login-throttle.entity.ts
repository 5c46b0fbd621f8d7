import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'char', length: 64 }) emailHash!: string;
  @Column({ type: 'integer' }) failures!: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt!: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
}

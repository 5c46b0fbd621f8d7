// TOTP second factor (issue 14, gap 6). The secret lives on the user row, sealed (AES-256-GCM) and never
// selected unless needed; `second_factor_last_step` is the last TOTP time step accepted, so a code is good
// once. `second_factor_on` is the user's choice to use one: an admin's reset removes the secret but keeps
// the choice, so the user enrols again at the next sign-in. Recovery codes are stored as SHA-256 hashes
// (random, high-entropy: no slow hash needed).
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1765100000000 implements MigrationInterface {
  name = 'SecondFactor1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN second_factor_secret text,
      ADD COLUMN second_factor_confirmed_at timestamptz,
      ADD COLUMN second_factor_last_step bigint,
      ADD COLUMN second_factor_on boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE user_recovery_codes (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash char(64) NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`ALTER TABLE users DROP COLUMN second_factor_secret, DROP COLUMN second_factor_confirmed_at,
      DROP COLUMN second_factor_last_step, DROP COLUMN second_factor_on`);
  }
}

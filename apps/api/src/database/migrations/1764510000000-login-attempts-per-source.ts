// Sign-in lockout per account and source (issue 12): a row per (email, source) caps guesses from one
// place; the row with source '' is the whole account's, with a higher cap over a longer window. Attempts
// are reserved before the password check (one atomic upsert), so a parallel burst cannot slip past the
// cap while argon2 runs. Counters are short-lived, so the old rows are dropped.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttemptsPerSource1764510000000 implements MigrationInterface {
  name = 'LoginAttemptsPerSource1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM login_throttles`);
    await q.query(`ALTER TABLE login_throttles RENAME COLUMN failures TO attempts`);
    await q.query(`ALTER TABLE login_throttles ADD COLUMN source char(64) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE login_throttles DROP CONSTRAINT login_throttles_pkey, ADD PRIMARY KEY (email_hash, source)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM login_throttles`);
    await q.query(`ALTER TABLE login_throttles DROP CONSTRAINT login_throttles_pkey, ADD PRIMARY KEY (email_hash)`);
    await q.query(`ALTER TABLE login_throttles DROP COLUMN source`);
    await q.query(`ALTER TABLE login_throttles RENAME COLUMN attempts TO failures`);
  }
}

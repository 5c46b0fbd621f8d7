// Forced password change (issue 14): set when an admin types a user's password (a new account, a reset),
// cleared when the user chooses their own. Existing accounts, the demo ones included, are not forced.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MustChangePassword1764561000000 implements MigrationInterface {
  name = 'MustChangePassword1764561000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}

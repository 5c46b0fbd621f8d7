// Absolute session lifetime (issue 14): every refresh token carries the start of the sign-in it belongs
// to, copied on rotation, so a session ends SESSION_MAX_HOURS after the password was typed, however often
// it was refreshed. Existing sessions start at their first token.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionStartedAt1764560000000 implements MigrationInterface {
  name = 'SessionStartedAt1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN session_started_at timestamptz`);
    await q.query(`
      UPDATE refresh_tokens r SET session_started_at = f.started
        FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
       WHERE f.family_id = r.family_id`);
    await q.query(`ALTER TABLE refresh_tokens ALTER COLUMN session_started_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN session_started_at`);
  }
}

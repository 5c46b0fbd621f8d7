// The auth context cache (issue 13, modules/auth/auth-context.cache.ts): every change to what a request's
// auth context is made of — the user, their hubs, their sign-ins — is announced on 'mih_auth_context' with
// the user's id, so every API process drops what it kept for that user. Triggers, not application code,
// so that a change from anywhere (another replica, the CLI, psql) is heard.
import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES: [table: string, userId: string, events: string][] = [
  ['users', 'id', 'INSERT OR UPDATE OR DELETE'],
  ['user_hubs', 'user_id', 'INSERT OR UPDATE OR DELETE'],
  // A new token adds nothing to what a cached context allows; revoking or removing one takes it away.
  ['refresh_tokens', 'user_id', 'UPDATE OR DELETE'],
];

export class AuthContextNotify1765700000000 implements MigrationInterface {
  name = 'AuthContextNotify1765700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, userId, events] of TABLES) {
      await q.query(`
        CREATE FUNCTION mih_notify_auth_context_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('mih_auth_context', OLD.${userId}::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('mih_auth_context', NEW.${userId}::text); END IF;
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER ${table}_auth_context_changed AFTER ${events} ON ${table}
          FOR EACH ROW EXECUTE FUNCTION mih_notify_auth_context_${table}()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of TABLES) {
      await q.query(`DROP TRIGGER ${table}_auth_context_changed ON ${table}`);
      await q.query(`DROP FUNCTION mih_notify_auth_context_${table}()`);
    }
  }
}

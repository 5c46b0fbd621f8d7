// Hubs, users and their sessions, the append-only audit trail and the reference lists.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFERENCE_LISTS_V1 } from './1763900000000-reference-lists.data';

export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE hubs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(6) NOT NULL CHECK (code ~ '^[A-Z0-9]{2,6}$'),
        name varchar(120) NOT NULL,
        country_code char(2) NOT NULL,
        admin1 varchar(120) NOT NULL,
        municipality varchar(120) NOT NULL,
        address varchar(300),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        phone varchar(40),
        opening_hours varchar(200),
        services text[] NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
        opened_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX hubs_code_key ON hubs (code)`);
    await q.query(`CREATE INDEX hubs_name_idx ON hubs (name, id)`);
    await q.query(`CREATE INDEX hubs_country_name_idx ON hubs (country_code, name, id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        role varchar(12) NOT NULL CHECK (role IN ('admin', 'supervisor', 'staff', 'counselor')),
        password_hash text NOT NULL,
        language varchar(2) NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en', 'fr')),
        active boolean NOT NULL DEFAULT true,
        country_codes text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_display_name_idx ON users (display_name, id)`);
    await q.query(`CREATE INDEX users_country_codes_idx ON users USING gin (country_codes)`);

    await q.query(`
      CREATE TABLE user_hubs (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        hub_id uuid NOT NULL REFERENCES hubs (id),
        PRIMARY KEY (user_id, hub_id)
      )`);
    await q.query(`CREATE INDEX user_hubs_hub_idx ON user_hubs (hub_id, user_id)`);

    // Refresh tokens are stored as SHA-256 hashes; a family is one sign-in and all its rotations.
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    // Failed sign-ins counted per normalised email, whether or not an account has it (no hint either way).
    await q.query(`
      CREATE TABLE login_throttles (
        email_hash char(64) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action varchar(20) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id uuid,
        hub_id uuid,
        ip varchar(45),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id)`);
    await q.query(`CREATE INDEX audit_events_hub_idx ON audit_events (hub_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE reference_items (
        list varchar(30) NOT NULL,
        code varchar(60) NOT NULL,
        labels jsonb NOT NULL,
        sort_order integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (list, code)
      )`);
    for (const [list, items] of Object.entries(REFERENCE_LISTS_V1)) {
      for (const [index, [code, [es, en, fr]]] of items.entries()) {
        await q.query(`INSERT INTO reference_items (list, code, labels, sort_order) VALUES ($1, $2, $3, $4)`, [
          list,
          code,
          JSON.stringify({ es, en, fr }),
          index + 1,
        ]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reference_items`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE login_throttles`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE user_hubs`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE hubs`);
  }
}

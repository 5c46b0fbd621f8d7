// The service-provider directory, referrals with their append-only timeline, one-time provider links
// (only the token's SHA-256 is stored) and in-app notifications, with the indexes their lists use.
import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const PROVIDER_TYPES = ['child_protection', 'shelter', 'legal_aid', 'health', 'psychosocial', 'labour', 'assisted_return', 'education', 'other'];
const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'accepted', 'declined', 'completed', 'cancelled'];
const URGENCIES = ['routine', 'priority', 'emergency'];
const EVENT_KINDS = ['submit', 'approve', 'return', 'reject', 'accept', 'decline', 'complete', 'cancel', 'create', 'update', 'reassign', 'provider_link'];
const NOTIFICATION_KINDS = [
  'referral_overdue',
  'referral_emergency_sent',
  'referral_submitted',
  'referral_returned',
  'referral_rejected',
  'referral_provider_answered',
  'referral_assigned',
];
/** Open referrals whose due date can pass (drafts and returned ones are still with the hub). */
const FOLLOWED_UP = `status IN ('submitted', 'approved', 'accepted')`;

export class Referrals1764200000000 implements MigrationInterface {
  name = 'Referrals1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        type varchar(20) NOT NULL CHECK (type IN (${list(PROVIDER_TYPES)})),
        need_categories text[] NOT NULL CHECK (cardinality(need_categories) >= 1),
        country_codes text[] NOT NULL CHECK (cardinality(country_codes) >= 1),
        admin1 varchar(120),
        municipalities text[] NOT NULL DEFAULT '{}',
        address varchar(300),
        phone varchar(40),
        email varchar(254),
        opening_hours varchar(200),
        focal_point varchar(200),
        languages text[] NOT NULL DEFAULT '{es}' CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['es', 'en', 'fr']),
        accepting_referrals boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // The directory: by name (keyset), filtered by need and country (GIN), searched by unaccented name.
    await q.query(`CREATE INDEX service_providers_name_idx ON service_providers (name, id)`);
    await q.query(`CREATE INDEX service_providers_need_categories_idx ON service_providers USING gin (need_categories)`);
    await q.query(`CREATE INDEX service_providers_country_codes_idx ON service_providers USING gin (country_codes)`);
    await q.query(`CREATE INDEX service_providers_name_trgm_idx ON service_providers USING gin (lower(mih_unaccent(name)) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES persons (id),
        hub_id uuid NOT NULL REFERENCES hubs (id),
        service_provider_id uuid NOT NULL REFERENCES service_providers (id),
        need_category varchar(60) NOT NULL,
        urgency varchar(10) NOT NULL CHECK (urgency IN (${list(URGENCIES)})),
        urgency_rank smallint GENERATED ALWAYS AS (CASE urgency WHEN 'emergency' THEN 0 WHEN 'priority' THEN 1 ELSE 2 END) STORED,
        reason varchar(2000) NOT NULL,
        consent_to_share boolean NOT NULL CHECK (consent_to_share),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN (${list(STATUSES)})),
        due_on date NOT NULL,
        outcome varchar(2000),
        assigned_to uuid NOT NULL REFERENCES users (id),
        created_by uuid NOT NULL REFERENCES users (id),
        submitted_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT referrals_submitted_at CHECK (status IN ('draft', 'cancelled') OR submitted_at IS NOT NULL)
      )`);
    // Lists, newest first: within hubs (staff, supervisors), across hubs (admins), per person, per assignee.
    await q.query(`CREATE INDEX referrals_hub_created_idx ON referrals (hub_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referrals_created_idx ON referrals (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referrals_person_created_idx ON referrals (person_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referrals_assigned_created_idx ON referrals (assigned_to, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referrals_created_by_idx ON referrals (created_by, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referrals_provider_idx ON referrals (service_provider_id, created_at DESC, id DESC)`);
    // The supervisors' review queue: submitted only, most urgent first, then oldest submitted.
    await q.query(`CREATE INDEX referrals_review_queue_idx ON referrals (urgency_rank, submitted_at, id) WHERE status = 'submitted'`);
    // Overdue follow-ups (the list and the sweep): only referrals still waiting for an answer.
    await q.query(`CREATE INDEX referrals_overdue_idx ON referrals (due_on, hub_id) WHERE ${FOLLOWED_UP}`);

    await q.query(`
      CREATE TABLE referral_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referrals (id),
        kind varchar(20) NOT NULL CHECK (kind IN (${list(EVENT_KINDS)})),
        from_status varchar(10) CHECK (from_status IN (${list(STATUSES)})),
        to_status varchar(10) CHECK (to_status IN (${list(STATUSES)})),
        actor_id uuid REFERENCES users (id),
        via_provider_link boolean NOT NULL DEFAULT false,
        comment varchar(2000),
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT referral_events_link_has_no_actor CHECK (NOT via_provider_link OR actor_id IS NULL)
      )`);
    await q.query(`CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, id)`);
    // The timeline is a record of what happened: like audit_events, it is never rewritten.
    await q.query(`
      CREATE FUNCTION referral_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER referral_events_no_update_delete BEFORE UPDATE OR DELETE ON referral_events
      FOR EACH ROW EXECUTE FUNCTION referral_events_append_only()`);
    await q.query(`
      CREATE TRIGGER referral_events_no_truncate BEFORE TRUNCATE ON referral_events
      FOR EACH STATEMENT EXECUTE FUNCTION referral_events_append_only()`);

    await q.query(`
      CREATE TABLE provider_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referrals (id),
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX provider_links_token_hash_key ON provider_links (token_hash)`);
    await q.query(`CREATE INDEX provider_links_referral_idx ON provider_links (referral_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(30) NOT NULL CHECK (kind IN (${list(NOTIFICATION_KINDS)})),
        referral_id uuid NOT NULL REFERENCES referrals (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    // The overdue sweep tells each user about each referral once, however often it runs.
    await q.query(`CREATE UNIQUE INDEX notifications_overdue_once_key ON notifications (referral_id, user_id) WHERE kind = 'referral_overdue'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE provider_links`);
    await q.query(`DROP TABLE referral_events`);
    await q.query(`DROP FUNCTION referral_events_append_only`);
    await q.query(`DROP TABLE referrals`);
    await q.query(`DROP TABLE service_providers`);
  }
}

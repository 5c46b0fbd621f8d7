// Retention (issue 14, gap 7): the period after which closed persons and cases are anonymised, set per
// country, and what the nightly run needs to do its work under the app's role: the rows it anonymised
// are marked, a referral's timeline comments can be erased (and only that, only once its person is
// anonymised), and a visit's note can be erased in a locked quarter while the run is at work.
import { MigrationInterface, QueryRunner } from 'typeorm';

const ORIGINAL_REFERRAL_EVENTS_GUARD = `
  CREATE OR REPLACE FUNCTION referral_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'referral_events is append-only';
  END $$`;

/** The quarter-lock guard of 1764400000000, with `extra` spliced in where the bookkeeping columns are chosen. */
const quarterGuard = (extra: string) => `
  CREATE OR REPLACE FUNCTION mih_assert_quarter_open() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    locked text;
    bookkeeping text[] := ARRAY['version', 'updated_at'];
  BEGIN
    IF TG_TABLE_NAME = 'visits' THEN
      bookkeeping := bookkeeping || ARRAY['follow_up_on', 'follow_up_done_at'];
    END IF;${extra}
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - bookkeeping) = (to_jsonb(OLD) - bookkeeping) THEN
      RETURN NEW;
    END IF;

    IF TG_TABLE_NAME = 'visits' THEN
      IF TG_OP <> 'INSERT' THEN locked := mih_locked_quarter_at(OLD.hub_id, OLD.occurred_at); END IF;
      IF locked IS NULL AND TG_OP <> 'DELETE' THEN locked := mih_locked_quarter_at(NEW.hub_id, NEW.occurred_at); END IF;
    ELSE
      IF TG_OP <> 'INSERT' THEN locked := mih_locked_quarter_on(OLD.hub_id, OLD.occurred_on); END IF;
      IF locked IS NULL AND TG_OP <> 'DELETE' THEN locked := mih_locked_quarter_on(NEW.hub_id, NEW.occurred_on); END IF;
    END IF;

    IF locked IS NOT NULL THEN
      RAISE EXCEPTION 'quarter % of this hub is locked', locked USING ERRCODE = 'MIHQL', DETAIL = locked;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`;

export class Retention1765300000000 implements MigrationInterface {
  name = 'Retention1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // No row: the default period (DEFAULT_RETENTION_YEARS in the contracts).
    await q.query(`
      CREATE TABLE retention_settings (
        country_code char(2) PRIMARY KEY CHECK (country_code ~ '^[A-Z]{2}$'),
        years integer NOT NULL CHECK (years BETWEEN 1 AND 30),
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE persons ADD COLUMN anonymised_at timestamptz(3)`);
    await q.query(`ALTER TABLE cases ADD COLUMN anonymised_at timestamptz(3)`);

    // The timeline stays append-only, except that a comment of a referral whose person was anonymised
    // may be erased (set to null, nothing else changed).
    await q.query(`
      CREATE OR REPLACE FUNCTION referral_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.comment IS NULL AND (to_jsonb(NEW) - 'comment') = (to_jsonb(OLD) - 'comment')
           AND EXISTS (SELECT 1 FROM referrals r JOIN persons p ON p.id = r.person_id
                       WHERE r.id = NEW.referral_id AND p.anonymised_at IS NOT NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'referral_events is append-only';
      END $$`);
    // The app's role may not UPDATE referral_events at all (migrate.ts); this function, owned by the
    // migration role, does that one erasure for it.
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    await q.query(`
      CREATE FUNCTION mih_erase_referral_comments(person_ids uuid[]) RETURNS integer
      LANGUAGE sql SECURITY DEFINER SET search_path = ${schema}, pg_temp AS $$
        WITH erased AS (
          UPDATE referral_events e SET comment = NULL
          FROM referrals r JOIN persons p ON p.id = r.person_id
          WHERE e.referral_id = r.id AND p.id = ANY(person_ids) AND p.anonymised_at IS NOT NULL AND e.comment IS NOT NULL
          RETURNING 1
        )
        SELECT count(*)::int FROM erased
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION mih_erase_referral_comments(uuid[]) FROM PUBLIC`);

    // No figure counts notes: the retention run (and only it, by a transaction-local setting) may erase
    // a visit's note in a locked quarter.
    await q.query(
      quarterGuard(`
    IF TG_TABLE_NAME = 'visits' AND current_setting('mih.retention_run', true) = 'on' THEN
      bookkeeping := bookkeeping || ARRAY['note'];
    END IF;`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(quarterGuard(''));
    await q.query(`DROP FUNCTION mih_erase_referral_comments(uuid[])`);
    await q.query(ORIGINAL_REFERRAL_EVENTS_GUARD);
    await q.query(`ALTER TABLE cases DROP COLUMN anonymised_at`);
    await q.query(`ALTER TABLE persons DROP COLUMN anonymised_at`);
    await q.query(`DROP TABLE retention_settings`);
  }
}

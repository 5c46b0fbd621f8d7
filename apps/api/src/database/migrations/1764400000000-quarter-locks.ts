// Quarter locks: once a hub's quarter is locked, its visits and activities of that quarter can no longer
// be created, changed, moved in or out, or deleted. Enforced here, in the database, so that no code path
// (API, sync, scripts) can forget it; the API maps SQLSTATE MIHQL to 409 quarter_locked.
// Referrals, persons and cases are not locked: their answers and outcomes legitimately arrive later.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuarterLocks1764400000000 implements MigrationInterface {
  name = 'QuarterLocks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // starts_at/ends_at are the quarter's first day and the next quarter's first day in the time zone of
    // the supervisor who locked it, so "Q3" covers the same instants the dashboard counted.
    await q.query(`
      CREATE TABLE quarter_locks (
        hub_id uuid NOT NULL REFERENCES hubs (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone varchar(64) NOT NULL,
        locked_by uuid NOT NULL REFERENCES users (id),
        locked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (hub_id, year, quarter),
        CONSTRAINT quarter_locks_span CHECK (starts_at < ends_at)
      )`);

    // The locked quarter ('2026-Q3') holding an instant or a day of a hub, or null. A hub has at most
    // four locks a year: the primary key's hub_id prefix finds them.
    await q.query(`
      CREATE FUNCTION mih_locked_quarter_at(hub uuid, at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT year || '-Q' || quarter FROM quarter_locks WHERE hub_id = hub AND starts_at <= at AND at < ends_at LIMIT 1
      $$`);
    await q.query(`
      CREATE FUNCTION mih_locked_quarter_on(hub uuid, day date) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT year || '-Q' || quarter FROM quarter_locks
        WHERE hub_id = hub AND year = extract(year FROM day)::int AND quarter = extract(quarter FROM day)::int
      $$`);

    // Both the row before (moving out of, changing or deleting) and after (moving into, creating) count.
    // Updates that touch only bookkeeping are let through: the version and updated_at a no-op PATCH bumps,
    // and a visit's follow-up (marked done after the quarter closed), which no quarterly figure counts.
    await q.query(`
      CREATE FUNCTION mih_assert_quarter_open() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        locked text;
        bookkeeping text[] := ARRAY['version', 'updated_at'];
      BEGIN
        IF TG_TABLE_NAME = 'visits' THEN
          bookkeeping := bookkeeping || ARRAY['follow_up_on', 'follow_up_done_at'];
        END IF;
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
      END $$`);
    for (const table of ['visits', 'activities']) {
      await q.query(`
        CREATE TRIGGER ${table}_quarter_open BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION mih_assert_quarter_open()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER activities_quarter_open ON activities`);
    await q.query(`DROP TRIGGER visits_quarter_open ON visits`);
    await q.query(`DROP FUNCTION mih_assert_quarter_open`);
    await q.query(`DROP FUNCTION mih_locked_quarter_on`);
    await q.query(`DROP FUNCTION mih_locked_quarter_at`);
    await q.query(`DROP TABLE quarter_locks`);
  }
}

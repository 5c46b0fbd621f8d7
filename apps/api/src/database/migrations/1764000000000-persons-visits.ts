// Persons (pseudonymous codes, identifying fields only with consent, trigram search) and visits
// (consultations), with the indexes their lists, searches and timelines use at a million visits.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonsVisits1764000000000 implements MigrationInterface {
  name = 'PersonsVisits1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Person codes are numbered per hub: `<country>-<hub code>-<6 digits>`.
    await q.query(`ALTER TABLE hubs ADD COLUMN next_person_number integer NOT NULL DEFAULT 1`);

    // unaccent() is STABLE (it reads its dictionary by name), so it cannot be used where PostgreSQL wants
    // an IMMUTABLE function; this wrapper names the dictionary by schema, which makes that promise safe.
    const [{ schema }] = await q.query(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'`);
    await q.query(`
      CREATE FUNCTION mih_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT ${schema}.unaccent('${schema}.unaccent'::regdictionary, $1) $$`);
    // What person search matches against: lowercased, unaccented names, code and document number. The
    // API stores it on every write (PersonsService); bulk loaders call the same function.
    await q.query(`
      CREATE FUNCTION mih_person_search_text(given_name text, family_name text, code text, document_number text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(mih_unaccent(concat_ws(' ', given_name, family_name, code, document_number))) $$`);

    const sexes = `'female', 'male', 'other', 'undisclosed'`;
    const ageBands = `'0-11', '12-17', '18-24', '25-59', '60+'`;
    const profiles = `'intending', 'in_transit', 'returnee_voluntary', 'returnee_deported', 'immigrant', 'family_of_migrant', 'asylum_seeker'`;

    // Timestamps have millisecond precision, as JavaScript dates do, so keyset cursors compare exactly.
    await q.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY,
        hub_id uuid NOT NULL REFERENCES hubs (id),
        code varchar(24) NOT NULL,
        sex varchar(12) NOT NULL CHECK (sex IN (${sexes})),
        nationality char(2) NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
        profile varchar(20) NOT NULL CHECK (profile IN (${profiles})),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        age_band varchar(5) CHECK (age_band IN (${ageBands})),
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        consent_given boolean NOT NULL DEFAULT false,
        consent_purposes text[] NOT NULL DEFAULT '{}' CHECK (consent_purposes <@ ARRAY['follow_up', 'referral', 'contact']),
        consent_date date,
        given_name varchar(100),
        family_name varchar(100),
        date_of_birth date,
        document_number varchar(40),
        phone varchar(40),
        search_text text NOT NULL DEFAULT '',
        merged_into_id uuid REFERENCES persons (id),
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT persons_identifying_needs_consent CHECK (
          consent_given OR (given_name IS NULL AND family_name IS NULL AND date_of_birth IS NULL AND document_number IS NULL AND phone IS NULL)
        ),
        CONSTRAINT persons_not_merged_into_itself CHECK (merged_into_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX persons_code_key ON persons (code)`);
    await q.query(`CREATE INDEX persons_search_text_trgm_idx ON persons USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX persons_hub_created_idx ON persons (hub_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX persons_created_idx ON persons (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX persons_created_by_idx ON persons (created_by, created_at DESC)`);

    // sex, age band, nationality and profile are always stored (copied from the person when linked), so
    // reports count visits without reading persons.
    await q.query(`
      CREATE TABLE visits (
        id uuid PRIMARY KEY,
        hub_id uuid NOT NULL REFERENCES hubs (id),
        occurred_at timestamptz(3) NOT NULL,
        staff_id uuid NOT NULL REFERENCES users (id),
        channel varchar(12) NOT NULL CHECK (channel IN ('in_person', 'phone', 'messaging', 'outreach')),
        person_id uuid REFERENCES persons (id),
        sex varchar(12) NOT NULL CHECK (sex IN (${sexes})),
        age_band varchar(5) NOT NULL CHECK (age_band IN (${ageBands})),
        nationality char(2) NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
        profile varchar(20) NOT NULL CHECK (profile IN (${profiles})),
        topics text[] NOT NULL CHECK (cardinality(topics) >= 1),
        needs text[] NOT NULL DEFAULT '{}',
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        note varchar(2000),
        follow_up_on date,
        follow_up_done_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Lists: newest first within hubs (staff, supervisors by hub) and across hubs (admins, countries).
    await q.query(`CREATE INDEX visits_hub_occurred_idx ON visits (hub_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX visits_occurred_idx ON visits (occurred_at DESC, id DESC)`);
    // Person timelines and merges; most visits are anonymous, so only linked ones are indexed.
    await q.query(`CREATE INDEX visits_person_occurred_idx ON visits (person_id, occurred_at DESC, id DESC) WHERE person_id IS NOT NULL`);
    // Follow-ups due: only the open ones, per hub, and newest first across hubs (admins, countries).
    await q.query(`
      CREATE INDEX visits_follow_up_due_idx ON visits (hub_id, follow_up_on)
      WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL`);
    await q.query(`
      CREATE INDEX visits_follow_up_open_idx ON visits (occurred_at DESC, id DESC)
      WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL`);
    await q.query(`CREATE INDEX visits_topics_idx ON visits USING gin (topics)`);
    // The staff filter and counselors' own records.
    await q.query(`CREATE INDEX visits_staff_occurred_idx ON visits (staff_id, occurred_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE visits`);
    await q.query(`DROP TABLE persons`);
    await q.query(`DROP FUNCTION mih_person_search_text(text, text, text, text)`);
    await q.query(`DROP FUNCTION mih_unaccent(text)`);
    await q.query(`ALTER TABLE hubs DROP COLUMN next_person_number`);
  }
}

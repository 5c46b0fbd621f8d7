// Community counselors (a roster profile per counselor account), their outreach activities with
// participants by sex and age, and the cases they identify, which wait in the hub's inbox.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivitiesCases1764300000000 implements MigrationInterface {
  name = 'ActivitiesCases1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per counselor account that has profile details; the account itself stays in users.
    await q.query(`
      CREATE TABLE counselor_profiles (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        community varchar(120),
        languages text[] NOT NULL DEFAULT '{}',
        trained_on date
      )`);
    // Counselor lists go by hub and name.
    await q.query(`CREATE INDEX users_counselors_name_idx ON users (display_name, id) WHERE role = 'counselor'`);

    const participant = (column: string) => `${column} integer NOT NULL CHECK (${column} BETWEEN 0 AND 100000)`;
    await q.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY,
        hub_id uuid NOT NULL REFERENCES hubs (id),
        type varchar(20) NOT NULL CHECK (type IN ('info_session', 'workshop', 'community_fair', 'school_talk', 'campaign_event', 'home_visit')),
        occurred_on date NOT NULL,
        place varchar(200) NOT NULL,
        community varchar(120),
        ${participant('girls')},
        ${participant('boys')},
        ${participant('women')},
        ${participant('men')},
        ${participant('other')},
        topics text[] NOT NULL CHECK (cardinality(topics) >= 1),
        counselor_ids uuid[] NOT NULL DEFAULT '{}',
        campaign varchar(120),
        materials varchar(500),
        notes varchar(2000),
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT activities_someone_took_part CHECK (girls + boys + women + men + other > 0)
      )`);
    // Lists (newest first) by hub and across hubs; a counselor's own: created by them or naming them.
    await q.query(`CREATE INDEX activities_hub_occurred_idx ON activities (hub_id, occurred_on DESC, id DESC)`);
    await q.query(`CREATE INDEX activities_occurred_idx ON activities (occurred_on DESC, id DESC)`);
    await q.query(`CREATE INDEX activities_created_by_idx ON activities (created_by, occurred_on DESC, id DESC)`);
    await q.query(`CREATE INDEX activities_counselor_ids_idx ON activities USING gin (counselor_ids)`);

    const sexes = `'female', 'male', 'other', 'undisclosed'`;
    const ageBands = `'0-11', '12-17', '18-24', '25-59', '60+'`;
    const profiles = `'intending', 'in_transit', 'returnee_voluntary', 'returnee_deported', 'immigrant', 'family_of_migrant', 'asylum_seeker'`;
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        hub_id uuid NOT NULL REFERENCES hubs (id),
        activity_id uuid REFERENCES activities (id),
        need_category varchar(60) NOT NULL,
        urgency varchar(10) NOT NULL CHECK (urgency IN ('routine', 'priority', 'emergency')),
        sex varchar(12) NOT NULL CHECK (sex IN (${sexes})),
        age_band varchar(5) NOT NULL CHECK (age_band IN (${ageBands})),
        nationality char(2) NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
        profile varchar(20) NOT NULL CHECK (profile IN (${profiles})),
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        description varchar(1000) NOT NULL,
        consent_given boolean NOT NULL DEFAULT false,
        consent_purposes text[] NOT NULL DEFAULT '{}' CHECK (consent_purposes <@ ARRAY['follow_up', 'referral', 'contact']),
        consent_date date,
        given_name varchar(100),
        contact varchar(100),
        status varchar(12) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'closed')),
        outcome varchar(14) CHECK (outcome IN ('visit_logged', 'referred', 'no_contact', 'not_eligible', 'duplicate')),
        close_comment varchar(1000),
        person_id uuid REFERENCES persons (id),
        created_by uuid NOT NULL REFERENCES users (id),
        assigned_to uuid REFERENCES users (id),
        taken_at timestamptz(3),
        closed_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT cases_identifying_needs_consent CHECK (consent_given OR (given_name IS NULL AND contact IS NULL)),
        CONSTRAINT cases_closed_with_outcome CHECK ((status = 'closed') = (outcome IS NOT NULL))
      )`);
    // The inbox: open cases of a hub, oldest first. Lists newest first by hub, across hubs, by author.
    await q.query(`CREATE INDEX cases_inbox_idx ON cases (hub_id, created_at, id) WHERE status <> 'closed'`);
    await q.query(`CREATE INDEX cases_open_idx ON cases (created_at, id) WHERE status <> 'closed'`);
    await q.query(`CREATE INDEX cases_hub_created_idx ON cases (hub_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_created_by_idx ON cases (created_by, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_activity_idx ON cases (activity_id) WHERE activity_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE activities`);
    await q.query(`DROP INDEX users_counselors_name_idx`);
    await q.query(`DROP TABLE counselor_profiles`);
  }
}

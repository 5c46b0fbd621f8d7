#!/usr/bin/env node
// Fills a migrated database with realistic volume for the benchmark, set-based (INSERT … SELECT over
// generate_series, one transaction), in about a minute per million visits:
//   npm run seed:volume -- [--visits 1000000] [--persons N] [--hubs 50]
// DATABASE_URL names the database (migrated, with no persons or visits yet); without it an embedded
// PostgreSQL keeps the data in .data/bench (the database `npm run bench -- --reuse` uses).
// Every account it creates signs in with the password VOLUME_PASSWORD (default `Volume-2026!`).
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import pg from 'pg';
import {
  AGE_BAND_WEIGHTS,
  CHANNEL_WEIGHTS,
  COUNTRY_TIME_ZONES,
  expand,
  FIRST_TOPIC_BY_PROFILE,
  FOREIGN_NATIONALITIES,
  HUBS_BY_COUNTRY,
  LOCAL_PROFILES,
  MONTH_WEIGHTS,
  NAMES,
  NEED_WEIGHTS,
  NOTES,
  PHONE_PREFIXES,
  PROFILE_WEIGHTS,
  SEX_WEIGHTS,
  TOPIC_WEIGHTS,
  VULNERABILITY_WEIGHTS,
  WEEKDAY_WEIGHTS,
  zipf,
} from './volume-data.mjs';
import { migrate, openVolumeDatabase } from './volume-database.mjs';

export const VOLUME_PASSWORD = process.env.VOLUME_PASSWORD ?? 'Volume-2026!';
export const VOLUME_EMAIL_DOMAIN = 'volume.example.org';
const YEARS = 3;
/** Share of visits linked to a person (the rest are anonymous). */
const LINKED_SHARE = 0.35;

/**
 * Loads hubs, accounts, persons and visits into `url`. Returns the timings in ms per step.
 * @param {string} url
 * @param {{ visits: number, persons?: number, hubs?: number, log?: (m: string) => void }} options
 */
export async function seedVolume(url, { visits, persons = Math.round(visits / 5), hubs = 50, log = console.log }) {
  const timings = [];
  const client = new pg.Client({ connectionString: url, application_name: 'mih-seed-volume' });
  client.on('error', () => undefined);
  await client.connect();
  const step = async (name, work) => {
    const started = Date.now();
    const result = await work();
    const ms = Date.now() - started;
    timings.push({ name, ms });
    log(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
    return result;
  };
  try {
    const [{ migrated }] = (await client.query(`SELECT to_regclass('visits') IS NOT NULL AS migrated`)).rows;
    if (!migrated) throw new Error('The database has no visits table: apply the migrations first (npm run migrate).');
    const [{ persons: existingPersons, visits: existingVisits }] = (
      await client.query('SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM visits)::int AS visits')
    ).rows;
    if (existingPersons + existingVisits > 0) {
      throw new Error(`The database already holds ${existingPersons} persons and ${existingVisits} visits; the generator fills an empty one.`);
    }
    const [{ superuser }] = (await client.query(`SELECT current_setting('is_superuser') = 'on' AS superuser`)).rows;
    log(`Generating ${hubs} hubs, ${persons.toLocaleString('en')} persons and ${visits.toLocaleString('en')} visits over ${YEARS} years`);

    await client.query('BEGIN');
    await client.query(`SET LOCAL synchronous_commit = off`);
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL max_parallel_maintenance_workers = 2`);
    // The rows are built consistent (hubs, staff, persons exist); skipping the per-row foreign-key
    // triggers saves about 30 % of the load (measured at 200,000 visits). Only a superuser may.
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query('SELECT setseed(0.2026)');

    const hubRows = await step('hubs and accounts', () => insertHubsAndUsers(client, hubs));
    // Secondary indexes are dropped and rebuilt at the end (same definitions): one sorted build each
    // instead of a million random insertions (about 20 % faster). All inside the transaction, so a
    // failure leaves nothing behind.
    const indexes = await step('drop secondary indexes', () => dropSecondaryIndexes(client));
    const lookups = await step('lookup tables', () => createLookupTables(client, hubRows));
    await step(`persons (${persons.toLocaleString('en')})`, () => insertPersons(client, persons, lookups));
    await step(`visits (${visits.toLocaleString('en')})`, () => insertVisits(client, visits, persons, lookups));
    await step(`rebuild ${indexes.length} indexes`, async () => {
      for (const definition of indexes) await client.query(definition);
    });
    await step('commit', () => client.query('COMMIT'));
    // What autovacuum would have done by now on a live database: statistics, visibility map, hint bits.
    await step('vacuum and analyze', () => client.query('VACUUM (ANALYZE) hubs, users, user_hubs, persons, visits'));
    const [{ size }] = (await client.query(`SELECT pg_size_pretty(pg_total_relation_size('visits') + pg_total_relation_size('persons')) AS size`)).rows;
    log(`  persons + visits with indexes: ${size}`);
    return timings;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Hubs (codes kept unique against hubs already there) and their accounts; returns the hubs. */
async function insertHubsAndUsers(client, count) {
  const countries = Object.keys(HUBS_BY_COUNTRY);
  // Round-robin over the countries so that any --hubs count spreads over all eight.
  const picked = [];
  for (let i = 0; picked.length < count; i++) {
    const list = HUBS_BY_COUNTRY[countries[i % countries.length]];
    const hub = list[Math.floor(i / countries.length)];
    if (hub) picked.push({ countryCode: countries[i % countries.length], hub });
    if (i > count * countries.length + 100) throw new Error(`--hubs goes up to ${Object.values(HUBS_BY_COUNTRY).flat().length}`);
  }
  const taken = new Set((await client.query('SELECT code FROM hubs')).rows.map((r) => r.code));
  const rows = picked.map(({ countryCode, hub: [code, name, municipality, admin1, latitude, longitude, weight] }) => {
    let unique = code;
    for (let n = 2; taken.has(unique); n++) unique = `${code.slice(0, 5)}${n}`;
    taken.add(unique);
    return { code: unique, name, countryCode, admin1, municipality, latitude, longitude, weight };
  });
  const inserted = await client.query(
    `INSERT INTO hubs (code, name, country_code, admin1, municipality, address, latitude, longitude, phone, opening_hours, services, opened_on, created_at, updated_at)
     SELECT h.code, h.name, h.country_code, h.admin1, h.municipality, 'Municipalidad de ' || h.municipality, h.latitude, h.longitude,
            $2::jsonb ->> h.country_code || ' 2' || lpad((random() * 9999999)::int::text, 7, '0'), 'Lun-Vie 8:00-16:30',
            ARRAY['Información', 'Orientación', 'Referencias'], (now() - interval '${YEARS} years' - random() * interval '2 years')::date,
            now() - interval '${YEARS} years', now() - interval '${YEARS} years'
     FROM jsonb_to_recordset($1::jsonb) AS h(code text, name text, country_code text, admin1 text, municipality text, latitude float8, longitude float8)
     RETURNING id, code, country_code`,
    [JSON.stringify(rows.map((r) => ({ ...r, country_code: r.countryCode }))), JSON.stringify(PHONE_PREFIXES)],
  );
  const hubs = inserted.rows.map((row) => ({ ...row, weight: rows.find((r) => r.code === row.code).weight }));

  // One hash for every account: argon2 is deliberately slow.
  const argon2 = createRequire(import.meta.url)('argon2');
  const passwordHash = await argon2.hash(VOLUME_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  // Staff: two to four per hub by how busy it is; one counselor per hub; one supervisor per country.
  const accounts = [{ email: `admin@${VOLUME_EMAIL_DOMAIN}`, role: 'admin', hubIds: [], countryCodes: [] }];
  for (const hub of hubs) {
    const staff = 2 + Math.floor(hub.weight / 2);
    for (let n = 1; n <= staff; n++) accounts.push({ email: `staff${n}.${hub.code.toLowerCase()}@${VOLUME_EMAIL_DOMAIN}`, role: 'staff', hubIds: [hub.id], countryCodes: [] });
    accounts.push({ email: `counselor.${hub.code.toLowerCase()}@${VOLUME_EMAIL_DOMAIN}`, role: 'counselor', hubIds: [hub.id], countryCodes: [] });
  }
  for (const countryCode of new Set(hubs.map((h) => h.country_code))) {
    accounts.push({ email: `supervisor.${countryCode.toLowerCase()}@${VOLUME_EMAIL_DOMAIN}`, role: 'supervisor', hubIds: [], countryCodes: [countryCode] });
  }
  const { female, male, family } = NAMES.spanish;
  const given = [...female, ...male];
  const users = await client.query(
    `INSERT INTO users (email, display_name, role, password_hash, language, active, country_codes, created_at, updated_at)
     SELECT a.email, a.display_name, a.role, $2, 'es', true, a.country_codes, now() - interval '${YEARS} years', now() - interval '${YEARS} years'
     FROM jsonb_to_recordset($1::jsonb) AS a(email text, display_name text, role text, country_codes text[])
     RETURNING id, email`,
    [
      JSON.stringify(accounts.map((a, i) => ({ email: a.email, display_name: `${given[i % given.length]} ${family[(i * 7) % family.length]}`, role: a.role, country_codes: a.countryCodes }))),
      passwordHash,
    ],
  );
  const idByEmail = new Map(users.rows.map((r) => [r.email, r.id]));
  const assignments = accounts.flatMap((a) => a.hubIds.map((hubId) => [idByEmail.get(a.email), hubId]));
  await client.query('INSERT INTO user_hubs (user_id, hub_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
    assignments.map((a) => a[0]),
    assignments.map((a) => a[1]),
  ]);
  return hubs;
}

/** Drops the non-constraint indexes of persons and visits; returns their CREATE INDEX statements. */
async function dropSecondaryIndexes(client) {
  const { rows } = await client.query(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid IN ('persons'::regclass, 'visits'::regclass)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`);
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows.map((r) => r.definition);
}

/**
 * Temporary tables and parameters the generators pick from. Arrays repeat each value by its weight, so
 * `arr[1 + floor(random() * cardinality(arr))]` draws from the distribution.
 */
async function createLookupTables(client, hubs) {
  const hubPick = hubs.flatMap((hub, index) => Array(hub.weight).fill(index + 1));
  await client.query(
    `CREATE TEMP TABLE vol_hub ON COMMIT DROP AS
     SELECT h.idx::int AS idx, h.id, h.code, h.country_code AS cc,
            (SELECT array_agg(u.id ORDER BY u.email) FROM user_hubs uh JOIN users u ON u.id = uh.user_id
             WHERE uh.hub_id = h.id AND u.role = 'staff') AS staff_ids
     FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS h(id, code, country_code, idx)`,
    [hubs.map((h) => h.id), hubs.map((h) => h.code), hubs.map((h) => h.country_code)],
  );

  // Per country: profiles, nationalities of foreigners, time zone, phone prefix.
  const countries = Object.keys(PROFILE_WEIGHTS).map((cc) => ({
    cc,
    profiles: expand(PROFILE_WEIGHTS[cc]),
    foreign: expand(FOREIGN_NATIONALITIES[cc]),
    tz: COUNTRY_TIME_ZONES[cc],
  }));
  await client.query(
    `CREATE TEMP TABLE vol_country ON COMMIT DROP AS
     SELECT c.cc, c.profiles, c.foreign, c.tz FROM jsonb_to_recordset($1::jsonb) AS c(cc text, profiles text[], "foreign" text[], tz text)`,
    [JSON.stringify(countries)],
  );
  await client.query(
    `CREATE TEMP TABLE vol_profile ON COMMIT DROP AS
     SELECT p.profile, p.first_topics FROM jsonb_to_recordset($1::jsonb) AS p(profile text, first_topics text[])`,
    [JSON.stringify(Object.entries(FIRST_TOPIC_BY_PROFILE).map(([profile, weights]) => ({ profile, first_topics: expand(weights) })))],
  );
  // The topic codes must be those of the reference list.
  const known = new Set((await client.query(`SELECT code FROM reference_items WHERE list = 'topics'`)).rows.map((r) => r.code));
  const unknown = [...Object.keys(TOPIC_WEIGHTS), ...Object.values(FIRST_TOPIC_BY_PROFILE).flatMap(Object.keys)].filter((code) => !known.has(code));
  if (unknown.length > 0) throw new Error(`Topic codes missing from reference_items: ${[...new Set(unknown)].join(', ')}`);

  // Days of the last three years up to yesterday (offsets from the first one), weighted by month, weekday
  // and a slow growth.
  const days = [];
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const first = new Date(today);
  first.setUTCFullYear(first.getUTCFullYear() - YEARS);
  const totalDays = Math.round((today.getTime() - first.getTime()) / 86_400_000);
  for (let offset = 0; offset < totalDays; offset++) {
    const day = new Date(first.getTime() + offset * 86_400_000);
    const weight = Math.round((MONTH_WEIGHTS[day.getUTCMonth()] * WEEKDAY_WEIGHTS[day.getUTCDay()] * (1 + (0.4 * offset) / totalDays)) / 4);
    for (let n = 0; n < weight; n++) days.push(offset);
  }
  return { firstDay: first.toISOString().slice(0, 10), days, hubPick };
}

/** A draw from a weighted array parameter: `pick('$4', 'd.r_sex')`. */
const pick = (param, random) => `(${param}::text[])[1 + floor(${random} * cardinality(${param}::text[]))::int]`;

/**
 * Persons into a temporary table first (the visits draw from it), then into persons with their codes.
 * The random draws happen once per row in the first CTE (PostgreSQL materialises a CTE with volatile
 * functions); the later steps derive the attributes that depend on them: country → profile →
 * nationality → names.
 */
async function insertPersons(client, count, { days, firstDay, hubPick }) {
  const { spanish, haitian } = NAMES;
  await client.query(
    `CREATE TEMP TABLE vol_person ON COMMIT DROP AS
     WITH draw AS (
       SELECT g AS idx, random() AS r_hub, random() AS r_sex, random() AS r_profile, random() AS r_nat, random() AS r_age,
              random() AS r_consent, random() AS r_day, random() AS r_time, random() AS r_vuln, random() AS r_vuln2,
              random() AS r_given, random() AS r_given2, random() AS r_family, random() AS r_family2, random() AS r_doc,
              random() AS r_phone, random() AS r_dob, random() AS r_purpose, random() AS r_staff, random() AS r_year
       FROM generate_series(1, $1::int) g
     ), placed AS (
       SELECT d.*, h.idx AS hub_idx, h.id AS hub_id, h.code AS hub_code, h.cc, h.staff_ids, c.tz, c.foreign,
              c.profiles[1 + floor(d.r_profile * cardinality(c.profiles))::int] AS profile,
              ($2::int[])[1 + floor(d.r_day * cardinality($2::int[]))::int] AS day_offset,
              ${pick('$4', 'd.r_sex')} AS sex,
              ${pick('$5', 'd.r_age')} AS age_band
       FROM draw d
       JOIN vol_hub h ON h.idx = ($15::int[])[1 + floor(d.r_hub * cardinality($15::int[]))::int]
       JOIN vol_country c ON c.cc = h.cc
     ), shaped AS (
       SELECT p.*,
              -- locals are nearly all nationals; people in transit, immigrants and asylum seekers mostly foreign
              CASE WHEN p.profile = ANY($6::text[]) AND p.r_nat < 0.97 THEN p.cc
                   WHEN p.profile = ANY($6::text[]) THEN p.foreign[1 + floor((p.r_nat - 0.97) / 0.03 * cardinality(p.foreign))::int]
                   WHEN p.r_nat < 0.06 THEN p.cc
                   ELSE p.foreign[1 + floor((p.r_nat - 0.06) / 0.94 * cardinality(p.foreign))::int] END AS nationality,
              (($3::date + p.day_offset) + interval '8 hours' + p.r_time * interval '8.5 hours') AT TIME ZONE p.tz AS created_at,
              CASE p.age_band WHEN '0-11' THEN floor(p.r_year * 12) WHEN '12-17' THEN 12 + floor(p.r_year * 6)
                              WHEN '18-24' THEN 18 + floor(p.r_year * 7) WHEN '25-59' THEN 25 + floor(p.r_year ^ 1.6 * 35)
                              ELSE 60 + floor(p.r_year * 25) END::int AS age,
              p.r_consent < 0.30 AS consent_given,
              ${pick('$7', 'p.r_vuln2')} AS vulnerability_a,
              ${pick('$7', '(p.r_vuln / 0.18)')} AS vulnerability_b
       FROM placed p
     )
     SELECT s.idx, gen_random_uuid() AS id, s.hub_idx, s.hub_id, s.hub_code, s.cc, s.tz, s.sex, s.nationality, s.profile, s.created_at,
            s.staff_ids[1 + floor(s.r_staff * cardinality(s.staff_ids))::int] AS created_by,
            -- seven in ten give a year of birth, the others an age band only
            CASE WHEN s.r_dob < 0.7 THEN extract(year FROM s.created_at)::int - s.age END AS birth_year,
            CASE WHEN s.r_dob >= 0.7 THEN s.age_band END AS age_band,
            s.age_band AS age_band_at_creation,
            CASE WHEN s.profile = 'returnee_deported' AND s.r_vuln < 0.5 THEN ARRAY['deported_returnee']
                 WHEN s.r_vuln < 0.15 THEN ARRAY[s.vulnerability_b]
                 WHEN s.r_vuln < 0.18 AND s.vulnerability_a <> s.vulnerability_b THEN ARRAY[s.vulnerability_a, s.vulnerability_b]
                 WHEN s.r_vuln < 0.18 THEN ARRAY[s.vulnerability_a]
                 ELSE '{}' END AS vulnerabilities,
            s.consent_given,
            CASE WHEN NOT s.consent_given THEN '{}'::text[] WHEN s.r_purpose < 0.5 THEN ARRAY['follow_up']
                 WHEN s.r_purpose < 0.85 THEN ARRAY['follow_up', 'referral'] ELSE ARRAY['follow_up', 'referral', 'contact'] END AS consent_purposes,
            CASE WHEN s.consent_given THEN (s.created_at AT TIME ZONE s.tz)::date END AS consent_date,
            -- names only with consent: Haitian names for Haitians, Spanish otherwise (three in ten with a second given name,
            -- eight in ten with two family names)
            CASE WHEN NOT s.consent_given THEN NULL
                 WHEN s.nationality = 'HT' AND s.sex = 'female' THEN ${pick('$10', 's.r_given')}
                 WHEN s.nationality = 'HT' THEN ${pick('$11', 's.r_given')}
                 WHEN s.sex = 'female' THEN ${pick('$8', 's.r_given')} || CASE WHEN s.r_given2 < 0.3 THEN ' ' || ${pick('$8', '(s.r_given2 / 0.3)')} ELSE '' END
                 ELSE ${pick('$9', 's.r_given')} || CASE WHEN s.r_given2 < 0.3 THEN ' ' || ${pick('$9', '(s.r_given2 / 0.3)')} ELSE '' END
            END AS given_name,
            CASE WHEN NOT s.consent_given THEN NULL
                 WHEN s.nationality = 'HT' THEN ${pick('$13', 's.r_family')}
                 ELSE ${pick('$12', 's.r_family')} || CASE WHEN s.r_family2 < 0.8 THEN ' ' || ${pick('$12', '(s.r_family2 / 0.8)')} ELSE '' END
            END AS family_name,
            CASE WHEN s.consent_given AND s.r_dob < 0.35
                 THEN make_date(extract(year FROM s.created_at)::int - s.age, 1 + floor(s.r_time * 12)::int, 1 + floor(s.r_doc * 28)::int) END AS date_of_birth,
            CASE WHEN s.consent_given AND s.r_doc < 0.4 THEN chr(65 + floor(s.r_phone * 26)::int) || lpad(floor(s.r_doc * 2.5e8)::bigint::text, 8, '0') END AS document_number,
            CASE WHEN s.consent_given AND s.r_phone < 0.6
                 THEN coalesce($14::jsonb ->> s.nationality, '+502') || ' ' || lpad(floor(s.r_phone / 0.6 * 1e8)::bigint::text, 8, '0') END AS phone
     FROM shaped s`,
    [
      count, days, firstDay, expand(SEX_WEIGHTS), expand({ '0-11': 6, '12-17': 6, '18-24': 26, '25-59': 58, '60+': 4 }), LOCAL_PROFILES,
      expand(VULNERABILITY_WEIGHTS), zipf(spanish.female), zipf(spanish.male), zipf(haitian.female), zipf(haitian.male),
      zipf(spanish.family), zipf(haitian.family), JSON.stringify(PHONE_PREFIXES), hubPick,
    ],
  );
  await client.query('ALTER TABLE vol_person ADD PRIMARY KEY (idx)');

  // Codes are numbered per hub in order of registration: <country>-<hub code>-<000001>.
  await client.query(`
    INSERT INTO persons (id, hub_id, code, sex, nationality, profile, birth_year, age_band, vulnerabilities, consent_given, consent_purposes,
                         consent_date, given_name, family_name, date_of_birth, document_number, phone, search_text, created_by, version,
                         created_at, updated_at)
    SELECT p.id, p.hub_id, p.code, p.sex, p.nationality, p.profile, p.birth_year, p.age_band, p.vulnerabilities, p.consent_given,
           p.consent_purposes, p.consent_date, p.given_name, p.family_name, p.date_of_birth, p.document_number, p.phone,
           mih_person_search_text(p.given_name, p.family_name, p.code, p.document_number), p.created_by, 1, p.created_at, p.created_at
    FROM (
      SELECT v.*, v.cc || '-' || v.hub_code || '-' || lpad((row_number() OVER (PARTITION BY v.hub_id ORDER BY v.created_at, v.id))::text, 6, '0') AS code
      FROM vol_person v
    ) p
    ORDER BY p.created_at`);
  await client.query(`
    UPDATE hubs h SET next_person_number = h.next_person_number + n.count
    FROM (SELECT hub_id, count(*)::int AS count FROM vol_person GROUP BY hub_id) n
    WHERE n.hub_id = h.id`);
}

/**
 * Visits, in order of occurrence (as they would have been written). The first visits of the linked
 * share register each person (at the person's creation); the other linked ones come back later, some
 * persons more often than others; the rest are anonymous, on days drawn by season and weekday.
 */
async function insertVisits(client, count, personCount, { days, firstDay, hubPick }) {
  const linked = Math.min(Math.round(count * LINKED_SHARE), count);
  await client.query(
    `INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, person_id, sex, age_band, nationality, profile, topics, needs,
                         vulnerabilities, note, follow_up_on, follow_up_done_at, version, created_at, updated_at)
     WITH draw AS (
       SELECT g,
              CASE WHEN g > $2::int OR $3::int = 0 THEN NULL
                   WHEN g <= $3::int THEN g
                   ELSE 1 + floor(random() ^ 2 * $3::int)::int END AS person_idx,
              g <= $3::int AS registration,
              random() AS r_hub, random() AS r_day, random() AS r_time, random() AS r_sex, random() AS r_age, random() AS r_profile,
              random() AS r_nat, random() AS r_channel, random() AS r_topics, random() AS r_t1, random() AS r_t2, random() AS r_t3,
              random() AS r_needs, random() AS r_n1, random() AS r_n2, random() AS r_vuln, random() AS r_note, random() AS r_follow,
              random() AS r_done, random() AS r_staff, random() AS r_later
       FROM generate_series(1, $1::int) g
     ), placed AS (
       SELECT d.*, p.id AS person_id, p.sex AS p_sex, p.nationality AS p_nationality, p.profile AS p_profile,
              p.vulnerabilities AS p_vulnerabilities, p.birth_year AS p_birth_year, p.age_band_at_creation AS p_age_band,
              p.created_at AS p_created_at, h.id AS hub_id, h.cc, h.staff_ids, c.tz, c.profiles, c.foreign
       FROM draw d
       LEFT JOIN vol_person p ON p.idx = d.person_idx
       JOIN vol_hub h ON h.idx = coalesce(p.hub_idx, ($14::int[])[1 + floor(d.r_hub * cardinality($14::int[]))::int])
       JOIN vol_country c ON c.cc = h.cc
     ), shaped AS (
       SELECT s.*,
              CASE WHEN s.person_id IS NULL
                     THEN (($5::date + ($4::int[])[1 + floor(s.r_day * cardinality($4::int[]))::int]) + interval '8 hours' + s.r_time * interval '8.5 hours') AT TIME ZONE s.tz
                   WHEN s.registration THEN s.p_created_at
                   ELSE least(s.p_created_at + interval '1 day' + (now() - s.p_created_at) * s.r_later ^ 3, now() - interval '1 hour') END AS occurred_at,
              coalesce(s.p_profile, s.profiles[1 + floor(s.r_profile * cardinality(s.profiles))::int]) AS profile
       FROM placed s
     ), completed AS (
       SELECT s.*,
              coalesce(s.p_nationality,
                CASE WHEN s.profile = ANY($6::text[]) AND s.r_nat < 0.97 THEN s.cc
                     WHEN s.profile = ANY($6::text[]) THEN s.foreign[1 + floor((s.r_nat - 0.97) / 0.03 * cardinality(s.foreign))::int]
                     WHEN s.r_nat < 0.06 THEN s.cc
                     ELSE s.foreign[1 + floor((s.r_nat - 0.06) / 0.94 * cardinality(s.foreign))::int] END) AS nationality,
              vp.first_topics[1 + floor(s.r_t1 * cardinality(vp.first_topics))::int] AS topic_1,
              ${pick('$10', 's.r_t2')} AS topic_2,
              ${pick('$10', 's.r_t3')} AS topic_3,
              ${pick('$11', 's.r_n1')} AS need_1,
              ${pick('$11', 's.r_n2')} AS need_2,
              CASE WHEN s.person_id IS NULL THEN 0.02 ELSE 0.2 END AS follow_up_share
       FROM shaped s
       JOIN vol_profile vp ON vp.profile = s.profile
     )
     SELECT gen_random_uuid(), v.hub_id, v.occurred_at,
            v.staff_ids[1 + floor(v.r_staff * cardinality(v.staff_ids))::int],
            ${pick('$7', 'v.r_channel')},
            v.person_id,
            coalesce(v.p_sex, ${pick('$8', 'v.r_sex')}),
            CASE WHEN v.person_id IS NULL THEN ${pick('$9', 'v.r_age')}
                 WHEN v.p_birth_year IS NULL THEN v.p_age_band
                 WHEN extract(year FROM v.occurred_at) - v.p_birth_year < 12 THEN '0-11'
                 WHEN extract(year FROM v.occurred_at) - v.p_birth_year < 18 THEN '12-17'
                 WHEN extract(year FROM v.occurred_at) - v.p_birth_year < 25 THEN '18-24'
                 WHEN extract(year FROM v.occurred_at) - v.p_birth_year < 60 THEN '25-59'
                 ELSE '60+' END,
            v.nationality, v.profile,
            -- one to three distinct topics: the first by profile, the others by the general weights
            array_remove(ARRAY[
              v.topic_1,
              CASE WHEN v.r_topics < 0.55 AND v.topic_2 <> v.topic_1 THEN v.topic_2 END,
              CASE WHEN v.r_topics < 0.18 AND v.topic_3 NOT IN (v.topic_1, v.topic_2) THEN v.topic_3 END
            ], NULL),
            CASE WHEN v.r_needs < 0.28 THEN ARRAY[v.need_1]
                 WHEN v.r_needs < 0.40 AND v.need_2 <> v.need_1 THEN ARRAY[v.need_1, v.need_2]
                 WHEN v.r_needs < 0.40 THEN ARRAY[v.need_1]
                 ELSE '{}' END,
            CASE WHEN v.person_id IS NOT NULL THEN v.p_vulnerabilities
                 WHEN v.r_vuln < 0.12 THEN ARRAY[${pick('$12', '(v.r_vuln / 0.12)')}]
                 ELSE '{}' END,
            CASE WHEN v.r_note < 0.25 THEN ${pick('$13', '(v.r_note / 0.25)')} END,
            -- follow-ups (mostly of persons) three to four weeks out; most of those whose date passed were done
            CASE WHEN v.r_follow < v.follow_up_share THEN (v.occurred_at AT TIME ZONE v.tz)::date + 3 + floor(v.r_done * 25)::int END,
            CASE WHEN v.r_follow < 0.85 * v.follow_up_share AND (v.occurred_at AT TIME ZONE v.tz)::date + 3 + floor(v.r_done * 25)::int < current_date
                 THEN (v.occurred_at AT TIME ZONE v.tz)::date + 3 + floor(v.r_done * 25)::int + v.r_time * interval '3 days' END,
            1, v.occurred_at + interval '2 minutes', v.occurred_at + interval '2 minutes'
     FROM completed v
     ORDER BY v.occurred_at`,
    [
      count, linked, Math.min(personCount, linked), days, firstDay, LOCAL_PROFILES, expand(CHANNEL_WEIGHTS), expand(SEX_WEIGHTS),
      expand(AGE_BAND_WEIGHTS), expand(TOPIC_WEIGHTS), expand(NEED_WEIGHTS), expand(VULNERABILITY_WEIGHTS), NOTES, hubPick,
    ],
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      visits: { type: 'string', default: '1000000' },
      persons: { type: 'string' },
      hubs: { type: 'string', default: '50' },
    },
  });
  const visits = Number(values.visits);
  const persons = values.persons === undefined ? Math.round(visits / 5) : Number(values.persons);
  const hubs = Number(values.hubs);
  if (![visits, persons, hubs].every((n) => Number.isInteger(n) && n >= 0) || hubs < 1) {
    console.error('Usage: npm run seed:volume -- [--visits 1000000] [--persons 200000] [--hubs 50]');
    return 2;
  }
  const started = Date.now();
  const database = await openVolumeDatabase({ keep: true });
  try {
    if (database.embedded) await migrate(database.url, database.jwtSecret);
    await seedVolume(database.url, { visits, persons, hubs });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Accounts: admin@${VOLUME_EMAIL_DOMAIN}, supervisor.<cc>@…, staff1.<hub>@…, password ${VOLUME_PASSWORD}`);
    if (database.embedded) console.log(`Database kept in ${database.folder} (npm run bench -- --reuse uses it).`);
    return 0;
  } finally {
    await database.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

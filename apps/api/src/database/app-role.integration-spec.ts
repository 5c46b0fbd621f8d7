// A deployment can run the API with a database role that owns nothing (issue 14, gap 8): migrations run
// as MIGRATION_DATABASE_URL's role (the owner), which then grants the app's role (DATABASE_URL) what it
// needs and no more. The app's role cannot rewrite or empty the audit trail or the referral timelines,
// nor switch off their append-only triggers.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RetentionService } from '../modules/retention/retention.service';
import { act, newProvider, newReferral } from '../testing/referral-fixtures';
import { TEST_PASSWORD } from '../testing/test-app';
import { createTestApp, TestApp } from '../testing/test-app';

const suffix = randomBytes(4).toString('hex');
const OWNER = `mih_owner_${suffix}`;
const APP = `mih_app_${suffix}`;
const DATABASE = `mih_roles_${suffix}`;
const PASSWORD = randomBytes(12).toString('hex');

function urlFor(role: string): string {
  const url = new URL(process.env['DATABASE_URL'] as string);
  url.username = role;
  url.password = PASSWORD;
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the app database role', () => {
  const serverUrl = process.env['DATABASE_URL'] as string;
  let t: TestApp;
  let app: Client;

  /** The SQLSTATE a statement run as the app's role fails with, or 'ok'. */
  const asApp = async (sql: string): Promise<string> => {
    try {
      await app.query(sql);
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  beforeAll(async () => {
    await onServer(`CREATE ROLE ${OWNER} LOGIN PASSWORD '${PASSWORD}'`);
    await onServer(`CREATE ROLE ${APP} LOGIN PASSWORD '${PASSWORD}'`);
    await onServer(`CREATE DATABASE ${DATABASE} OWNER ${OWNER} TEMPLATE template0 ENCODING 'UTF8'`);
    t = await createTestApp({ DATABASE_URL: urlFor(APP), MIGRATION_DATABASE_URL: urlFor(OWNER) });
    app = new Client({ connectionString: urlFor(APP) });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
    process.env['DATABASE_URL'] = serverUrl;
    await onServer(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await onServer(`DROP ROLE IF EXISTS ${APP}`);
    await onServer(`DROP ROLE IF EXISTS ${OWNER}`);
  });

  it('runs the API: migrations as the owner, everything else as the app role', async () => {
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    expect((await t.newHub({ countryCode: 'GT' })).id).toEqual(expect.any(String));
    const [{ n }] = (await app.query("SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'hub'")).rows;
    expect(n).toBe(1);
  });

  it('owns no table, sequence or function', async () => {
    const { rows } = await app.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL
       SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(rows).toEqual([]);
  });

  it.each([
    ['audit_events', 'action'],
    ['referral_events', 'kind'],
  ])('may add to %s but not change, delete, empty it or switch off its trigger', async (table, column) => {
    expect(await asApp(`UPDATE ${table} SET ${column} = ${column} WHERE false`)).toBe('42501');
    expect(await asApp(`DELETE FROM ${table} WHERE false`)).toBe('42501');
    expect(await asApp(`TRUNCATE ${table}`)).toBe('42501');
    expect(await asApp(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toBe('42501');
    expect(await asApp(`DROP TABLE ${table}`)).toBe('42501');
  });

  it('cannot change the schema or the migrations record', async () => {
    expect(await asApp('CREATE TABLE sneaky (id int)')).toBe('42501');
    expect(await asApp('ALTER TABLE persons ADD COLUMN sneaky int')).toBe('42501');
    expect(await asApp("INSERT INTO migrations (timestamp, name) VALUES (1, 'Sneaky1')")).toBe('42501');
  });

  it('reads and writes the working tables', async () => {
    expect(await asApp('SELECT count(*) FROM persons')).toBe('ok');
    expect(await asApp('UPDATE login_throttles SET attempts = attempts WHERE false')).toBe('ok');
    expect(await asApp('DELETE FROM refresh_tokens WHERE false')).toBe('ok');
    expect(await asApp('DELETE FROM throttler_hits WHERE false')).toBe('ok');
  });

  it('runs the retention job: a closed person anonymised, its referral comments erased through the owner\'s function', async () => {
    const hub = await t.newHub({ countryCode: 'GT' });
    const consent = { given: true, purposes: ['referral' as const], date: '2025-03-01' };
    const person = await t.newPerson(hub.id, { consent, givenName: 'Marisol', phone: '+502 4444-9876' });
    // Four eyes: another admin writes and submits it (t.sql is not this database: the app's own connection marks the password chosen).
    const author = await t.request('POST', '/api/users', { token: t.adminToken, body: { email: `author-${suffix}@test.example`, displayName: 'Author', role: 'admin', password: TEST_PASSWORD } });
    await app.query('UPDATE users SET must_change_password = false WHERE id = $1', [author.body.id]);
    const authorToken = (await t.login(`author-${suffix}@test.example`)).accessToken;
    let referral = await newReferral(t, person.id, (await newProvider(t)).id, {}, authorToken);
    for (const [action, token, comment] of [['submit', authorToken], ['approve', t.adminToken], ['accept', t.adminToken], ['complete', t.adminToken, 'Marisol atendida']] as const) {
      const response = await act(t, referral, action, token, comment);
      expect(response.status).toBe(200);
      referral = response.body;
    }
    const commented = 'SELECT count(*)::int AS n FROM referral_events WHERE referral_id = $1 AND comment IS NOT NULL';
    expect((await app.query(commented, [referral.id])).rows).toEqual([{ n: 1 }]);

    const result = await t.app.get(RetentionService).run(new Date(Date.now() + 6 * 366 * 24 * 3600 * 1000));

    expect(result).toMatchObject({ items: [{ countryCode: 'GT', kind: 'persons', count: 1 }], referrals: 1, referralComments: 1 });
    expect((await app.query(commented, [referral.id])).rows).toEqual([{ n: 0 }]);
    expect((await app.query('SELECT given_name, phone FROM persons WHERE id = $1', [person.id])).rows).toEqual([{ given_name: null, phone: null }]);
    expect((await app.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'anonymise'")).rows).toEqual([{ n: 1 }]);
  });
});

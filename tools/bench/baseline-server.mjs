#!/usr/bin/env node
// The same-SQL baseline `npm run bench` measures the API against: plain Fastify (the copy
// @nestjs/platform-fastify uses) and a pg Pool of the same size as the API's, answering the benchmarked
// endpoints with the SQL statements the API sent before issue 13 (captured with `npm run bench --
// --trace-sql`: three auth queries, check-then-insert creates, lists with every column) and the same
// JSON. No Nest, no ORM, no validation, no helmet; the bearer token is checked with a bare HMAC. Kept as
// it was so that the table still shows where the API stood; bare-server.mjs is the bare minimum.
//   DATABASE_URL=… JWT_SECRET=… PORT=3101 [POOL_SIZE=20] node tools/bench/baseline-server.mjs
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
const fastify = createRequire(resolve(root, 'node_modules/@nestjs/platform-fastify/package.json'))('fastify');
const { DATABASE_URL, JWT_SECRET, PORT = '3101', POOL_SIZE = '20' } = process.env;
if (!DATABASE_URL || !JWT_SECRET) {
  console.error('DATABASE_URL and JWT_SECRET are required');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_SIZE), application_name: 'mih-baseline' });
pool.on('error', () => undefined);
const app = fastify({ logger: false, bodyLimit: 256 * 1024 });

// ── the per-request auth the API's JwtStrategy does: token, then user + hubs and session in parallel ──
const USER_SQL = `SELECT u.id, u.email, u.display_name, u.role, u.language, u.active, u.country_codes, u.version, u.created_at, u.updated_at
  FROM users u WHERE ((u.id = $1)) LIMIT 1`;
const USER_HUBS_SQL = 'SELECT user_id, hub_id FROM user_hubs WHERE user_id = ANY($1) ORDER BY hub_id';
const SESSION_SQL = `SELECT 1 FROM refresh_tokens
  WHERE family_id = $1 AND revoked_at IS NULL AND session_started_at > now() - make_interval(hours => $2::int) LIMIT 1`;
const SESSION_MAX_HOURS = Number(process.env.SESSION_MAX_HOURS ?? 12);

async function authenticate(request, reply) {
  const payload = verifyToken(request.headers.authorization);
  if (!payload) return reply.code(401).send({ statusCode: 401, code: 'unauthorized', message: 'Unauthorized' });
  const [user, session] = await Promise.all([
    pool.query(USER_SQL, [payload.sub]).then(async ({ rows: [row] }) => {
      if (!row) return null;
      const hubs = await pool.query(USER_HUBS_SQL, [[row.id]]);
      return { ...row, hubIds: hubs.rows.map((r) => r.hub_id) };
    }),
    pool.query(SESSION_SQL, [payload.sid, SESSION_MAX_HOURS]),
  ]);
  if (!user?.active || session.rowCount === 0) return reply.code(401).send({ statusCode: 401, code: 'unauthorized', message: 'Session ended' });
  request.actor = { id: user.id, role: user.role, hubIds: user.hubIds, countryCodes: user.role === 'supervisor' ? user.country_codes : [], ip: request.ip };
}

function verifyToken(header) {
  const [, token] = /^Bearer (.+)$/.exec(header ?? '') ?? [];
  const parts = token?.split('.');
  if (parts?.length !== 3) return null;
  const expected = createHmac('sha256', JWT_SECRET).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  return payload.exp * 1000 > Date.now() ? payload : null;
}

/**
 * The scope condition the API's applyRecordScope adds: admins nothing; staff their hubs; supervisors
 * also the hubs of their countries; counselors only their own rows. Appends its values to `params`.
 */
function scope(actor, params, hubColumn, createdByColumn) {
  if (actor.role === 'admin') return '';
  const alternatives = ['false'];
  if (actor.hubIds.length > 0) {
    const placeholders = actor.hubIds.map((id) => `$${params.push(id)}`);
    alternatives.push(`${hubColumn} IN (${placeholders.join(', ')})`);
  }
  if (actor.countryCodes.length > 0) {
    const placeholders = actor.countryCodes.map((code) => `$${params.push(code)}`);
    alternatives.push(`${hubColumn} IN (SELECT scope_hub.id FROM hubs scope_hub WHERE scope_hub.country_code IN (${placeholders.join(', ')}))`);
  }
  let sql = ` AND (${alternatives.join(' OR ')})`;
  if (actor.role === 'counselor') sql += ` AND ${createdByColumn} = $${params.push(actor.id)}`;
  return sql;
}

const VISIT_COLUMNS = `visit.id, visit.hub_id, visit.occurred_at, visit.staff_id, visit.channel, visit.person_id, visit.sex, visit.age_band,
  visit.nationality, visit.profile, visit.topics, visit.needs, visit.vulnerabilities, visit.note, visit.follow_up_on, visit.follow_up_done_at,
  visit.version, visit.created_at, visit.updated_at`;
const PERSON_COLUMNS = `person.id, person.hub_id, person.code, person.sex, person.nationality, person.profile, person.birth_year, person.age_band,
  person.vulnerabilities, person.consent_given, person.consent_purposes, person.consent_date, person.given_name, person.family_name,
  person.date_of_birth, person.document_number, person.phone, person.merged_into_id, person.created_by, person.version, person.created_at,
  person.updated_at`;
const PAGE_SIZE = 50;

// ── visits ──
app.get('/api/visits', { preHandler: authenticate }, async (request) => {
  const params = [];
  let sql = `SELECT ${VISIT_COLUMNS} FROM visits visit WHERE true${scope(request.actor, params, 'visit.hub_id', 'visit.staff_id')}`;
  if (request.query.cursor) {
    const [sortValue, id] = decodeCursor(request.query.cursor);
    sql += ` AND (visit.occurred_at, visit.id) < (CAST($${params.push(sortValue)} AS timestamptz), $${params.push(id)})`;
  }
  sql += ` ORDER BY visit.occurred_at DESC, visit.id DESC LIMIT ${PAGE_SIZE + 1}`;
  const { rows } = await pool.query(sql, params);
  // As the API: the list leaves the note out (free text; read with the visit itself) and says whether there is one.
  return page((await withPersonCodes(rows)).map(({ note, ...item }) => ({ ...item, hasNote: note !== null })), (v) => [v.occurredAt, v.id]);
});

/** As the API: the persons' codes looked up for the page's rows only. */
async function withPersonCodes(rows) {
  const personIds = [...new Set(rows.map((row) => row.person_id).filter(Boolean))];
  const codes = personIds.length > 0 ? (await pool.query('SELECT id, code FROM persons WHERE id = ANY($1)', [personIds])).rows : [];
  const codeById = new Map(codes.map((row) => [row.id, row.code]));
  return rows.map((row) => toVisit({ ...row, person_code: row.person_id ? (codeById.get(row.person_id) ?? null) : null }));
}

const referenceCodes = pool.query('SELECT list, code FROM reference_items WHERE active');

app.post('/api/visits', { preHandler: authenticate }, async (request, reply) => {
  const { actor } = request;
  const dto = request.body;
  await referenceCodes;
  const id = dto.id ?? randomUUID();
  // The API's idempotency check: the id in scope, else anywhere.
  const params = [id];
  const existing = await pool.query(`SELECT ${VISIT_COLUMNS} FROM visits visit WHERE visit.id = $1${scope(actor, params, 'visit.hub_id', 'visit.staff_id')}`, params);
  if (existing.rowCount > 0) return reply.code(200).send((await withPersonCodes(existing.rows))[0]);
  const taken = await pool.query('SELECT 1 AS row_exists FROM (SELECT 1 AS dummy_column) dummy_table WHERE EXISTS (SELECT 1 FROM visits v WHERE ((v.id = $1))) LIMIT 1', [id]);
  if (taken.rowCount > 0) return reply.code(409).send({ statusCode: 409, code: 'conflict', message: 'A record with this id exists with other content' });

  const values = {
    id,
    hubId: dto.hubId,
    occurredAt: new Date(dto.occurredAt),
    staffId: actor.id,
    channel: dto.channel,
    personId: null,
    sex: dto.sex,
    ageBand: dto.ageBand,
    nationality: dto.nationality,
    profile: dto.profile,
    topics: dto.topics,
    needs: dto.needs ?? [],
    vulnerabilities: dto.vulnerabilities ?? [],
    note: dto.note ?? null,
    followUpOn: dto.followUpOn ?? null,
  };
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const inserted = await client.query(
      `INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, person_id, sex, age_band, nationality, profile, topics, needs, vulnerabilities,
                           note, follow_up_on, follow_up_done_at, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, DEFAULT, 1, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING
       RETURNING version, created_at, updated_at`,
      [values.id, values.hubId, values.occurredAt, values.staffId, values.channel, values.personId, values.sex, values.ageBand, values.nationality,
        values.profile, values.topics, values.needs, values.vulnerabilities, values.note, values.followUpOn],
    );
    await client.query(
      `INSERT INTO audit_events (id, occurred_at, actor_id, action, entity_type, entity_id, hub_id, ip, details)
       VALUES (DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING id, occurred_at, details`,
      [actor.id, 'create', 'visit', id, values.hubId, actor.ip, JSON.stringify({ personId: null })],
    );
    await client.query('COMMIT');
    const [row] = inserted.rows;
    reply.code(201);
    return toVisit({
      ...snake(values),
      person_code: null,
      follow_up_done_at: null,
      version: row.version,
      created_at: row.created_at,
      updated_at: row.updated_at,
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
});

// ── persons ──
app.get('/api/persons', { preHandler: authenticate }, async (request) => {
  const { q, cursor } = request.query;
  const params = [];
  const scoped = scope(request.actor, params, 'person.hub_id', 'person.created_by');
  let sql;
  if (q) {
    // As the API: every word must match (word similarity or substring; words with a digit as substring
    // only), best match of the whole q first, with a lower similarity threshold set in a transaction.
    const score = `word_similarity(lower(mih_unaccent(CAST($${params.push(q)} AS text))), person.search_text)`;
    const words = searchWords(q).map((word) => {
      const substring = `person.search_text LIKE '%' || lower(mih_unaccent(CAST($${params.push(escapeLike(word))} AS text))) || '%'`;
      if (/\d/.test(word)) return substring;
      return `(lower(mih_unaccent(CAST($${params.push(word)} AS text))) <% person.search_text OR ${substring})`;
    });
    sql = `SELECT ${PERSON_COLUMNS}, (${score})::text AS page_sort FROM persons person
      WHERE true${scoped} AND person.merged_into_id IS NULL${words.map((w) => ` AND ${w}`).join('')}`;
    if (cursor) {
      const [sortValue, id] = decodeCursor(cursor);
      sql += ` AND (${score}, person.id) < (CAST($${params.push(sortValue)} AS real), $${params.push(id)})`;
    }
    sql += ` ORDER BY ${score} DESC, person.id DESC LIMIT ${PAGE_SIZE + 1}`;
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      await client.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
      const { rows } = await client.query(sql, params);
      await client.query('COMMIT');
      return page(rows, (row) => [row.page_sort, row.id], toPerson);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } else {
    sql = `SELECT ${PERSON_COLUMNS}, person.created_at AS page_sort FROM persons person WHERE true${scoped} AND person.merged_into_id IS NULL`;
    if (cursor) {
      const [sortValue, id] = decodeCursor(cursor);
      sql += ` AND (person.created_at, person.id) < (CAST($${params.push(sortValue)} AS timestamptz), $${params.push(id)})`;
    }
    sql += ` ORDER BY person.created_at DESC, person.id DESC LIMIT ${PAGE_SIZE + 1}`;
  }
  const { rows } = await pool.query(sql, params);
  return page(rows, (row) => [row.page_sort instanceof Date ? row.page_sort.toISOString() : row.page_sort, row.id], toPerson);
});

app.get('/api/persons/:id', { preHandler: authenticate }, async (request, reply) => {
  const { actor } = request;
  const params = [];
  const scoped = scope(actor, params, 'person.hub_id', 'person.created_by');
  const found = await pool.query(`SELECT ${PERSON_COLUMNS} FROM persons person WHERE true${scoped} AND person.id = $${params.push(request.params.id)}`, params);
  const person = found.rows[0];
  if (!person) return reply.code(404).send({ statusCode: 404, code: 'not_found', message: 'Person not found' });
  const visitParams = [person.id];
  const visits = await pool.query(
    `SELECT ${VISIT_COLUMNS} FROM visits visit WHERE visit.person_id = $1${scope(actor, visitParams, 'visit.hub_id', 'visit.staff_id')}
     ORDER BY visit.occurred_at DESC, visit.id DESC LIMIT 100`,
    visitParams,
  );
  await pool.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, action, entity_type, entity_id, hub_id, ip, details)
     VALUES (DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING id, occurred_at, details`,
    [actor.id, 'read', 'person', person.id, person.hub_id, actor.ip, '{}'],
  );
  return { ...toPerson(person), visits: visits.rows.map((row) => toVisit({ ...row, person_code: person.code })) };
});

// ── hubs (what the bench measures when the API has no visits yet) ──
app.get('/api/hubs', { preHandler: authenticate }, async (request) => {
  const { actor } = request;
  const params = [];
  let sql = `SELECT hub.id, hub.code, hub.name, hub.country_code, hub.admin1, hub.municipality, hub.address, hub.latitude, hub.longitude, hub.phone,
    hub.opening_hours, hub.services, hub.status, hub.opened_on, hub.version, hub.created_at, hub.updated_at FROM hubs hub WHERE true`;
  if (actor.role !== 'admin') {
    const alternatives = ['false'];
    if (actor.hubIds.length) alternatives.push(`hub.id IN (${actor.hubIds.map((id) => `$${params.push(id)}`).join(', ')})`);
    if (actor.countryCodes.length) alternatives.push(`hub.country_code IN (${actor.countryCodes.map((c) => `$${params.push(c)}`).join(', ')})`);
    sql += ` AND (${alternatives.join(' OR ')})`;
  }
  if (request.query.cursor) {
    const [name, id] = decodeCursor(request.query.cursor);
    sql += ` AND (hub.name, hub.id) > ($${params.push(name)}, $${params.push(id)})`;
  }
  sql += ` ORDER BY hub.name ASC, hub.id ASC LIMIT ${PAGE_SIZE + 1}`;
  const { rows } = await pool.query(sql, params);
  return page(rows, (h) => [h.name, h.id], (h) => ({
    id: h.id, code: h.code, name: h.name, countryCode: h.country_code, admin1: h.admin1, municipality: h.municipality, address: h.address,
    latitude: h.latitude, longitude: h.longitude, phone: h.phone, openingHours: h.opening_hours, services: h.services, status: h.status,
    openedOn: h.opened_on, version: h.version, createdAt: h.created_at.toISOString(), updatedAt: h.updated_at.toISOString(),
  }));
});

app.get('/api/health', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

// ── shapes, as the API answers them ──
function page(rows, cursorOf, map = (row) => row) {
  const items = rows.slice(0, PAGE_SIZE);
  const nextCursor = rows.length > PAGE_SIZE ? Buffer.from(JSON.stringify(cursorOf(items[items.length - 1]))).toString('base64url') : null;
  return { items: items.map(map), nextCursor };
}

function decodeCursor(cursor) {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
}

function searchWords(q) {
  const words = q.split(' ').filter(Boolean);
  const longer = words.filter((word) => word.length > 1);
  return (longer.length > 0 ? longer : words).slice(0, 6);
}

function escapeLike(value) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function snake(values) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
}

function toVisit(v) {
  return {
    id: v.id,
    hubId: v.hub_id,
    occurredAt: v.occurred_at.toISOString(),
    staffId: v.staff_id,
    channel: v.channel,
    personId: v.person_id,
    personCode: v.person_code ?? null,
    sex: v.sex,
    ageBand: v.age_band,
    nationality: v.nationality,
    profile: v.profile,
    topics: v.topics,
    needs: v.needs,
    vulnerabilities: v.vulnerabilities,
    note: v.note,
    followUpOn: v.follow_up_on,
    followUpDoneAt: v.follow_up_done_at?.toISOString() ?? null,
    version: v.version,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
}

function toPerson(p) {
  const mask = (name) => (name === null ? null : `${Array.from(name)[0] ?? ''}***`);
  const maskDigits = (value) => {
    if (value === null) return null;
    const compact = value.replace(/[\s().-]/g, '');
    return compact.length > 4 ? `****${compact.slice(-2)}` : '****';
  };
  return {
    id: p.id,
    code: p.code,
    hubId: p.hub_id,
    sex: p.sex,
    nationality: p.nationality,
    profile: p.profile,
    birthYear: p.birth_year,
    ageBand: p.age_band,
    vulnerabilities: p.vulnerabilities,
    consent: p.consent_date === null && !p.consent_given ? null : { given: p.consent_given, purposes: p.consent_purposes, date: p.consent_date },
    identifying: {
      givenName: mask(p.given_name),
      familyName: mask(p.family_name),
      dateOfBirth: p.date_of_birth === null ? null : `${p.date_of_birth.slice(0, 4)}-**-**`,
      documentNumber: maskDigits(p.document_number),
      phone: maskDigits(p.phone),
    },
    identifyingRevealed: false,
    mergedIntoId: p.merged_into_id,
    createdBy: p.created_by,
    version: p.version,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

// Dates (follow_up_on, consent_date, date_of_birth) as the API has them: 'YYYY-MM-DD' strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

await app.listen({ port: Number(PORT), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  });
}

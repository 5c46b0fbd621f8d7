#!/usr/bin/env node
// The "bare minimum" `npm run bench` holds the API to (issue 13): plain Fastify and a pg Pool doing only
// what the endpoint cannot do without, the way a careful hand would write it for this one job —
//   create: one statement that inserts the visit and its audit row (a CTE: one transaction, one round trip);
//   list:   the hub's latest 50 visits (keyset, as the API pages), the page's columns only, person codes
//           in the same statement.
// The bearer token is checked with a bare HMAC; the caller's hubs are read once per user and kept (no
// per-request session or role check, which the real API must do). Beside it, baseline-server.mjs sends
// the very statements the API sends today: the bare server says what is possible, that one where the
// time goes.
//   DATABASE_URL=… JWT_SECRET=… PORT=3102 [POOL_SIZE=20] node tools/bench/bare-server.mjs
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
const fastify = createRequire(resolve(root, 'node_modules/@nestjs/platform-fastify/package.json'))('fastify');
const { DATABASE_URL, JWT_SECRET, PORT = '3102', POOL_SIZE = '20' } = process.env;
if (!DATABASE_URL || !JWT_SECRET) {
  console.error('DATABASE_URL and JWT_SECRET are required');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_SIZE), application_name: 'mih-bare' });
pool.on('error', () => undefined);
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const app = fastify({ logger: false, bodyLimit: 256 * 1024 });
const PAGE_SIZE = 50;

const hubsByUser = new Map();
async function authenticate(request, reply) {
  const payload = verifyToken(request.headers.authorization);
  if (!payload) return reply.code(401).send({ statusCode: 401, message: 'Unauthorized' });
  let hubIds = hubsByUser.get(payload.sub);
  if (!hubIds) {
    hubIds = (await pool.query('SELECT hub_id FROM user_hubs WHERE user_id = $1 ORDER BY hub_id', [payload.sub])).rows.map((r) => r.hub_id);
    hubsByUser.set(payload.sub, hubIds);
  }
  request.actor = { id: payload.sub, hubIds, ip: request.ip };
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

const LIST_SQL = `SELECT v.id, v.hub_id, v.occurred_at, v.staff_id, v.channel, v.person_id, v.sex, v.age_band, v.nationality, v.profile,
    v.topics, v.needs, v.vulnerabilities, v.note IS NOT NULL AS has_note, v.follow_up_on, v.follow_up_done_at, v.version, v.created_at,
    v.updated_at, (SELECT p.code FROM persons p WHERE p.id = v.person_id) AS person_code
  FROM visits v WHERE v.hub_id = ANY($1) AND ($2::timestamptz IS NULL OR (v.occurred_at, v.id) < ($2, $3::uuid))
  ORDER BY v.occurred_at DESC, v.id DESC LIMIT ${PAGE_SIZE + 1}`;

app.get('/api/visits', { preHandler: authenticate }, async (request) => {
  const [at, id] = request.query.cursor ? JSON.parse(Buffer.from(request.query.cursor, 'base64url').toString()) : [null, null];
  const { rows } = await pool.query(LIST_SQL, [request.actor.hubIds, at, id]);
  const items = rows.slice(0, PAGE_SIZE).map(toListItem);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > PAGE_SIZE ? Buffer.from(JSON.stringify([last.occurredAt, last.id])).toString('base64url') : null };
});

const CREATE_SQL = `WITH visit AS (
    INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, sex, age_band, nationality, profile, topics, needs, vulnerabilities, note, follow_up_on)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    RETURNING version, created_at, updated_at
  ), audit AS (
    INSERT INTO audit_events (actor_id, action, entity_type, entity_id, hub_id, ip, details)
    SELECT $4, 'create', 'visit', $1, $2, $15, '{"personId":null}' FROM visit
  )
  SELECT * FROM visit`;

app.post('/api/visits', { preHandler: authenticate }, async (request, reply) => {
  const { actor } = request;
  const dto = request.body;
  const id = dto.id ?? randomUUID();
  const values = [id, dto.hubId, new Date(dto.occurredAt), actor.id, dto.channel, dto.sex, dto.ageBand, dto.nationality, dto.profile,
    dto.topics, dto.needs ?? [], dto.vulnerabilities ?? [], dto.note ?? null, dto.followUpOn ?? null, actor.ip];
  const { rows: [row] } = await pool.query(CREATE_SQL, values);
  reply.code(201);
  return {
    id, hubId: dto.hubId, occurredAt: values[2].toISOString(), staffId: actor.id, channel: dto.channel, personId: null, personCode: null,
    sex: dto.sex, ageBand: dto.ageBand, nationality: dto.nationality, profile: dto.profile, topics: dto.topics, needs: values[10],
    vulnerabilities: values[11], note: values[12], followUpOn: values[13], followUpDoneAt: null, version: row.version,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
});

app.get('/api/health', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

function toListItem(v) {
  return {
    id: v.id, hubId: v.hub_id, occurredAt: v.occurred_at.toISOString(), staffId: v.staff_id, channel: v.channel, personId: v.person_id,
    personCode: v.person_code, sex: v.sex, ageBand: v.age_band, nationality: v.nationality, profile: v.profile, topics: v.topics,
    needs: v.needs, vulnerabilities: v.vulnerabilities, followUpOn: v.follow_up_on, followUpDoneAt: v.follow_up_done_at?.toISOString() ?? null,
    version: v.version, createdAt: v.created_at.toISOString(), updatedAt: v.updated_at.toISOString(), hasNote: v.has_note,
  };
}

await app.listen({ port: Number(PORT), host: '127.0.0.1' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  });
}

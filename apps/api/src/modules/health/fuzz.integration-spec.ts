// Hostile input, generated with fast-check from the OpenAPI document (/api/docs-json): every documented
// operation and every other method on every path, as each role and anonymously, with bad ids, bad query
// parameters and bodies derived from the operation's schema and then broken (wrong types, missing and
// extra fields, huge strings and arrays, odd Unicode, malformed JSON). Two properties must hold:
// no answer is 5xx, and a refused request (4xx) writes nothing (a row trigger logs every write to the
// business tables; the audit trail, sign-in counters and rate-limit counters are meant to be written).
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../../testing/test-app';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const BATCH = 4;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** Tables a refused request may legitimately write to. */
const WRITTEN_ON_REFUSAL = ['audit_events', 'login_throttles', 'throttler_hits', 'migrations'];

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
}
interface Operation {
  path: string;
  method: string;
  documented: boolean;
  pathParams: { name: string; schema?: Schema }[];
  queryParams: { name: string; schema?: Schema }[];
  body?: Schema;
}

/** encodeURIComponent, with lone surrogates sent as raw percent-encoded bytes instead of throwing. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'latin1')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

describe('fuzzing the API from its OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  let components: Record<string, Schema>;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const hub = await t.newHub();
    tokens['admin'] = t.adminToken;
    tokens['supervisor'] = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
    tokens['staff'] = (await t.newUser('staff', { hubIds: [hub.id] })).token;
    tokens['counselor'] = (await t.newUser('counselor', { hubIds: [hub.id] })).token;
    tokens['anonymous'] = undefined;
    const document = (await t.request('GET', '/api/docs-json')).body;
    components = document.components?.schemas ?? {};
    operations = [];
    for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
      for (const method of METHODS) {
        const op = item[method.toLowerCase()];
        const parameters: { name: string; in: string; schema?: Schema }[] = op?.parameters ?? [];
        operations.push({
          path,
          method,
          documented: Boolean(op),
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, schema: parameters.find((p) => p.name === name)?.schema })),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: op?.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
    // Every write to a business table, logged by a row trigger in the same transaction (a rolled-back
    // write leaves no trace, as it should).
    await t.sql(`CREATE TABLE fuzz_writes (id bigserial PRIMARY KEY, table_name text NOT NULL, op text NOT NULL)`);
    await t.sql(`CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO fuzz_writes (table_name, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
    const tables = await t.sql<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1)`, [[...WRITTEN_ON_REFUSAL, 'fuzz_writes']]);
    for (const { tablename } of tables) {
      await t.sql(`CREATE TRIGGER fuzz_log AFTER INSERT OR UPDATE OR DELETE ON ${tablename} FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`);
    }
  }, 60_000);
  afterAll(() => t?.close());

  const resolve = (schema: Schema | undefined, depth = 0): Schema | undefined => {
    if (!schema || depth > 5) return schema;
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], depth + 1);
    if (schema.allOf) {
      const parts = schema.allOf.map((s) => resolve(s, depth + 1) ?? {});
      return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required ?? []) };
    }
    return schema;
  };

  /** A plausible value for a schema: the starting point that the mutations break. */
  const plausible = (raw: Schema | undefined, depth = 0): unknown => {
    const schema = resolve(raw);
    if (!schema || depth > 3) return 'x';
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'string':
        return schema.format === 'uuid' ? randomUUID() : schema.format === 'date' ? '2026-01-31' : schema.format === 'date-time' ? new Date().toISOString() : 'text';
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return [plausible(schema.items, depth + 1)];
      default:
        return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausible(value, depth + 1)]));
    }
  };

  // What a hostile client sends in place of a value.
  const oddText = fc.oneof(
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u202E\u0645\u0631\u062D\u0628\u0627', 'e\u0301\u0301\u0301', '\u200B\u200D\uFEFF', '👩🏽‍⚕️🏳️‍🌈', 'Ǆ𝔘𝔫𝔦', "'; DROP TABLE visits; --", '../../etc/passwd', '%00%ff', '${7*7}{{7*7}}', 'NaN', '-0', '1e309'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  const hugeText = fc.constantFrom('x'.repeat(10_000), 'é'.repeat(70_000), '9'.repeat(400));
  const badValue: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 3, arbitrary: oddText },
    { weight: 1, arbitrary: hugeText },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-1)) },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false, {}, [], [null], { $gt: '' }, { __proto__: { admin: true } }) },
    { weight: 1, arbitrary: fc.array(oddText, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 5_000 }, (_, i) => i)) },
    { weight: 1, arbitrary: fc.uuid() },
  );
  const badId = fc.oneof(fc.uuid(), oddText.map(encodeLoosely), fc.constantFrom('0', '-1', 'null', 'undefined', '%2e%2e', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000'));

  /** A body broken from the plausible one: fields dropped, retyped, or added. */
  const brokenBody = (schema: Schema | undefined) =>
    fc
      .record({
        drop: fc.array(fc.nat(), { maxLength: 3 }),
        retype: fc.array(fc.tuple(fc.nat(), badValue), { minLength: 0, maxLength: 3 }),
        extra: fc.option(fc.tuple(fc.constantFrom('role', 'isAdmin', 'hubIds', 'id', '__proto__', 'constructor', 'version'), badValue), { nil: undefined }),
        raw: fc.option(fc.constantFrom('{', '[]', '"x"', 'null', '{"a":1,"a":2}', '\u0000', '{"x":' + '['.repeat(3_000) + ']'.repeat(3_000) + '}'), { freq: 8, nil: undefined }),
      })
      .map(({ drop, retype, extra, raw }) => {
        if (raw !== undefined) return { raw };
        const value = plausible(schema);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return { json: retype.length ? retype[0][1] : value };
        const body: Record<string, unknown> = { ...(value as Record<string, unknown>) };
        const keys = Object.keys(body);
        for (const index of drop) if (keys.length) delete body[keys[index % keys.length]];
        for (const [index, bad] of retype) if (keys.length) body[keys[index % keys.length]] = bad;
        if (extra) body[extra[0]] = extra[1];
        // A body with nothing broken is not hostile; always break at least one thing.
        if (!drop.length && !retype.length && !extra) body['unexpected'] = true;
        return { json: body };
      });

  // Mostly documented operations (where the inputs are); the other methods on each path now and then.
  const request = fc
    .record({ documented: fc.integer({ min: 0, max: 4 }).map((n) => n > 0), operation: fc.nat(), role: fc.constantFrom('admin', 'supervisor', 'staff', 'counselor', 'anonymous') })
    .chain(({ documented, operation, role }) => {
      const pool = operations.filter((o) => o.documented === documented);
      const op = pool[operation % pool.length];
      return fc.record({
        op: fc.constant(op),
        role: fc.constant(role),
        ids: fc.tuple(...op.pathParams.map((p) => (p.schema?.enum ? fc.oneof(fc.constantFrom(...(p.schema.enum as string[])), badId) : badId))),
        query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams.map((p) => p.name) : ['q'])), fc.constantFrom('limit', 'cursor', 'x', 'hubId')), badValue), { maxLength: 4 }),
        body: op.method === 'GET' || op.method === 'DELETE' ? fc.constant(undefined) : brokenBody(op.body),
      });
    });

  type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

  /** Sends one generated request; returns its status and a line describing it. */
  const send = async ({ op, role, ids, query, body }: Generated) => {
    let i = 0;
    let url = op.path.replace(/\{[^}]+\}/g, () => String(ids[i++]));
    const search = new URLSearchParams();
    for (const [name, value] of query) for (const v of Array.isArray(value) ? value.slice(0, 50) : [value]) search.append(name, typeof v === 'object' ? JSON.stringify(v) : String(v));
    if (search.size) url += `?${search}`;
    const response = await t.app.inject({
      method: op.method as (typeof METHODS)[number],
      url,
      headers: { ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body === undefined ? undefined : 'raw' in body ? body.raw : JSON.stringify(body.json),
    });
    return { status: response.statusCode, context: `${op.method} ${url.slice(0, 200)} as ${role} → ${response.statusCode} ${response.body.slice(0, 200)}` };
  };
  const writes = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM fuzz_writes'))[0].n;

  it(`answers ${RUNS} generated bad requests without a 5xx, and refused ones write nothing`, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    // Four requests at a time (the database works while the API parses); when a batch wrote anything
    // and also had refusals, its refused requests are sent again one by one to see which one wrote.
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const before = await writes();
        const answers = await Promise.all(batch.map(send));
        sent += answers.length;
        for (const { status, context } of answers) {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) throw new Error(`5xx: ${context}`);
        }
        if ((await writes()) === before || answers.every((a) => a.status < 400)) return;
        for (const [index, generated] of batch.entries()) {
          if (answers[index].status < 400) continue;
          const ahead = await writes();
          const again = await send(generated);
          const wrote = (await writes()) - ahead;
          if (again.status >= 400 && wrote > 0) throw new Error(`a refused request wrote ${wrote} row(s): ${again.context}`);
        }
      }),
      { numRuns: Math.ceil(RUNS / BATCH), endOnFailure: true },
    );
    const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, c]) => sum + c, 0);
    console.log(
      `[fuzz] ${sent} requests over ${operations.length} method×path pairs (${operations.filter((o) => o.documented).length} documented) in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
        `answers ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; 5xx: ${fiveHundreds}`,
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(fiveHundreds).toBe(0);
  }, 180_000);
});

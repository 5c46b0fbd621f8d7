// The API contract every endpoint shares: health, OpenAPI, error shape, headers, limits.
import { createTestApp, TestApp } from '../../testing/test-app';

describe('API platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers /api/health with 200 while the database is up', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers /api/health with 503 when the database refuses connections', async () => {
    const db = t.databaseName;
    const [{ pid }] = await t.sql<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await t.serverSql(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
    await t.serverSql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [db, pid]);
    try {
      const response = await t.request('GET', '/api/health');
      expect(response.status).toBe(503);
      expect(response.body.database).toBe('down');
    } finally {
      await t.serverSql(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
    }
    const again = await t.request('GET', '/api/health');
    expect(again.status).toBe(200);
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const response = await t.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/hubs', '/api/users', '/api/auth/login', '/api/reference-lists']));
    expect(response.body.components.schemas.CreateHubDto.required).toEqual(expect.arrayContaining(['code', 'name', 'countryCode']));
  });

  it('requires a bearer token on every route not marked public', async () => {
    for (const path of ['/api/hubs', '/api/users', '/api/reference-lists', '/api/auth/me', '/api/audit-events']) {
      const response = await t.request('GET', path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 401, code: 'unauthorized' });
    }
    const forged = await t.request('GET', '/api/hubs', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.status).toBe(401);
  });

  it('answers malformed JSON, wrong types, unknown fields and huge strings with 400 naming the field', async () => {
    const malformed = await t.request('POST', '/api/hubs', { token: t.adminToken, rawBody: '{"code": "AB",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');

    const wrong = await t.request('POST', '/api/hubs', {
      token: t.adminToken,
      body: { code: 12, name: 'x'.repeat(5000), countryCode: 'ZZ', admin1: 'A', municipality: 'B', status: 'open', extra: 1 },
    });
    expect(wrong.status).toBe(400);
    const fields = wrong.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'countryCode', 'status', 'extra']));

    const array = await t.request('POST', '/api/hubs', { token: t.adminToken, rawBody: '[1,2]' });
    expect(array.status).toBe(400);
    const string = await t.request('POST', '/api/hubs', { token: t.adminToken, rawBody: '"text"' });
    expect(string.status).toBe(400);
  });

  it('answers a non-UUID id with 400 and an unknown one with 404, in the one error shape', async () => {
    const bad = await t.request('GET', '/api/hubs/not-a-uuid', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
    const missing = await t.request('GET', '/api/hubs/00000000-0000-4000-8000-000000000000', { token: t.adminToken });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Hub not found' });
  });

  it('rejects unknown query parameters and bad cursors with 400', async () => {
    expect((await t.request('GET', '/api/hubs?sort=name', { token: t.adminToken })).status).toBe(400);
    expect((await t.request('GET', '/api/hubs?limit=0', { token: t.adminToken })).status).toBe(400);
    expect((await t.request('GET', '/api/hubs?limit=abc', { token: t.adminToken })).status).toBe(400);
    const cursor = await t.request('GET', '/api/hubs?cursor=garbage', { token: t.adminToken });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].field).toBe('cursor');
  });

  it('refuses bodies over the size limit without a 500', async () => {
    const response = await t.request('POST', '/api/hubs', { token: t.adminToken, rawBody: JSON.stringify({ name: 'x'.repeat(300_000) }) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('sends security headers and Cache-Control: no-store on API answers', async () => {
    const response = await t.request('GET', '/api/hubs', { token: t.adminToken });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.request('GET', '/api/nothing-here', { token: t.adminToken });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    await expect(t.sql('UPDATE audit_events SET action = $1', ['read'])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });
});

// A large export streams: 20,000 visits (inserted set-based) leave over a real socket in many chunks
// as the cursor reads them, and a client that goes away stops the query and frees its connection.
import type { Hub } from '@mih/contracts';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { csvRecords, download, xlsxRows } from '../../testing/export-files';
import { createTestApp, TestApp } from '../../testing/test-app';

const VISITS = 20_000;
let t: TestApp;
let hub: Hub;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  hub = await t.newHub({ countryCode: 'CR' });
  const [admin] = await t.sql(`SELECT id FROM users WHERE email = 'admin@test.example'`);
  await t.sql(
    `INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, sex, age_band, nationality, profile, topics)
     SELECT gen_random_uuid(), $1, timestamptz '2026-01-01 00:00Z' + n * interval '1 minute', $2, 'in_person',
            (ARRAY['female', 'male'])[1 + n % 2], '25-59', 'NI', 'immigrant', ARRAY['documents', 'migrant_rights']
     FROM generate_series(1, ${VISITS}) n`,
    [hub.id, admin.id],
  );
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
}, 60_000);
afterAll(() => t.close());

/** GETs the export over a socket; `stopAfter` chunks, the client hangs up. */
function fetchChunks(path: string, stopAfter = Infinity): Promise<{ status: number; chunks: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${t.adminToken}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (chunks.length === stopAfter) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, chunks });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, chunks }));
      res.on('error', () => undefined); // the hang-up
    });
    req.on('error', (error) => (stopAfter === Infinity ? reject(error) : undefined));
    req.end();
  });
}

/** Export events of this spec, newest first. */
const exportEvents = () => t.sql<{ details: { rows: number; completed: boolean; format: string } }>(`SELECT details FROM audit_events WHERE action = 'export' ORDER BY id DESC`);

it('streams every visit as CSV in many chunks', async () => {
  const { status, chunks } = await fetchChunks(`/api/exports/visits.csv?hubId=${hub.id}&codes=true`);
  expect(status).toBe(200);
  expect(chunks.length).toBeGreaterThan(20);
  const records = await csvRecords(Buffer.concat(chunks));
  expect(records).toHaveLength(VISITS + 1);
  expect(records[1].slice(0, 2)).toEqual(['2026-01-01 00:01', hub.code]);
  expect(records[VISITS][0]).toBe('2026-01-14 21:20'); // 20,000 minutes later, oldest first
  expect((await exportEvents())[0].details).toMatchObject({ rows: VISITS, completed: true });
});

it('streams every visit as an Excel sheet', async () => {
  const file = await download(t, 'GET', `/api/exports/visits.xlsx?hubId=${hub.id}&lang=en`, t.adminToken);
  expect(file.status).toBe(200);
  const { rows } = await xlsxRows(file.bytes);
  expect(rows).toHaveLength(VISITS + 1);
  expect(rows[VISITS].slice(5, 9)).toEqual(['In person', null, 'Female', '25 to 59 years']);
});

it('stops reading and frees the connection when the client hangs up, and audits the export as not completed', async () => {
  const { chunks } = await fetchChunks(`/api/exports/visits.csv?hubId=${hub.id}`, 2);
  expect(chunks).toHaveLength(2);
  let event = (await exportEvents())[0].details;
  for (let i = 0; i < 50 && event.completed !== false; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    event = (await exportEvents())[0].details;
  }
  expect(event).toMatchObject({ format: 'csv', completed: false });
  expect(event.rows).toBeLessThan(VISITS);
  // No export query is left running on the server.
  const running = await t.sql(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle' AND query LIKE '%to_char(%'`,
    [t.databaseName],
  );
  expect(running[0].n).toBe(0);
  // ...and every connection of the API's pool is back in it.
  const pool = (t.app.get(DataSource).driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
  expect(pool.idleCount).toBe(pool.totalCount);
});

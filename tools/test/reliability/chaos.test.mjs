// Chaos: PostgreSQL is SIGKILLed under concurrent visit creates. The launcher must restart it (crash
// recovery), /api/health must be 200 again within 30 s, every failed request must have been a 503 with
// Retry-After (never 401, never 500), and after the clients retry their failed creates with the same
// ids, every acknowledged visit is stored and every id exactly once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { launchApp } from './launched-app.mjs';

const WORKERS = 8;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL killed under write load', () => {
  let app;
  before(async () => {
    app = await launchApp();
  });
  after(() => app?.stop());

  it('restarts it, answers 503 meanwhile, and loses or duplicates no acknowledged visit', async () => {
    const login = await app.request('POST', '/api/auth/login', { body: { email: 'staff@example.org', password: 'Demo-2026!' } });
    assert.equal(login.status, 200, JSON.stringify(login));
    const token = login.body.accessToken;
    const staffId = login.body.user.id;
    const hubId = login.body.user.hubIds[0];
    const visit = (id) => ({ id, hubId, occurredAt: new Date().toISOString(), channel: 'in_person', topics: ['documents'], sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending' });
    const db = new pg.Client({ connectionString: app.databaseUrl() });
    await db.connect();
    const [{ now: startedAt }] = (await db.query('SELECT now()')).rows;
    await db.end();

    const acknowledged = new Set();
    const failed = new Map(); // id → status of the failed answer
    let stopLoad = false;
    const worker = async () => {
      while (!stopLoad) {
        const id = randomUUID();
        const response = await app.request('POST', '/api/visits', { token, body: visit(id) });
        if (response.status === 201) acknowledged.add(id);
        else {
          failed.set(id, response);
          await sleep(100);
        }
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));

    await sleep(2000);
    const before = acknowledged.size;
    const pid = app.postgresPid();
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    let recoveredAt = null;
    while (Date.now() - killedAt < 45_000) {
      // Backends of the killed postmaster may still answer for a moment: recovered means a new server.
      if (newServer(app, pid) && (await app.healthy())) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    await sleep(1500);
    stopLoad = true;
    await load;
    const secondsToRecover = recoveredAt ? (recoveredAt - killedAt) / 1000 : Infinity;

    // Clients retry what failed, with the same id: a create that committed before its answer was lost
    // replays (200), the others are created now (201).
    const retryStatuses = new Map();
    for (const id of failed.keys()) {
      let response;
      for (let attempt = 0; attempt < 40; attempt++) {
        response = await app.request('POST', '/api/visits', { token, body: visit(id) });
        if (response.status !== 503) break;
        await sleep(250);
      }
      retryStatuses.set(response.status, (retryStatuses.get(response.status) ?? 0) + 1);
      if (response.status === 201 || response.status === 200) acknowledged.add(id);
    }

    const check = new pg.Client({ connectionString: app.databaseUrl() });
    await check.connect();
    const stored = (await check.query('SELECT id::text, count(*)::int AS n FROM visits WHERE staff_id = $1 AND created_at >= $2 GROUP BY id', [staffId, startedAt])).rows;
    await check.end();
    const storedIds = new Set(stored.map((row) => row.id));
    const lost = [...acknowledged].filter((id) => !storedIds.has(id));
    const unexpected = stored.filter((row) => !acknowledged.has(row.id));
    const duplicated = stored.filter((row) => row.n !== 1);
    const failedStatuses = countBy([...failed.values()], (r) => (r.status === 503 && r.retryAfter ? '503+Retry-After' : r.status === 0 ? `network ${r.error}` : String(r.status)));

    console.log(
      `[chaos] acknowledged before the kill ${before}, in all ${acknowledged.size}; failed during the outage ${failed.size} (${JSON.stringify(failedStatuses)}), ` +
        `retried ${failed.size} (${JSON.stringify(Object.fromEntries(retryStatuses))}); lost ${lost.length}, duplicated ${duplicated.length}, stored but never acknowledged ${unexpected.length}; ` +
        `health 200 again ${secondsToRecover.toFixed(1)} s after SIGKILL of pid ${pid}`,
    );

    for (const line of app.lines.filter((l) => /Unhandled error|"level":50/.test(l)).slice(0, 3)) console.log(line.slice(0, 600));
    assert.ok(before > 0, 'writes were acknowledged before the kill');
    assert.ok(secondsToRecover <= 30, `healthy again within 30 s (took ${secondsToRecover} s)`);
    assert.notEqual(app.postgresPid(), pid, 'a new postmaster runs');
    assert.deepEqual(Object.keys(failedStatuses).filter((k) => k !== '503+Retry-After'), [], 'every failure is a 503 with Retry-After');
    assert.deepEqual([...retryStatuses.keys()].filter((s) => s !== 200 && s !== 201), [], 'every retry succeeds');
    assert.equal(lost.length, 0, 'no acknowledged visit is lost');
    assert.equal(duplicated.length, 0);
    assert.equal(unexpected.length, 0, 'nothing stored that no client was told about');
    assert.ok(app.lines.some((line) => /PostgreSQL is back after/.test(line)), app.lines.join('\n'));
  });
});

function newServer(app, killedPid) {
  try {
    return app.postgresPid() !== killedPid;
  } catch {
    return false; // postmaster.pid is rewritten during the restart
  }
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

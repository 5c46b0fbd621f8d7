// The dashboard's speed (issue 7): one hub's year as that hub's staff, and all hubs' quarter as an
// admin, each timed through the API and against the same aggregate statements sent raw to PostgreSQL in
// the same run (captured from the API through the tracing proxy, so they cannot drift from the code).
import pg from 'pg';

const ITERATIONS = 15;
const WARMUP = 3;
/** Statements that are the per-request auth checks, not the report. */
const isAuthCheck = (sql) => /FROM "?(users|refresh_tokens|user_hubs)"?\b/.test(sql);

/**
 * @param {{ apiBase: string, databaseUrl: string, staff: { token: string, email: string }, admin: { token: string, email: string } | null,
 *           capture: (email: string, path: string) => Promise<{ sql: string, params: unknown[] }[]>, log: (m: string) => void }} options
 */
export async function benchDashboard({ apiBase, databaseUrl, staff, admin, capture, log }) {
  const now = new Date();
  const lastYear = now.getUTCFullYear() - 1;
  const quarter = lastEndedQuarter(now);
  const cases = [
    { label: `one hub's year (${lastYear}), as staff`, who: staff, query: `from=${lastYear}-01-01&to=${lastYear}-12-31`, goal: { maxMs: 50 } },
    admin && { label: `all hubs' quarter (${quarter.label}), as admin`, who: admin, query: `from=${quarter.from}&to=${quarter.to}`, goal: { maxRatio: 2 } },
  ].filter(Boolean);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const rows = [];
  try {
    for (const c of cases) {
      const path = `/api/reports/dashboard?${c.query}&timeZone=UTC`;
      const statements = (await capture(c.who.email, path)).filter((s) => /^\s*(WITH|SELECT)/i.test(s.sql) && !isAuthCheck(s.sql));
      // The API runs the figures of visits, activities and referrals side by side; so does the raw replay.
      const raw = await time(() => Promise.all(statements.map((s) => pool.query(s.sql, s.params))));
      const api = await time(async () => {
        const response = await fetch(`${apiBase}${path}`, { headers: { authorization: `Bearer ${c.who.token}` } });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        await response.json();
      });
      const ratio = api.p50 / raw.p50;
      const pass = c.goal.maxMs ? api.p50 <= c.goal.maxMs : ratio <= c.goal.maxRatio;
      rows.push({ ...c, statements: statements.length, api, raw, ratio, pass });
      log(`dashboard: ${c.label.padEnd(40)} API p50 ${api.p50.toFixed(1)} ms, raw SQL p50 ${raw.p50.toFixed(1)} ms (${statements.length} statements)`);
    }
  } finally {
    await pool.end();
  }
  return rows;
}

/** The table for the report. */
export function renderDashboardRows(rows) {
  if (rows.length === 0) return '';
  const ms = (n) => n.toFixed(1);
  const lines = [
    '',
    '## Dashboard (issue 7)',
    '',
    `Each timed ${ITERATIONS} times one after the other (after ${WARMUP} warm-ups): the API request, and the same statements the API ran sent raw through \`pg\` in parallel (as the API does).`,
    '',
    '| report | statements | API p50 / p95 ms | raw SQL p50 / p95 ms | API/raw | goal | result |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const goal = r.goal.maxMs ? `API ≤ ${r.goal.maxMs} ms` : `API ≤ ${r.goal.maxRatio}× raw`;
    lines.push(`| ${r.label} | ${r.statements} | ${ms(r.api.p50)} / ${ms(r.api.p95)} | ${ms(r.raw.p50)} / ${ms(r.raw.p95)} | ${r.ratio.toFixed(2)} | ${goal} | ${r.pass ? 'pass' : '**fail**'} |`);
  }
  return `${lines.join('\n')}\n`;
}

async function time(run) {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

function lastEndedQuarter(today) {
  const current = Math.floor(today.getUTCMonth() / 3);
  const year = current === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const q = current === 0 ? 4 : current;
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { label: `${year}-Q${q}`, from, to };
}

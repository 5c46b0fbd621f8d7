// Full exports (issue 7): every visit in scope as the volume's admin, as CSV and as XLSX, read as fast
// as the client can, timed, with the API process's peak resident memory while it streams (goal: under
// 300 MB). The peak is the kernel's VmHWM, reset before each export through /proc/<pid>/clear_refs,
// and also sampled from VmRSS every 50 ms in case the reset is not allowed.
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

const MEMORY_GOAL_MB = 300;
const SAMPLE_MS = 50;

/**
 * @param {{ apiBase: string, apiPid: number, databaseUrl: string, admin: { token: string, email: string } | null, log: (m: string) => void }} options
 */
export async function benchExport({ apiBase, apiPid, databaseUrl, admin, log }) {
  if (!admin) {
    log('export: no admin account in this database; skipped');
    return [];
  }
  const rows = [];
  for (const format of ['csv', 'xlsx']) {
    const before = memoryMb(apiPid, 'VmRSS');
    const hwmReset = resetPeak(apiPid);
    let sampled = before ?? 0;
    const sampler = setInterval(() => (sampled = Math.max(sampled, memoryMb(apiPid, 'VmRSS') ?? 0)), SAMPLE_MS);
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    let firstByteMs = null;
    let bytes = 0;
    let lines = 0;
    try {
      const response = await fetch(`${apiBase}/api/exports/visits.${format}?timeZone=UTC`, { headers: { authorization: `Bearer ${admin.token}` } });
      if (!response.ok) throw new Error(`visits.${format}: ${response.status} ${await response.text()}`);
      for await (const chunk of response.body) {
        firstByteMs ??= elapsedMs();
        bytes += chunk.length;
        if (format === 'csv') for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      }
    } catch (error) {
      throw new Error(`visits.${format} broke off after ${(elapsedMs() / 1000).toFixed(1)} s and ${bytes} bytes: ${error.cause?.message ?? error.message}`);
    } finally {
      clearInterval(sampler);
    }
    const seconds = elapsedMs() / 1000;
    const peak = Math.max(sampled, hwmReset ? (memoryMb(apiPid, 'VmHWM') ?? 0) : 0);
    // The row count the API wrote in the export's audit event (for XLSX, the only count at hand).
    const audited = await auditedRows(databaseUrl);
    if (format === 'csv' && audited !== lines - 1) throw new Error(`visits.csv: ${lines - 1} lines, ${audited} rows audited`);
    const row = { format, seconds, firstByteMs, bytes, rows: audited, before, peak, hwmReset, pass: peak > 0 && peak < MEMORY_GOAL_MB };
    rows.push(row);
    log(
      `export: visits.${format.padEnd(4)} ${seconds.toFixed(1)} s, first byte ${firstByteMs?.toFixed(0)} ms, ${(bytes / 2 ** 20).toFixed(1)} MiB` +
        `, ${row.rows?.toLocaleString("en") ?? "?"} rows; API RSS ${before?.toFixed(0)} → peak ${peak.toFixed(0)} MB`,
    );
  }
  return rows;
}

/** The table for the report. */
export function renderExportRows(rows) {
  if (rows.length === 0) return '';
  const lines = [
    '',
    '## Full export of the visits (issue 7)',
    '',
    `Every visit, as the admin, streamed to a client that reads as fast as it can. Memory: the API process's resident set before the export and at its peak during it ` +
      `(${rows.every((r) => r.hwmReset) ? "the kernel's VmHWM, reset before each export" : `VmRSS sampled every ${SAMPLE_MS} ms`}).`,
    '',
    '| file | rows | size | time | first byte | rows/s | API RSS before → peak | goal | result |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const count = r.rows;
    lines.push(
      `| visits.${r.format} | ${count === null ? '–' : count.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.seconds.toFixed(1)} s | ` +
        `${r.firstByteMs === null ? '–' : `${r.firstByteMs.toFixed(0)} ms`} | ${count === null ? '–' : Math.round(count / r.seconds).toLocaleString('en')} | ` +
        `${r.before?.toFixed(0) ?? '–'} → ${r.peak.toFixed(0)} MB | peak < ${MEMORY_GOAL_MB} MB | ${r.pass ? 'pass' : '**fail**'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function auditedRows(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT (details->>'rows')::int AS rows FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    return rows[0]?.rows ?? null;
  } finally {
    await client.end();
  }
}

/** A `Vm…` line of /proc/<pid>/status in MB, or null (not Linux, process gone). */
function memoryMb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0, same user); false when not allowed. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

// A fresh PostgreSQL for one test run: an embedded server in a new temporary folder (removed after),
// or, when DATABASE_URL is set, that server as it is (tests create their own databases on it).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../db/embedded-postgres.mjs';

export async function startTestDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  // Under the system temp folder, which the `postgres` user can reach even when the clone is private.
  const folder = mkdtempSync(join(tmpdir(), 'mih-test-'));
  chmodSync(folder, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), password: randomBytes(12).toString('hex'), log: () => undefined });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

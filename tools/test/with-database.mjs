#!/usr/bin/env node
// Runs a command with DATABASE_URL pointing at a throw-away embedded PostgreSQL (or the server already
// named by DATABASE_URL), then stops the server and exits with the command's own exit code.
//   node tools/test/with-database.mjs npx jest -c apps/api/jest.config.cjs
import { spawn } from 'node:child_process';
import { startTestDatabase } from './test-database.mjs';

const [command, ...args] = process.argv.slice(2);
const database = await startTestDatabase();
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url } });
const code = await new Promise((done) => child.on('exit', (exitCode) => done(exitCode ?? 1)));
await database.stop();
process.exit(code);

#!/usr/bin/env node
// `npm test`: every suite against a fresh PostgreSQL, then one summary line.
//   1. typecheck: tsc --noEmit of the API, web and e2e projects with their specs (jest compiles file by
//      file without type checking); lint: ESLint's Nx module boundaries (eslint.config.mjs: apps import
//      libs, never each other), counted per file
//   2. jest: API unit + integration specs (each file on its own new database) and web unit specs
//   3. production build of the API and the web app (with its .br/.gz files, as `npm run build`)
//   4. Playwright: browser specs in Chromium against the built app on a fresh database with demo data
//   5. reliability: node:test specs in tools/test/reliability that start the built app as real processes
//      and break things (PostgreSQL SIGKILLed under load, a private clone folder, two replicas)
// The last line is `N passed, N failed`, summed from jest's and Playwright's JSON reports; the exit
// code is non-zero if anything failed or a suite could not run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestDatabase } from './test-database.mjs';

const root = resolve(import.meta.dirname, '../..');
const reports = resolve(root, '.test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv.slice(2); // e.g. `npm test -- jest`, `npm test -- e2e`, `npm test -- typecheck`, `npm test -- lint` or `npm test -- reliability`
const TYPECHECKED = ['apps/api/tsconfig.spec.json', 'apps/web/tsconfig.spec.json', 'apps/web-e2e/tsconfig.json'];
const wants = (suite) => only.length === 0 || only.includes(suite);
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const results = [];
const started = Date.now();

const database = await startTestDatabase();
const env = { ...process.env, DATABASE_URL: database.url, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
let exitCode = 0;
try {
  // tsc and eslint are single-threaded: the three type-checks and the lint run side by side.
  const checks = [];
  if (wants('typecheck')) {
    checks.push(
      Promise.all(TYPECHECKED.map((project) => run(bin('tsc'), ['--noEmit', '-p', project]))).then((codes) => {
        const clean = codes.filter((code) => code === 0).length;
        results.push({ suite: `typecheck (${TYPECHECKED.length} projects)`, passed: clean, failed: TYPECHECKED.length - clean });
      }),
    );
  }
  if (wants('lint')) {
    const lintReport = resolve(reports, 'eslint.json');
    checks.push(
      run(bin('eslint'), ['.', '--format', 'json', '--output-file', lintReport], { NX_DAEMON: 'false' }).then((code) =>
        results.push(readEslint('lint (eslint, module boundaries)', lintReport, code)),
      ),
    );
  }
  await Promise.all(checks);
  if (wants('jest')) {
    const jestReport = resolve(reports, 'jest.json');
    // Two workers on two cores: an integration spec spends much of its time waiting for PostgreSQL, and
    // each worker has its own database port (jest's default, cores - 1, leaves one core idle).
    const code = await run(bin('jest'), ['--ci', '--maxWorkers=2', '--projects', 'apps/api/jest.config.cjs', 'apps/web/jest.config.cjs', '--json', `--outputFile=${jestReport}`]);
    results.push(readJest('jest (api + web)', jestReport, code));
  }
  let built = null;
  const build = async () => (built ??= await run(bin('nx'), ['run-many', '-t', 'build', 'compress', '-p', 'api', 'web', '--configuration=production', '--outputStyle=static']));
  if (wants('e2e') || wants('reliability')) {
    if ((await build()) !== 0) results.push({ suite: 'build', passed: 0, failed: 1, broken: true });
  }
  if (wants('e2e') && built === 0) {
    const e2eReport = resolve(reports, 'playwright.json');
    const code = await run(bin('playwright'), ['test', '-c', 'apps/web-e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
    results.push(readPlaywright('playwright (web-e2e)', e2eReport, code));
  }
  if (wants('reliability') && built === 0) {
    const folder = resolve(root, 'tools/test/reliability');
    const files = readdirSync(folder).filter((name) => name.endsWith('.test.mjs')).map((name) => resolve(folder, name));
    const tapReport = resolve(reports, 'reliability.tap');
    const code = await run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapReport}`, ...files]);
    results.push(readTap('reliability (tools/test/reliability)', tapReport, code));
  }
} finally {
  await database.stop();
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n── test summary (${((Date.now() - started) / 1000).toFixed(0)} s) ──`);
for (const r of results) console.log(`${r.suite}: ${r.passed} passed, ${r.failed} failed${r.broken ? ' (the suite did not finish)' : ''}`);
if (failed > 0 || results.some((r) => r.broken) || results.length === 0) exitCode = 1;
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(resolve(reports, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(exitCode);

function run(command, args, extraEnv = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('error', () => done(127));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** A suite whose report is missing or that exited non-zero without failing tests counts as broken. */
/** ESLint's JSON report: a file passes with no errors; the errors are printed (the JSON went to the file). */
function readEslint(suite, file, code) {
  if (!existsSync(file)) return { suite, passed: 0, failed: 1, broken: true };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const { filePath, messages } of report.filter((f) => f.errorCount > 0)) {
    for (const m of messages) console.log(`${filePath}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
  }
  const failed = report.filter((f) => f.errorCount > 0).length;
  return { suite, passed: report.length - failed, failed, broken: code !== 0 && failed === 0 };
}

function readJest(suite, file, code) {
  if (!existsSync(file)) return { suite, passed: 0, failed: 1, broken: true };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  return { suite, passed: report.numPassedTests, failed, broken: code !== 0 && failed === 0 };
}

/** node:test's TAP report ends with `# pass N` and `# fail N`. */
function readTap(suite, file, code) {
  if (!existsSync(file)) return { suite, passed: 0, failed: 1, broken: true };
  const text = readFileSync(file, 'utf8');
  const count = (label) => Number(text.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  return { suite, passed: count('pass'), failed, broken: code !== 0 && failed === 0 };
}

function readPlaywright(suite, file, code) {
  if (!existsSync(file)) return { suite, passed: 0, failed: 1, broken: true };
  const { stats, errors = [] } = JSON.parse(readFileSync(file, 'utf8'));
  const failed = stats.unexpected + errors.length;
  return { suite, passed: stats.expected + stats.flaky, failed, broken: code !== 0 && failed === 0 };
}

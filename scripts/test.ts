// `npm test`: every test, always on PGlite; also on PostgreSQL, in Chromium and through
// LibreOffice when they are present — and under CI=true their absence fails the run.
// Prints what it ran, then a last line "N passed, M failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import pg from 'pg';
import { buildWebIfStale, root } from './buildWeb.ts';

const ci = process.env.CI === 'true';
const args = process.argv.slice(2);

async function findPostgres(): Promise<string | null> {
  const url = process.env.NT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const r = await client.query('show server_version');
    await client.end();
    return `${url} (PostgreSQL ${r.rows[0].server_version})`.replace(/:[^:@/]+@/, ':***@');
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const pgFound = await findPostgres();
const chromium = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
const soffice = which('soffice') ?? which('libreoffice');

const missing: string[] = [];
if (!pgFound) missing.push('PostgreSQL on 127.0.0.1:5432 (database "test")');
if (!chromium) missing.push("Debian's Chromium (/usr/bin/chromium)");
if (!soffice) missing.push('LibreOffice (soffice)');
if (ci && missing.length) {
  console.error(`\nCI=true but these are missing: ${missing.join('; ')}.\n.ci/run installs and starts them; refusing to run a partial suite.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const env: NodeJS.ProcessEnv = { ...process.env };
if (pgFound) env.NT_TEST_PG_URL = process.env.NT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
else delete env.NT_TEST_PG_URL;
if (chromium) buildWebIfStale();

const banner = [
  'Test targets:',
  `  PGlite (embedded)  : yes`,
  `  PostgreSQL server  : ${pgFound ?? 'NOT FOUND — PostgreSQL integration tests NOT run'}`,
  `  Chromium (e2e)     : ${chromium ?? 'NOT FOUND — browser tests NOT run'}`,
  `  LibreOffice (docx) : ${soffice ?? 'NOT FOUND — document rendering tests NOT run'}`,
].join('\n');
console.log(`\n${banner}\n`);

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nt-test-')), 'report.json');
const vitest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { cwd: root, env, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A file that fails to load has no failed test but still fails the run.
  if (!failed && vitest.status !== 0) failed = Math.max(1, r.numFailedTestSuites ?? 0);
} catch {
  failed = 1;
}
console.log(`\n${banner}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status ?? 1);

// Once per test run: a directory for the seeded demo databases (tests/support/seedCache.ts), and at
// the end the directory and the PostgreSQL template databases removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TEMPLATE_PREFIX, templateName } from './seedCache.ts';

export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-seed-'));
  process.env.NT_TEST_SEED_CACHE = dir;
  return async () => {
    const keys = fs.readdirSync(dir).filter((f) => f.startsWith('postgres-') && f.endsWith('.done')).map((f) => f.slice(0, -'.done'.length));
    fs.rmSync(dir, { recursive: true, force: true });
    if (!keys.length || !process.env.NT_TEST_PG_URL) return;
    const admin = new pg.Client({ connectionString: process.env.NT_TEST_PG_URL });
    await admin.connect();
    try {
      for (const key of keys) {
        const name = templateName(dir, key);
        if (name.startsWith(TEMPLATE_PREFIX)) await admin.query(`drop database if exists ${name}`);
      }
    } finally {
      await admin.end();
    }
  };
}

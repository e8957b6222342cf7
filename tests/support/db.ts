// Test databases: always PGlite; PostgreSQL too when the test runner found a server
// (scripts/test.ts sets NT_TEST_PG_URL, and under CI=true refuses to run without one).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, openMemoryDatabase, type Database } from '../../src/db/client.ts';

export type DbKind = 'pglite' | 'postgres';

export function dbKinds(): DbKind[] {
  const kinds: DbKind[] = ['pglite'];
  if (process.env.NT_TEST_PG_URL) kinds.push('postgres');
  else if (process.env.CI === 'true') throw new Error('CI=true: PostgreSQL (NT_TEST_PG_URL) is required for integration tests');
  return kinds;
}

/** A fresh, migrated database of the given kind; close() drops it. On PostgreSQL, `template`
 * names a database to copy (see seedCache.ts). */
export async function createTestDb(kind: DbKind, opts: { template?: string } = {}): Promise<Database> {
  if (kind === 'pglite') return openMemoryDatabase();
  const adminUrl = process.env.NT_TEST_PG_URL!;
  const name = `nt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${opts.template ? ` template ${opts.template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      // pool.end() can resolve before the server has seen its sockets close. Dropping "with
      // (force)" would kill them mid-close (FATAL 57P01 in the pool); instead retry a plain drop
      // while the server still counts them (55006 "being accessed by other users").
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await a.query(`drop database if exists ${name}`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err;
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      } finally {
        await a.end();
      }
    },
  };
}

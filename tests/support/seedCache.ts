// The demo data, seeded once per test run and copied for every test app that asks for the same
// day: seeding takes seconds of CPU (8–10 s on PGlite), and some 150 apps start in a run.
//
// The cache lives in a directory made for the run by tests/support/globalSetup.ts (its path in
// NT_TEST_SEED_CACHE). The first process that needs a given (database kind, clock) builds it under
// a lock directory; the others wait for its "done" file. PGlite: a data-directory image
// (dumpDataDir) loaded into a new in-memory database. PostgreSQL: a template database copied with
// CREATE DATABASE … TEMPLATE. Outside such a run (a script, a single file without the setup)
// every app seeds its own data, as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, openMemoryDatabase, type Database } from '../../src/db/client.ts';
import { seedDemo } from '../../src/server/seed.ts';
import { createTestDb, type DbKind } from './db.ts';

export const TEMPLATE_PREFIX = 'nt_tpl_';

export function templateName(dir: string, key: string): string {
  return `${TEMPLATE_PREFIX}${crypto.createHash('sha256').update(`${dir}|${key}`).digest('hex').slice(0, 20)}`;
}

async function waitFor(file: string, failed: string): Promise<void> {
  const until = Date.now() + 20 * 60_000;
  while (!fs.existsSync(file)) {
    if (fs.existsSync(failed)) throw new Error(`seeding the demo data failed in another test process: ${fs.readFileSync(failed, 'utf8')}`);
    if (Date.now() > until) throw new Error(`waited 20 minutes for the demo data seeded by another test process (${file})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A database of `kind` holding the demo data as seeded on `today`, and the demo ids. */
export async function seededTestDb(kind: DbKind, today: Date): Promise<{ database: Database; ids: Map<string, string> }> {
  const dir = process.env.NT_TEST_SEED_CACHE;
  if (!dir || !fs.existsSync(dir)) {
    const database = await createTestDb(kind);
    return { database, ids: await seedDemo(database.db, today) };
  }
  const key = `${kind}-${today.toISOString().replace(/[^0-9TZ]/g, '')}`;
  const base = path.join(dir, key);
  const [lock, done, failed, idsFile, image] = ['.lock', '.done', '.failed', '.ids.json', '.tar'].map((x) => base + x);
  let builder = false;
  try {
    fs.mkdirSync(lock);
    builder = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (builder) {
    try {
      const built = await build(kind, today, dir, key, image);
      fs.writeFileSync(idsFile, JSON.stringify([...built.ids]));
      fs.writeFileSync(done, '');
      if (built.database) return { database: built.database, ids: built.ids };
    } catch (err) {
      fs.writeFileSync(failed, String((err as Error).stack ?? err));
      throw err;
    }
  } else {
    await waitFor(done, failed);
  }
  const ids = new Map<string, string>(JSON.parse(fs.readFileSync(idsFile, 'utf8')));
  if (kind === 'pglite') {
    const database = await openMemoryDatabase({ loadDataDir: new Blob([fs.readFileSync(image)]) });
    return { database, ids };
  }
  return { database: await createTestDb('postgres', { template: templateName(dir, key) }), ids };
}

async function build(kind: DbKind, today: Date, dir: string, key: string, image: string): Promise<{ database?: Database; ids: Map<string, string> }> {
  if (kind === 'pglite') {
    const database = await openMemoryDatabase();
    const ids = await seedDemo(database.db, today);
    // CHECKPOINT first: the image is the data directory, and what is only in the WAL is in it too,
    // but a checkpointed directory replays nothing at load.
    await database.db.execute('checkpoint' as never);
    fs.writeFileSync(image, Buffer.from(await (await database.dumpMemory()).arrayBuffer()));
    return { database, ids };
  }
  const adminUrl = process.env.NT_TEST_PG_URL!;
  const name = templateName(dir, key);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const template = await openDatabase({ databaseUrl: url.toString() });
  let ids: Map<string, string>;
  try {
    ids = await seedDemo(template.db, today);
  } finally {
    await template.close();
  }
  return { ids };
}

// Loads every module's demo data, in module order, in a fresh database.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { modules } from '../modules/index.ts';
import { installModules } from './install.ts';

/** A database in which nothing has ever happened (the audit log is empty). */
export async function isFresh(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select not exists (select 1 from audit_events) as fresh`);
  return Boolean((r.rows[0] as { fresh: boolean }).fresh);
}

export async function seedDemo(db: Db, today = new Date(), log: (s: string) => void = () => {}): Promise<Map<string, string>> {
  installModules();
  const ids = new Map<string, string>();
  for (const m of modules) {
    if (!m.seedDemo) continue;
    log(`  dữ liệu mẫu: ${m.name}`);
    await m.seedDemo({ db, ids, today });
  }
  return ids;
}

// One partition of voter_entries per province (declarative LIST partitioning, hand-written in the
// migration). Created with a province's first polling area; rows of a province without one would
// land in the default partition.
import { sql } from 'drizzle-orm';
import { invalid } from '../../server/errors.ts';
import type { DbOrTx } from '../petitions/common.ts';

export function partitionName(provinceCode: string): string {
  if (!/^[0-9A-Za-z]{1,8}$/.test(provinceCode)) throw invalid(`Mã tỉnh không hợp lệ: "${provinceCode}".`);
  return `voter_entries_p${provinceCode.toLowerCase()}`;
}

export async function ensureVoterPartition(db: DbOrTx, provinceCode: string): Promise<void> {
  const name = partitionName(provinceCode);
  const found = await db.execute(sql`select 1 from pg_class where relname = ${name}`);
  if (found.rows.length) return;
  await db.execute(sql.raw(`create table if not exists ${name} partition of voter_entries for values in ('${provinceCode}')`));
}

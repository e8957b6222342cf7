/**
 * Search bench: latency of the indexed accent-insensitive search (src/db/textSearch.ts) on
 * 1,000,000 petitions in PostgreSQL and 100,000 in PGlite, beside a naive baseline measured in the
 * same run on the same rows: an unindexed ILIKE on an accent-stripped column.
 * Run alone: node bench/search.ts [--pg-rows N] [--pglite-rows N]
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, openMemoryDatabase, type Database } from '../src/db/client.ts';
import { searchWithTypoFallback } from '../src/db/textSearch.ts';
import { exactDocument, searchDocument } from '../src/domain/text/searchQuery.ts';
import { fold } from '../src/domain/text/normalize.ts';
import type { Row } from './text/quality.ts';

export const QUERIES = [
  'duong', 'đường', '"nuoc sach"', 'ql1a', 'giấy chứng nhận', 'ngap ung', 'chung nhann', 'thạnh*',
  'điện chiếu sáng', 'ngư dân', 'truong hoc xuong cap', 'bao hiem y te', 'sạt lở', 'Phổ Châu', 'rác thải',
];
const HAMLETS = ['Thạnh Đức', 'Long Thạnh', 'Châu Me', 'Trung Sơn', 'Hòa Thạnh', 'Vĩnh Tuy', 'Tân Diêm', 'An Thổ', 'Đức Phong', 'Mỹ Trang',
  'Thủy Triều', 'Lâm Bình', 'Hải Tân', 'Quy Thiện', 'Nam Phước', 'Thạch By', 'Phước Thạnh', 'Hiệp An', 'Chánh Trạch', 'Vạn Lý'];

function devTexts(): string[] {
  const path = fileURLToPath(new URL('./data/opinions.jsonl', import.meta.url));
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
}

export async function load(database: Database, n: number, log: (s: string) => void) {
  const db = database.db;
  await db.execute(sql`drop table if exists bench_petitions`);
  await db.execute(sql`drop table if exists bench_base`);
  await db.execute(sql`create table bench_base (id int primary key, body text, search_doc text, exact_doc text, naive text)`);
  await db.execute(sql`create table bench_petitions (id int primary key, body text, search_doc text, exact_doc text, naive text)`);
  const base = devTexts();
  const values = base.map((t, i) => ({ id: i + 1, body: t, s: searchDocument(t), e: exactDocument(t), n: fold(t) }));
  await db.execute(
    sql`insert into bench_base select * from json_to_recordset(${JSON.stringify(values.map((v) => ({ id: v.id, body: v.body, search_doc: v.s, exact_doc: v.e, naive: v.n })))}::json)
        as x(id int, body text, search_doc text, exact_doc text, naive text)`,
  );
  const hamlets = HAMLETS.map((h) => ({ h, s: searchDocument(h).trim(), e: exactDocument(h).trim() }));
  const hArr = (k: 'h' | 's' | 'e') => `array[${hamlets.map((x) => `'${x[k]}'`).join(',')}]`;
  const t0 = performance.now();
  const step = 200_000;
  for (let from = 1; from <= n; from += step) {
    const to = Math.min(n, from + step - 1);
    await db.execute(
      sql.raw(`insert into bench_petitions
        select g,
          b.body || ' (thôn ' || (${hArr('h')})[1 + g % ${hamlets.length}] || ', tổ ' || (g % 97) || ')',
          b.search_doc || 'thon ' || (${hArr('s')})[1 + g % ${hamlets.length}] || ' to ' || (g % 97) || ' ',
          b.exact_doc || 'thôn ' || (${hArr('e')})[1 + g % ${hamlets.length}] || ' tổ ' || (g % 97) || ' ',
          b.naive || ' (thon ' || lower((${hArr('s')})[1 + g % ${hamlets.length}]) || ', to ' || (g % 97) || ')'
        from generate_series(${from}, ${to}) g join bench_base b on b.id = 1 + (g::bigint * 7919) % ${base.length}`),
    );
    log(`    ${to.toLocaleString('vi-VN')} / ${n.toLocaleString('vi-VN')} rows`);
  }
  const t1 = performance.now();
  await db.execute(sql`create index bench_petitions_trgm on bench_petitions using gin (search_doc gin_trgm_ops)`);
  await db.execute(sql`create table if not exists search_vocabulary (word text primary key)`);
  await db.execute(sql`insert into search_vocabulary select distinct w from bench_petitions, unnest(string_to_array(trim(search_doc), ' ')) w where length(w) >= 3 on conflict do nothing`);
  await db.execute(sql`analyze bench_petitions`);
  log(`    loaded in ${((t1 - t0) / 1000).toFixed(1)} s, trigram index in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function timeQueries(database: Database, naive: boolean): Promise<number[]> {
  const db = database.db;
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      if (naive) {
        const words = fold(q.replace(/[*"]/g, '')).split(' ').filter(Boolean);
        const where = sql.join(words.map((w) => sql`naive ilike ${'%' + w + '%'}`), sql` and `);
        await db.execute(sql`select id from bench_petitions where ${where} order by id desc limit 20`);
      } else {
        await searchWithTypoFallback(db, { searchDoc: sql.raw('search_doc'), exactDoc: sql.raw('exact_doc') }, q, async (s) =>
          (await db.execute(sql`select id from bench_petitions where ${s!.where} order by ${s!.rank ? sql`${s!.rank} desc,` : sql``} id desc limit 20`)).rows,
        );
      }
      if (round > 0) times.push(performance.now() - t0); // round 0 warms the cache
    }
  }
  return times;
}

function rows(target: string, n: number, ours: number[], naive: number[]): Row[] {
  const r = (m: string, a: number, b: number): Row => ({
    metric: `search ${m} latency, ${target}`,
    value: Math.round(a * 10) / 10,
    baseline: Math.round(b * 10) / 10,
    ratio: Math.round((a / b) * 1000) / 1000,
    unit: 'ms',
    note: `${n.toLocaleString('en')} petitions, ${QUERIES.length} queries × 2; baseline = unindexed ILIKE on an accent-stripped column (no ranking, no typo tolerance)`,
  });
  return [r('median', percentile(ours, 50), percentile(naive, 50)), r('p95', percentile(ours, 95), percentile(naive, 95))];
}

export async function runSearchBench(opts: { pgRows?: number; pgliteRows?: number; log?: (s: string) => void } = {}): Promise<Row[]> {
  const log = opts.log ?? console.log;
  const out: Row[] = [];
  const pgliteRows = opts.pgliteRows ?? 100_000;
  log(`  PGlite: ${pgliteRows.toLocaleString('en')} petitions`);
  const lite = await openMemoryDatabase();
  try {
    await load(lite, pgliteRows, log);
    out.push(...rows('PGlite', pgliteRows, await timeQueries(lite, false), await timeQueries(lite, true)));
  } finally {
    await lite.close();
  }
  const adminUrl = process.env.NT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    log('  PostgreSQL: not reachable on 127.0.0.1:5432 — PostgreSQL search bench NOT run');
    return out;
  }
  const name = `nt_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pgRows = opts.pgRows ?? 1_000_000;
  log(`  PostgreSQL: ${pgRows.toLocaleString('en')} petitions`);
  const server = await openDatabase({ databaseUrl: url.toString() });
  try {
    await load(server, pgRows, log);
    out.push(...rows('PostgreSQL', pgRows, await timeQueries(server, false), await timeQueries(server, true)));
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runSearchBench({ pgRows: arg('--pg-rows'), pgliteRows: arg('--pglite-rows') });
  console.table(result.map(({ metric, value, baseline, ratio }) => ({ metric, value, baseline, ratio })));
}

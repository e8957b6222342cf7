/**
 * Search bench: latency of what a clerk waits for when searching the petitions list — the app's own
 * listPetitions (first page of 20 with its columns, the total, exact-diacritic ranking, typo
 * fallback) — on 1,000,000 petitions of one council in PostgreSQL and 100,000 in PGlite, beside a
 * naive baseline measured in the same run on the same rows: the same page and the same capped total
 * with an unindexed ILIKE on an accent-stripped column, in number order (no ranking, no typo
 * tolerance, no abbreviations).
 * Run alone: node bench/search.ts [--pg-rows N] [--pglite-rows N]
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, openMemoryDatabase, type Database } from '../src/db/client.ts';
import { SEARCH_WINDOW } from '../src/db/textSearch.ts';
import { exactDocument, searchDocument } from '../src/domain/text/searchQuery.ts';
import { fold } from '../src/domain/text/normalize.ts';
import { seedDemo } from '../src/server/seed.ts';
import { loadCalendar, loadSettings, today } from '../src/modules/petitions/common.ts';
import { listPetitions, listColumns } from '../src/modules/petitions/queries/listPetitions.ts';
import { similarPetitions } from '../src/modules/petitions/queries/similar.ts';
import { petitions } from '../src/modules/petitions/schema.ts';
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

interface Loaded {
  councilId: string;
  env: { day: string; calendar: Awaited<ReturnType<typeof loadCalendar>>; settings: Awaited<ReturnType<typeof loadSettings>> };
}

/**
 * A migrated database with the demo data, then `n` petitions in one council's round: the
 * development set's texts, each with a hamlet and a group number, so every text is different and
 * words are as common as in real minutes ("đường" in a third of them). Search documents are built
 * by the text engine; the database derives the vectors as it does for the app.
 */
export async function load(database: Database, n: number, log: (s: string) => void): Promise<Loaded> {
  const db = database.db;
  await seedDemo(db);
  const [target] = (await db.execute(sql`select council_id, round_id, max(number)::int as last from petitions group by 1, 2 order by count(*) desc limit 1`)).rows as {
    council_id: string; round_id: string; last: number;
  }[];
  await db.execute(sql`alter table petitions add column naive text not null default ''`);
  await db.execute(sql`create table bench_base (id int primary key, body text, s text, e text, naive text)`);
  const base = devTexts().map((t, i) => ({ id: i + 1, body: t, s: searchDocument(t), e: exactDocument(t), naive: fold(t) }));
  await db.execute(sql`insert into bench_base select * from json_to_recordset(${JSON.stringify(base)}::json) as x(id int, body text, s text, e text, naive text)`);
  const hamlets = HAMLETS.map((h) => ({ h, s: searchDocument(h).trim(), e: exactDocument(h).trim() }));
  const arr = (k: 'h' | 's' | 'e') => `array[${hamlets.map((x) => `'${x[k]}'`).join(',')}]`;
  const hamlet = (k: 'h' | 's' | 'e') => `(${arr(k)})[1 + g % ${hamlets.length}]`;
  const t0 = performance.now();
  const step = 100_000;
  for (let from = 1; from <= n; from += step) {
    const to = Math.min(n, from + step - 1);
    await db.execute(
      sql.raw(`insert into petitions (council_id, round_id, origin_round_id, number, text, status, search_text, exact_text, naive)
        select '${target!.council_id}', '${target!.round_id}', '${target!.round_id}', ${target!.last} + g,
          b.body || ' (thôn ' || ${hamlet('h')} || ', tổ ' || (g % 97) || ')', 'draft',
          b.s || 'thon ' || ${hamlet('s')} || ' to ' || (g % 97) || ' ',
          b.e || 'thôn ' || ${hamlet('e')} || ' tổ ' || (g % 97) || ' ',
          b.naive || ' (thon ' || lower(${hamlet('s')}) || ', to ' || (g % 97) || ')'
        from generate_series(${from}, ${to}) g join bench_base b on b.id = 1 + (g::bigint * 7919) % ${base.length}`),
    );
    log(`    ${to.toLocaleString('vi-VN')} / ${n.toLocaleString('vi-VN')} kiến nghị`);
  }
  await db.execute(sql`vacuum analyze petitions`);
  await db.execute(sql`insert into search_vocabulary select distinct w from bench_base, unnest(string_to_array(trim(s), ' ')) w where length(w) >= 3 on conflict do nothing`);
  log(`    loaded (with vectors and GIN index) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const now = new Date();
  return { councilId: target!.council_id, env: { day: today(now), calendar: await loadCalendar(db), settings: await loadSettings(db, target!.council_id) } };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** The naive list: same page, columns and capped total, unindexed ILIKE on the folded text. */
async function naiveList(database: Database, l: Loaded, q: string) {
  const db = database.db;
  const words = fold(q.replace(/[*"]/g, '')).split(' ').filter(Boolean);
  const where = sql`${sql.join([sql`council_id = ${l.councilId}`, ...words.map((w) => sql`naive ilike ${'%' + w + '%'}`)], sql` and `)}`;
  await Promise.all([
    db.select(listColumns).from(petitions).where(where).orderBy(petitions.number).limit(20),
    db.execute(sql`select count(*)::int from (select 1 from petitions where ${where} limit ${SEARCH_WINDOW + 1}) s`),
  ]);
}

async function timeQueries(database: Database, l: Loaded, naive: boolean, log: (s: string) => void): Promise<number[]> {
  const times: number[] = [];
  const slowest = new Map<string, number>();
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      if (naive) await naiveList(database, l, q);
      else await listPetitions(database.db, l.councilId, { q, page: 1, pageSize: 20 }, l.env);
      const ms = performance.now() - t0;
      if (round === 0) continue; // round 0 warms the cache
      times.push(ms);
      slowest.set(q, Math.max(ms, slowest.get(q) ?? 0));
    }
  }
  const top = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3);
  log(`    ${naive ? 'baseline' : 'ours'}: slowest ${top.map(([q, ms]) => `${q} ${ms.toFixed(0)} ms`).join(', ')}`);
  return times;
}

function rows(target: string, n: number, ours: number[], naive: number[]): Row[] {
  const r = (m: string, a: number, b: number): Row => ({
    metric: `search ${m} latency, ${target}`,
    value: Math.round(a * 10) / 10,
    baseline: Math.round(b * 10) / 10,
    ratio: Math.round((a / b) * 1000) / 1000,
    unit: 'ms',
    note: `${n.toLocaleString('en')} petitions in one council, ${QUERIES.length} queries × 2, first page + total; baseline = unindexed ILIKE on an accent-stripped column (no ranking, no typo tolerance)`,
  });
  return [r('median', percentile(ours, 50), percentile(naive, 50)), r('p95', percentile(ours, 95), percentile(naive, 95))];
}

/** Texts a clerk might be typing, for "raised before?" (similar earlier petitions). */
export const SIMILAR_TEXTS = [
  'Đề nghị sửa chữa đường bê tông thôn Thạnh Đức bị hư hỏng nặng',
  'Cử tri đề nghị nạo vét kênh N6 để có nước tưới vụ Hè Thu',
  'Sạt lở bờ biển khu dân cư Vĩnh Tuy, đề nghị xây kè chắn sóng',
  'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân',
];

/** "Raised before?" as the app runs it, beside pairwise trigram similarity over every petition. */
async function timeSimilar(database: Database, l: Loaded, target: string, n: number, log: (s: string) => void): Promise<Row[]> {
  const ours: number[] = [];
  const naive: number[] = [];
  for (const text of SIMILAR_TEXTS) {
    await similarPetitions(database.db, l.councilId, text); // warm
    let t0 = performance.now();
    await similarPetitions(database.db, l.councilId, text);
    ours.push(performance.now() - t0);
    t0 = performance.now();
    await database.db.execute(
      sql`select id from petitions where council_id = ${l.councilId} order by similarity(naive, ${fold(text)}) desc limit 50`,
    );
    naive.push(performance.now() - t0);
  }
  log(`    similar: ours ${ours.map((x) => x.toFixed(0)).join(', ')} ms; baseline ${naive.map((x) => x.toFixed(0)).join(', ')} ms`);
  const med = (xs: number[]) => percentile(xs, 50);
  return [{
    metric: `similar earlier petitions latency (median), ${target}`,
    value: Math.round(med(ours) * 10) / 10,
    baseline: Math.round(med(naive) * 10) / 10,
    ratio: Math.round((med(ours) / med(naive)) * 1000) / 1000,
    unit: 'ms',
    note: `${n.toLocaleString('en')} petitions, ${SIMILAR_TEXTS.length} texts; baseline = pairwise trigram similarity over the council's petitions, top 50`,
  }];
}

async function measure(database: Database, target: string, n: number, log: (s: string) => void): Promise<Row[]> {
  const l = await load(database, n, log);
  const ours = await timeQueries(database, l, false, log);
  const naive = await timeQueries(database, l, true, log);
  return [...rows(target, n, ours, naive), ...(await timeSimilar(database, l, target, n, log))];
}

export async function runSearchBench(opts: { pgRows?: number; pgliteRows?: number; log?: (s: string) => void } = {}): Promise<Row[]> {
  const log = opts.log ?? console.log;
  const out: Row[] = [];
  const pgliteRows = opts.pgliteRows ?? 100_000;
  log(`  PGlite: ${pgliteRows.toLocaleString('en')} petitions`);
  const lite = await openMemoryDatabase();
  try {
    out.push(...(await measure(lite, 'PGlite', pgliteRows, log)));
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
    out.push(...(await measure(server, 'PostgreSQL', pgRows, log)));
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

/**
 * Import bench: 20,000 opinions from one .xlsx sheet, the way the intake screen does it — read and
 * map the sheet, separate speakers, convert legacy text (planOpinionImport), then write every row
 * with its search documents and vector, the vocabulary and the import's one audit event in one
 * transaction, in chunks (commitOpinionImport) — beside a baseline measured in the same run on the
 * same database: the same rows written by one plain `INSERT … SELECT FROM json_to_recordset`
 * (COPY-like: no search documents, no vocabulary words, no audit, no checks).
 * PGlite is measured as the server runs it (durable data directory, database in its own thread, so
 * the app's work of one chunk overlaps the database's work of the previous one), and as the tests
 * run it (in memory, one thread: the two alternate).
 * Then the whole job through the running server, as the intake screen sends it (one request:
 * upload, read, check, write), on both databases.
 * Run alone: node bench/importOpinions.ts [--rows N]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, openMemoryDatabase, type Database } from '../src/db/client.ts';
import { seedDemo } from '../src/server/seed.ts';
import { warmSheetReader, writeXlsx } from '../src/modules/spreadsheets/index.ts';
import { warmSearchColumns } from '../src/db/searchColumns.ts';
import { createRound } from '../src/modules/petitions/actions/createRound.ts';
import { commitOpinionImport, planOpinionImport } from '../src/modules/petitions/actions/importOpinions.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/service.ts';
import type { Row } from './text/quality.ts';
import { api, login, start } from './http.ts';

const HAMLETS = ['Thạnh Đức 1', 'Long Thạnh 2', 'Châu Me', 'Trung Sơn', 'Hòa Thạnh', 'Vĩnh Tuy', 'Tân Diêm', 'An Thổ'];

/**
 * PGlite as the server runs it (a data directory on disk, durable, the database in its worker
 * thread: `nghitruong serve`), and in memory in the caller's thread (as the tests run it); then
 * PostgreSQL too when NT_TEST_PG_URL names a server (a fresh database, dropped after).
 */
export async function runImportBench(opts: { rows?: number } = {}): Promise<Row[]> {
  const n = opts.rows ?? 20_000;
  const out: Row[] = [];
  const baselineOf = (rows: Row[]) => rows[0]!.baseline!;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nt-bench-import-'));
  let liteBaseline: number;
  try {
    const rows = await importBench(await openDatabase({ dataDir, worker: true }), 'PGlite', n);
    liteBaseline = baselineOf(rows);
    out.push(...rows);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  out.push(...(await importBench(await openMemoryDatabase(), 'PGlite in memory, one thread', n)));
  const serverDir = mkdtempSync(path.join(os.tmpdir(), 'nt-bench-import-'));
  try {
    out.push(...(await throughServer({ DATA_DIR: serverDir, DATABASE_URL: '' }, 'PGlite', n, liteBaseline)));
  } finally {
    rmSync(serverDir, { recursive: true, force: true });
  }
  const url = process.env.NT_TEST_PG_URL;
  if (url) {
    let pgBaseline = 0;
    for (const part of ['direct', 'server'] as const) {
      const name = `nt_bench_import_${part}_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const u = new URL(url);
        u.pathname = `/${name}`;
        if (part === 'direct') {
          const rows = await importBench(await openDatabase({ databaseUrl: u.toString() }), 'PostgreSQL', n);
          pgBaseline = baselineOf(rows);
          out.push(...rows);
        } else out.push(...(await throughServer({ DATABASE_URL: u.toString() }, 'PostgreSQL', n, pgBaseline)));
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
  return out;
}

/** The sheet both parts import: n opinions; every fifth row names its speaker in the content cell, as minutes do. */
async function benchSheet(n: number): Promise<Uint8Array> {
  const texts = readFileSync(fileURLToPath(new URL('./data/opinions.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const rows = Array.from({ length: n }, (_, i) => ({
    n: i + 1,
    name: i % 5 === 0 ? '' : `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`,
    hamlet: HAMLETS[i % HAMLETS.length]!,
    text: i % 5 === 0 ? `Cử tri Trần Văn Bảy (thôn ${HAMLETS[i % HAMLETS.length]}): ${texts[i % texts.length]!}` : `${texts[i % texts.length]!} (${i + 1})`,
  }));
  return writeXlsx({
    sheetName: 'Ý kiến cử tri',
    columns: [{ header: 'STT', key: 'n' }, { header: 'Họ và tên', key: 'name' }, { header: 'Thôn', key: 'hamlet' }, { header: 'Nội dung ý kiến, kiến nghị', key: 'text' }],
    rows,
  });
}

/**
 * The whole job as a clerk does it: `nghitruong serve --demo` running, the sheet uploaded to the
 * intake's import route (mode commit: upload, read, check, write in one request) while the wizard
 * polls the job's progress, timed from the request to its answer. Beside it, the plain INSERT of the
 * same rows on the same kind of database in this run (`baseline`).
 */
async function throughServer(env: Record<string, string>, where: string, n: number, baseline: number): Promise<Row[]> {
  const server = await start(['bin/nghitruong.js', 'serve', '--demo'], env, where);
  try {
    const clerk = await login(server.port, 'vp.sahuynh');
    const base = `/councils/${clerk.councilId}`;
    const round = await api(server.port, 'POST', `${base}/petition-rounds`, { ...clerk, body: { name: 'Bench nhập qua máy chủ', kind: 'continuous', startDate: '2026-11-01' } });
    if (round.status !== 201) throw new Error(`bench: round ${round.status}`);
    const form = new FormData();
    form.set('file', new Blob([(await benchSheet(n)) as BlobPart]), 'y-kien.xlsx');
    form.set('roundId', round.body.id);
    form.set('channel', 'letter');
    form.set('mode', 'commit');
    form.set('jobId', 'bench-import-through-server');
    const phases = new Set<string>();
    let writing = 0;
    let finished = false;
    const poll = (async () => {
      while (!finished) {
        const p = await api(server.port, 'GET', `${base}/opinions/import-progress/bench-import-through-server`, clerk);
        phases.add(p.body.phase);
        if (p.body.phase === 'writing' && p.body.done > 0) writing++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api${base}/opinions/import`, { method: 'POST', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf }, body: form });
    const body = (await res.json()) as { created?: number };
    const ms = Math.round(performance.now() - t0);
    finished = true;
    await poll;
    if (res.status !== 200 || body.created !== n) throw new Error(`bench: import through the server ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return [
      {
        metric: `import ${n.toLocaleString('en')} opinions through the server`,
        value: ms,
        unit: 'ms',
        baseline,
        ratio: Math.round((ms / baseline) * 10) / 10,
        note: `${where}${server.workers > 1 ? ` (${server.workers} server processes)` : ''}: upload + read + check + write, one request; progress polled every 50 ms: ${[...phases].join(' → ')}, ${writing} reads while writing; baseline plain INSERT…SELECT in this run`,
      },
    ];
  } finally {
    await server.stop();
  }
}

async function importBench(database: Database, where: string, n: number): Promise<Row[]> {
  const db = database.db;
  // As `nghitruong serve` does at start: the sheet reader's and the search columns' worker threads
  // load while the demo data is written (a running server has them loaded when a file comes).
  warmSheetReader();
  warmSearchColumns();
  try {
    const ids = await seedDemo(db);
    const councilId = ids.get('council:sa-huynh')!;
    const now = new Date('2026-11-26T02:00:00Z');
    const ctx = { db, actor: SYSTEM_ACTOR, now };
    const round = async (name: string) => (await createRound(ctx, councilId, { name, kind: 'continuous', startDate: '2026-11-01' })).id as string;
    const xlsx = await benchSheet(n);

    // Ours: the whole job, and its write step alone.
    const r1 = await round('Bench nhập ý kiến');
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const plan = await planOpinionImport(db, xlsx, 'y-kien.xlsx', undefined, '2026-11-26');
    const t1 = performance.now();
    let chunks = 0;
    const res = await commitOpinionImport(ctx, councilId, plan, { roundId: r1, channel: 'letter' }, 'y-kien.xlsx', () => chunks++);
    const t2 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (res.created !== n) throw new Error(`bench: ${res.created} of ${n} rows written`);

    // Baseline: the same rows (as planned) in one plain INSERT … SELECT, no search documents, no audit.
    const r2 = await round('Bench chèn thô');
    const plain = plan.items.map((i) => ({ text: i.text, voter_name: i.voterName ?? '', voter_hamlet: i.voterHamlet ?? '' }));
    const b0 = performance.now();
    const cb0 = process.cpuUsage();
    await db.execute(sql`
      insert into petition_opinions (council_id, round_id, channel, voter_name, voter_hamlet, text, received_on)
      select ${councilId}, ${r2}, 'letter', x.voter_name, x.voter_hamlet, x.text, '2026-11-26'
      from json_to_recordset(${JSON.stringify(plain)}::json) as x(text text, voter_name text, voter_hamlet text)`);
    const b1 = performance.now();
    const cb = process.cpuUsage(cb0);
    const ms = (x: number) => Math.round(x);
    const whole = t2 - t0;
    const write = t2 - t1;
    const base = b1 - b0;
    return [
      { metric: `import ${n.toLocaleString('en')} opinions: whole job`, value: ms(whole), unit: 'ms', baseline: ms(base), ratio: Math.round((whole / base) * 10) / 10, note: `read+check+write, ${where}; baseline plain INSERT…SELECT` },
      { metric: `import ${n.toLocaleString('en')} opinions: write step`, value: ms(write), unit: 'ms', baseline: ms(base), ratio: Math.round((write / base) * 10) / 10, note: `${where}; ${chunks} progress reports; search columns, vocabulary, one audit event` },
      // On a loaded machine the wall clock also counts the time spent waiting for a processor; this
      // process's processor time does not (on PGlite it includes the database, on PostgreSQL not).
      { metric: `import ${n.toLocaleString('en')} opinions: whole job, CPU`, value: ms((c1.user + c1.system) / 1000), unit: 'ms', baseline: ms((cb.user + cb.system) / 1000), ratio: Math.round(((c1.user + c1.system) / (cb.user + cb.system)) * 10) / 10, note: `${where}; this process's processor time${where.startsWith('PGlite') ? ', database included' : ', the server not included'}` },
      { metric: `import ${n.toLocaleString('en')} opinions: read + check`, value: ms(t1 - t0), unit: 'ms', baseline: null, ratio: null, note: `${where}; sheet, mapping, speakers, legacy fonts` },
    ];
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rows');
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const before = load();
  const rows = await runImportBench({ rows: i > 0 ? Number(process.argv[i + 1]) : undefined });
  // A shared machine: the load says how far the wall-clock figures can be trusted (CPU ones more).
  console.log(`load average before ${before}, after ${load()}`);
  for (const r of rows) console.log(`${r.metric.padEnd(44)} ${String(r.value).padStart(8)} ${r.unit}  baseline ${r.baseline ?? '–'}  ×${r.ratio ?? '–'}  ${r.note}`);
}

/**
 * Throughput bench: the app as a real server process (`nghitruong serve --demo`), on PGlite and on
 * PostgreSQL, loaded by 100 keep-alive connections on loopback, beside a bare Hono hello-world
 * measured in the same run. Two requests: a clerk's authenticated, filtered petitions list, and the
 * public page's text search. On PostgreSQL a second baseline, the floor: a bare Hono that sends one
 * small prepared statement per request to the same database (bench/helloDb.ts). On PostgreSQL the app
 * runs with its default number of server processes (NT_WORKERS: one per core; printed). Then two
 * separately started single-process servers on one PostgreSQL database: a settings change and a
 * logout in one are seen by the next request in the other, their answers equal, and their combined
 * throughput is reported.
 * The load generator runs on the same machine (the same cores) as the servers and the database, as
 * does the hello-world baseline; each figure is compared with the baseline measured just before it.
 * Besides requests per second and latency, each measurement reports the server process's own CPU
 * time per answered request (all its processes: a primary and its workers; and PostgreSQL's, its backends for the app's database), requests
 * refused at once by the PGlite request line (503), and the delay of a request that needs no
 * database while the load runs (does the embedded database block the event loop?).
 * Run alone: node bench/http.ts [--quick]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runLoad, type LoadResult } from './load.ts';
import type { Row } from './text/quality.ts';
import { freePort } from '../tests/support/ports.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 100;
const DEMO_PASSWORD = 'NghiTruong@2026';


/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/** A process and its descendants now (the app on PostgreSQL: a primary and its workers). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
      } catch {
        // gone meanwhile
      }
    }
  }
  return out;
}

/** CPU time of a process and its descendants so far, in ms. */
function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((n, p) => n + cpuMs(p), 0);
}

/** PostgreSQL backends serving `url`'s database (their CPU is the database's share of a request). */
async function backendsOf(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return r.rows.map((x: { pid: number }) => x.pid);
  } finally {
    await c.end();
  }
}

export interface Server {
  port: number;
  proc: ChildProcess;
  stop(): Promise<void>;
  /** Statements the app server has sent to its database so far (null for the hello-world). */
  statements(): Promise<number | null>;
  /** Server processes answering requests (the app on PostgreSQL: its workers, NT_WORKERS). */
  workers: number;
}

/** Spawns a server and waits for its "running at" line. */
export async function start(args: string[], env: Record<string, string>, label: string): Promise<Server> {
  const port = await freePort();
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), NT_BENCH: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: did not start in 5 minutes\n${output}`)), 300_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/đang chạy tại/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}\n${output}`));
    });
  });
  proc.removeAllListeners('exit');
  const isApp = args[0] === 'bin/nghitruong.js';
  // The app with several workers prints its running line once all of them listen, with their number.
  const workers = Number(/đang chạy tại \S+ \((\d+) tiến trình phục vụ\)/.exec(output)?.[1] ?? 1);
  return {
    port,
    proc,
    workers,
    statements: () =>
      !isApp
        ? Promise.resolve(null)
        : new Promise((resolve) => {
            // The server prints its driver's statement count on SIGUSR2 (src/cli/serve.ts, NT_BENCH=1; with
            // several workers, the primary sums theirs).
            let seen = '';
            const onData = (d: Buffer) => {
              seen += d.toString();
              const m = /câu lệnh CSDL đã gửi: (\d+)/.exec(seen);
              if (m) {
                proc.stdout!.off('data', onData);
                resolve(Number(m[1]));
              }
            };
            proc.stdout!.on('data', onData);
            proc.kill('SIGUSR2');
          }),
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export async function api(port: number, method: string, p: string, o: { cookie?: string; csrf?: string; body?: unknown } = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/api${p}`, {
    method,
    headers: {
      ...(o.cookie ? { cookie: o.cookie } : {}),
      ...(o.csrf ? { 'x-csrf-token': o.csrf } : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

interface Session {
  cookie: string;
  csrf: string;
  councilId: string;
}

export async function login(port: number, username: string): Promise<Session> {
  const r = await api(port, 'POST', '/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const me = await api(port, 'GET', '/auth/me', { cookie });
  return { cookie, csrf: me.body.csrfToken, councilId: me.body.councils[0]?.id };
}

/** The two loads: the clerk's filtered list (several filters in turn) and the public search. */
async function targets(port: number) {
  const clerk = await login(port, 'vp.sahuynh');
  const base = `/api/councils/${clerk.councilId}/petitions`;
  const listPaths = ['?deadline=due_soon', '?status=dispatched', '?deadline=overdue', '?status=answered&page=1&pageSize=20'].map((q) => base + q);
  const councils = (await api(port, 'GET', '/public/councils?pageSize=200')).body.items as { id: string }[];
  const pub = councils.find((c) => c.id === clerk.councilId) ?? councils[0]!;
  const searchPaths = ['đường', 'nước sạch', 'trường học', 'dien'].map((q) => `/api/public/councils/${pub.id}/petitions?q=${encodeURIComponent(q)}`);
  return { clerk, listPaths, searchPaths };
}

interface Timing {
  quick: boolean;
  log: (s: string) => void;
}

interface Measured extends LoadResult {
  /** Server processes' CPU per answered request, ms. */
  cpuPerRequest: number;
  /** PostgreSQL backends' CPU per answered request, ms (PostgreSQL only). */
  dbCpuPerRequest: number | null;
  /** The machine's 1-minute load average when the measurement ended. */
  load: number;
  /** Database statements (round trips) per answered request, counted by the app's driver. */
  statementsPerRequest: number | null;
}

async function measure(
  t: Timing,
  servers: Pick<Server, 'port' | 'proc' | 'statements'>[],
  paths: string[],
  o: { headers?: Record<string, string>; databaseUrl?: string } = {},
): Promise<Measured> {
  const durationMs = t.quick ? 3000 : 10_000;
  const ports = servers.map((s) => s.port);
  const headers = o.headers ?? {};
  // Warm-up, 2 s even for a quick look: a server just started still compiles its code (and PGlite's
  // WebAssembly, in background threads) for the first thousand requests or so.
  await runLoad({ port: ports[0]!, ports, paths, connections: CONNECTIONS, durationMs: 2000, headers });
  const backends = o.databaseUrl ? await backendsOf(o.databaseUrl) : [];
  const cpu = () => servers.reduce((n, s) => n + treeCpuMs(s.proc.pid!), 0);
  const dbCpu = () => backends.reduce((n, pid) => n + cpuMs(pid), 0);
  const statements = async () => {
    const counts = await Promise.all(servers.map((s) => s.statements()));
    return counts.every((n) => n === null) ? null : counts.reduce<number>((a, n) => a + (n ?? 0), 0);
  };
  const st0 = await statements();
  const [cpu0, db0] = [cpu(), dbCpu()];
  const r = await runLoad({ port: ports[0]!, ports, paths, connections: CONNECTIONS, durationMs, headers, probe: '/robots.txt' });
  const [cpu1, db1] = [cpu(), dbCpu()];
  const st1 = await statements();
  const per = (ms: number) => Math.round((ms / Math.max(1, r.requests)) * 100) / 100;
  return {
    ...r,
    cpuPerRequest: per(cpu1 - cpu0),
    dbCpuPerRequest: o.databaseUrl ? per(db1 - db0) : null,
    load: Math.round(os.loadavg()[0]! * 10) / 10,
    // Refused requests (503) send no statement; the probe's /robots.txt none either.
    statementsPerRequest: st0 === null || st1 === null ? null : Math.round(((st1 - st0) / Math.max(1, r.requests)) * 100) / 100,
  };
}

function describe(r: Measured): string {
  return (
    `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.errors} errors, ${r.refused} refused (503, p99 ${r.refusedP99} ms), ` +
    `${r.timeouts} time-outs; server CPU ${r.cpuPerRequest} ms/request` +
    (r.statementsPerRequest !== null ? `, ${r.statementsPerRequest} statements/request` : '') +
    (r.dbCpuPerRequest !== null ? `, PostgreSQL CPU ${r.dbCpuPerRequest} ms/request` : '') +
    `; no-database request p99 ${r.probeP99} ms (max ${r.probeMax}); load average ${r.load}`
  );
}

function rowsOf(target: string, what: string, r: Measured, hello: Measured, note: string): Row[] {
  return [
    {
      metric: `${what} req/s, ${target}`,
      value: r.rps,
      baseline: hello.rps,
      ratio: Math.round((r.rps / hello.rps) * 1000) / 1000,
      unit: '/s',
      note: `${CONNECTIONS} connections; baseline = bare Hono hello-world; ${note}`,
    },
    {
      metric: `${what} p99, ${target}`,
      value: r.p99,
      baseline: hello.p99,
      ratio: hello.p99 ? Math.round((r.p99 / hello.p99) * 100) / 100 : null,
      unit: 'ms',
      note: `p50 ${r.p50} ms, max ${r.max} ms, ${r.timeouts} time-outs, ${r.errors} errors, ${r.refused} refused at once (503)`,
    },
    {
      metric: `${what} CPU/request, ${target}`,
      value: r.cpuPerRequest,
      baseline: hello.cpuPerRequest,
      ratio: hello.cpuPerRequest ? Math.round((r.cpuPerRequest / hello.cpuPerRequest) * 10) / 10 : null,
      unit: 'ms',
      note:
        `app process(es)${r.dbCpuPerRequest !== null ? ` + PostgreSQL ${r.dbCpuPerRequest} ms` : ' (database inside)'}; ` +
        `${r.statementsPerRequest} database statements (round trips) per request; ` +
        `no-database request p99 ${r.probeP99} ms during the load; load average ${r.load} (load generator on the same 2 cores)`,
    },
  ];
}

async function section(t: Timing, target: string, env: Record<string, string>, hello: Server): Promise<{ rows: Row[]; server: Server }> {
  t.log(`  ${target}: starting the server with the demo data…`);
  let server = await start(['bin/nghitruong.js', 'serve', '--demo'], env, target);
  if (!env.DATABASE_URL) {
    // PGlite checkpoints inside the server's thread: after the seed's writes, the next checkpoint
    // (fsync of every written file) stops the server for seconds on a busy disk. A restart does it
    // at shutdown, so the load measures serving, not the seed's aftermath.
    await server.stop();
    server = await start(['bin/nghitruong.js', 'serve'], env, target);
  }
  if (server.workers > 1) t.log(`  ${target}: ${server.workers} server processes (NT_WORKERS; the default is one per core)`);
  const label = server.workers > 1 ? `${target}, ${server.workers} workers` : target;
  const { clerk, listPaths, searchPaths } = await targets(server.port);
  const databaseUrl = env.DATABASE_URL || undefined;
  const floorRows: Row[] = [];
  if (databaseUrl) {
    // The floor: a bare Hono that sends one prepared statement per request to the same database.
    const floor = await start(['bench/helloDb.ts'], { DATABASE_URL: databaseUrl }, 'hello-world + database');
    try {
      const h = await measure(t, [hello], ['/']);
      t.log(`    hello-world: ${describe(h)}`);
      const f = await measure(t, [floor], ['/'], { databaseUrl });
      t.log(`    hello-world + one statement: ${describe(f)}`);
      floorRows.push(...rowsOf(label, 'bare Hono + 1 prepared statement', f, h, 'the least a server reading the database once per request pays (bench/helloDb.ts)'));
    } finally {
      await floor.stop();
    }
  }
  // Each load beside a hello-world measured just before it: the machine's load changes by the minute.
  const hList = await measure(t, [hello], ['/']);
  t.log(`    hello-world: ${describe(hList)}`);
  const list = await measure(t, [server], listPaths, { headers: { cookie: clerk.cookie }, databaseUrl });
  t.log(`    filtered list: ${describe(list)}`);
  const hSearch = await measure(t, [hello], ['/']);
  t.log(`    hello-world: ${describe(hSearch)}`);
  const search = await measure(t, [server], searchPaths, { databaseUrl });
  t.log(`    public search: ${describe(search)}`);
  return {
    server,
    rows: [
      ...floorRows,
      ...rowsOf(label, 'filtered list (clerk)', list, hList, 'deadline/status filters of one council, page 1 with total'),
      ...rowsOf(label, 'public search', search, hSearch, '4 queries in turn, first page with total'),
    ],
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Two separately started servers on one database, one process each (NT_WORKERS=1), as two machines
 * behind a load balancer would be: each change made through one is checked on the very next request
 * to the other (no waiting), then both serve the list together. (The workers of one `serve` share
 * its primary, which forwards between them nothing a request depends on; two servers share only the
 * database, the stricter case. On two cores their throughput is comparable to two workers'.)
 */
async function twoProcesses(t: Timing, url: string, hello: Server): Promise<Row[]> {
  t.log('  PostgreSQL, two processes: starting two single-process servers (NT_WORKERS=1) on the same database…');
  const first = await start(['bin/nghitruong.js', 'serve'], { DATABASE_URL: url, NT_WORKERS: '1' }, 'first process');
  let second: Server | undefined;
  try {
    second = await start(['bin/nghitruong.js', 'serve'], { DATABASE_URL: url, NT_WORKERS: '1' }, 'second process');
    const a = await targets(first.port);
    const bClerk = await login(second.port, 'vp.sahuynh');
    const problems: string[] = [];
    for (const p of [...a.listPaths, ...a.searchPaths]) {
      const ra = await api(first.port, 'GET', p.slice(4), { cookie: a.clerk.cookie });
      const rb = await api(second.port, 'GET', p.slice(4), { cookie: bClerk.cookie });
      if (!same(ra.body, rb.body)) problems.push(`different answers for ${p}`);
    }
    // A setting changed through A: B's next answer has it.
    const settingsPath = `/councils/${a.clerk.councilId}/petition-settings`;
    const before = (await api(second.port, 'GET', settingsPath, { cookie: bClerk.cookie })).body;
    const days = before.thresholds.dueSoonWorkingDays === 5 ? 7 : 5;
    const put = await api(first.port, 'PUT', settingsPath, { cookie: a.clerk.cookie, csrf: a.clerk.csrf, body: { thresholds: { dueSoonWorkingDays: days } } });
    if (put.status !== 200) problems.push(`settings change refused: ${put.status}`);
    const after = (await api(second.port, 'GET', settingsPath, { cookie: bClerk.cookie })).body;
    if (after.thresholds.dueSoonWorkingDays !== days) problems.push('B served the old settings after A changed them');
    const dueA = await api(first.port, 'GET', a.listPaths[0]!.slice(4), { cookie: a.clerk.cookie });
    const dueB = await api(second.port, 'GET', a.listPaths[0]!.slice(4), { cookie: bClerk.cookie });
    if (!same(dueA.body, dueB.body)) problems.push('due-soon lists differ after the settings change');
    // The clerk logs out through A: the same cookie is refused by B at once.
    const other = await login(first.port, 'vp.sahuynh');
    await api(first.port, 'POST', '/auth/logout', { cookie: other.cookie, csrf: other.csrf });
    const afterLogout = await api(second.port, 'GET', a.listPaths[0]!.slice(4), { cookie: other.cookie });
    if (afterLogout.status !== 401) problems.push(`B accepted a session ended through A (${afterLogout.status})`);
    t.log(problems.length ? `    CONSISTENCY PROBLEMS: ${problems.join('; ')}` : `    same answers on both; settings change and logout seen by the other process on its next request`);
    const h = await measure(t, [hello], ['/']);
    t.log(`    hello-world: ${describe(h)}`);
    const both = await measure(t, [first, second], a.listPaths, { headers: { cookie: a.clerk.cookie }, databaseUrl: url });
    t.log(`    filtered list over both processes: ${describe(both)}`);
    return [
      ...rowsOf('PostgreSQL ×2 processes', 'filtered list (clerk)', both, h, 'connections spread over two app processes'),
      {
        metric: 'two processes: consistency problems',
        value: problems.length,
        baseline: 0,
        ratio: null,
        unit: '',
        note: problems.length ? problems.join('; ') : 'same answers; a settings change and a logout in one seen by the next request in the other',
      },
    ];
  } finally {
    await second?.stop();
    await first.stop();
  }
}

export async function runHttpBench(opts: { quick?: boolean; log?: (s: string) => void } = {}): Promise<Row[]> {
  const t: Timing = { quick: opts.quick ?? false, log: opts.log ?? console.log };
  const out: Row[] = [];
  const hello = await start(['bench/hello.ts'], {}, 'hello-world');
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-bench-'));
    try {
      const lite = await section(t, 'PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, hello);
      await lite.server.stop();
      out.push(...lite.rows);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const adminUrl = process.env.NT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    try {
      await admin.connect();
    } catch {
      t.log('  PostgreSQL: not reachable on 127.0.0.1:5432 — PostgreSQL throughput bench NOT run');
      return out;
    }
    const name = `nt_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const server = await section(t, 'PostgreSQL', { DATABASE_URL: url.toString() }, hello);
      out.push(...server.rows);
      await server.server.stop();
      out.push(...(await twoProcesses(t, url.toString(), hello)));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    await hello.stop();
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await runHttpBench({ quick: process.argv.includes('--quick') || process.env.BENCH_QUICK === '1' });
  console.table(rows.map(({ metric, value, baseline, ratio }) => ({ metric, value, baseline, ratio })));
}

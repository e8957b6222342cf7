/**
 * Votes in the chamber (issue #12): N delegates (default 500) vote at once over real HTTP, each
 * retrying a busy answer (503) with the same submission key as the phone page does, while N
 * screens follow the session over server-sent events; then the vote closes and every screen must
 * show the result. Reported: the time for all ballots, the p99 / max time from the close request
 * to the last screen updated (goal ≤ 1 s), and beside it a baseline measured in the same run: a bare
 * Hono server broadcasting one message to N SSE listeners from an HTTP request (no database, no
 * app). On PGlite (embedded, the production request line) and on PostgreSQL (pg_notify/LISTEN).
 * The server runs in this process on loopback, with the listeners and the voters: one machine,
 * the same cores, for the app and its baseline alike.
 * Run alone: node bench/chamberVotes.ts [--quick]. BENCH_CPU_PROFILE=<dir> writes a CPU profile
 * of the ballots alone (the set-up left out) per database, for `--cpu-prof`-style reading.
 */
process.env.NT_TEST_SCRYPT_LOG2N ??= '10'; // the accounts set up here are not what is measured
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import pg from 'pg';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Row } from './text/quality.ts';
import { createApp } from '../src/server/app.ts';
import { seedDemo } from '../src/server/seed.ts';
import { openDatabase, openMemoryDatabase, type Database } from '../src/db/client.ts';
import { councilSessions } from '../src/modules/sessions/schema.ts';
import { ruleSetsOf } from '../src/modules/sessions/common.ts';
import { saveProfile } from '../src/modules/sessions/actions/profile.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/service.ts';
import { checkIn, delegateAccounts, ensureDelegates, httpLogin, listen, sse, startSession } from '../tests/chamber/support.ts';

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] ?? 0;
};
const ms = (x: number) => Math.round(x * 10) / 10;

/** The floor: one message from an HTTP request to N listeners of a bare Hono SSE server. */
async function baseline(n: number): Promise<{ p99: number; max: number }> {
  const listeners = new Set<(s: string) => void>();
  const app = new Hono();
  app.get('/live', (c) => streamSSE(c, async (stream) => {
    const fn = (s: string) => void stream.writeSSE({ event: 'update', data: s });
    listeners.add(fn);
    await stream.writeSSE({ event: 'snapshot', data: 'null' });
    await new Promise<void>((r) => stream.onAbort(() => r()));
    listeners.delete(fn);
  }));
  app.post('/send', (c) => {
    for (const fn of listeners) fn(JSON.stringify({ payload: { done: true } }));
    return c.json({ ok: true });
  });
  const server = await listen({ app });
  try {
    const clients = await Promise.all(Array.from({ length: n }, () => sse(`${server.url}/live`, { cookie: '' })));
    await Promise.all(clients.map((c) => c.next((e) => e.event === 'snapshot')));
    const t0 = performance.now();
    await fetch(`${server.url}/send`, { method: 'POST' });
    const lat = await Promise.all(clients.map((c) => c.next((e) => e.event === 'update').then(() => performance.now() - t0)));
    for (const c of clients) c.close();
    return { p99: p99(lat), max: Math.max(...lat) };
  } finally {
    await server.close();
  }
}

async function one(label: string, database: Database, n: number, base: { p99: number; max: number }, log: (s: string) => void): Promise<Row[]> {
  const now = new Date();
  const ids = await seedDemo(database.db, now);
  const app = createApp({ db: database.db, dbKind: database.kind, clock: () => new Date(), config: { publicUrl: 'http://localhost:3000', secureCookies: false } });
  const server = await listen({ app });
  try {
    const councilId = ids.get('council:sa-huynh')!;
    const [s] = await database.db.select().from(councilSessions).where(and(eq(councilSessions.councilId, councilId), ne(councilSessions.state, 'closed'))).orderBy(asc(councilSessions.openingDate)).limit(1);
    const ctx = { db: database.db, actor: SYSTEM_ACTOR, now };
    for (const set of await ruleSetsOf(database.db, councilId)) {
      await saveProfile(ctx, councilId, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { ...set.profile.chamber, seats: n } } });
    }
    log(`  ${label}: ${n} delegates with accounts…`);
    const ds = await ensureDelegates(database.db, councilId, s!.termId, n);
    const users = await delegateAccounts(database.db, councilId, ds);
    await checkIn(database.db, councilId, s!.id, ds);
    await startSession(database.db, councilId, s!.id);
    const heads: Record<string, string>[] = [];
    // Set-up (not measured) in small batches, retrying a busy answer: the request line is the production one.
    const retry = async <T>(f: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await f();
        } catch (err) {
          if (!/503/.test(String(err)) || attempt > 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    for (let i = 0; i < users.length; i += 4) heads.push(...(await Promise.all(users.slice(i, i + 4).map((u) => retry(() => httpLogin(server.url, u))))));
    const vp = await httpLogin(server.url, 'vp.sahuynh');
    const post = async (h: Record<string, string>, path: string, body: unknown = {}) => {
      const r = await fetch(`${server.url}/api${path}`, { method: 'POST', headers: h, body: JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    };
    // N screens follow the session.
    const screens = [];
    for (let i = 0; i < n; i += 10) screens.push(...(await Promise.all(heads.slice(i, i + 10).map((h) => retry(() => sse(`${server.url}/api/councils/${councilId}/sessions/${s!.id}/votes/live`, h))))));
    await Promise.all(screens.map((c) => c.next((e) => e.event === 'snapshot')));
    const v = (await post(vp, `/councils/${councilId}/sessions/${s!.id}/votes`, { kind: 'motion', title: 'Biểu quyết đo hiệu năng', method: 'secret' })).body as { id: string };
    await post(vp, `/councils/${councilId}/votes/${v.id}/open`);
    // Everyone votes at once; a 503 (the PGlite request line full) is retried with the same key.
    let retries = 0;
    const profileDir = process.env.BENCH_CPU_PROFILE;
    const inspector = profileDir ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    }
    const tVote = performance.now();
    const lat = await Promise.all(heads.map(async (h, i) => {
      const key = randomUUID();
      const t = performance.now();
      for (let attempt = 0; ; attempt++) {
        const r = await post(h, `/councils/${councilId}/votes/${v.id}/ballot`, { choice: i % 3 === 0 ? 'against' : 'for', idempotencyKey: key });
        if (r.status === 200) return performance.now() - t;
        if (r.status !== 503 || attempt > 50) throw new Error(`ballot ${r.status}: ${JSON.stringify(r.body)}`);
        retries++;
        await new Promise((res) => setTimeout(res, 50 + Math.random() * 200));
      }
    }));
    const voteMs = performance.now() - tVote;
    if (inspector) {
      const { profile } = await inspector.post('Profiler.stop');
      fs.mkdirSync(profileDir!, { recursive: true });
      fs.writeFileSync(path.join(profileDir!, `${label}-${n}-ballots.cpuprofile`), JSON.stringify(profile));
      inspector.disconnect();
    }
    // Close: every screen must show the closed vote.
    const t0 = performance.now();
    const closing = post(vp, `/councils/${councilId}/votes/${v.id}/close`);
    const upd = await Promise.all(screens.map((c) => c.next((e) => e.event === 'update' && e.data.payload?.vote?.id === v.id && e.data.payload.vote.state === 'closed').then((e) => {
      if (e.data.payload.vote.result.counts.for + e.data.payload.vote.result.counts.against !== n) throw new Error('a screen shows a wrong count');
      return performance.now() - t0;
    })));
    const closed = await closing;
    if (closed.status !== 200 || closed.body.roll.voted !== n) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body).slice(0, 300)}`);
    for (const c of screens) c.close();
    const closeP99 = p99(upd);
    log(`  ${label}: ${n} ballots in ${ms(voteMs)} ms (p99 ${ms(p99(lat))} ms, ${retries} retried after 503); close → ${n} screens p99 ${ms(closeP99)} ms, max ${ms(Math.max(...upd))} ms`);
    return [
      { metric: `${label}: ${n} ballots at once, all counted`, value: ms(voteMs), baseline: 10_000, ratio: Math.round((voteMs / 10_000) * 100) / 100, unit: 'ms', note: `goal ≤ 10 s (baseline column); ballot p99 ${ms(p99(lat))} ms; ${retries} retries after 503` },
      { metric: `${label}: close → ${n} screens, p99`, value: ms(closeP99), baseline: ms(base.p99), ratio: base.p99 ? Math.round((closeP99 / base.p99) * 10) / 10 : null, unit: 'ms', note: `goal ≤ 1000 ms; baseline: bare Hono SSE broadcast to ${n}` },
      { metric: `${label}: close → ${n} screens, max`, value: ms(Math.max(...upd)), baseline: ms(base.max), ratio: base.max ? Math.round((Math.max(...upd) / base.max) * 10) / 10 : null, unit: 'ms', note: '' },
    ];
  } finally {
    await server.close();
  }
}

export async function runChamberVotesBench(opts: { quick?: boolean; log?: (s: string) => void } = {}): Promise<Row[]> {
  const log = opts.log ?? console.log;
  const n = opts.quick ? 100 : 500;
  const base = await baseline(n);
  log(`  baseline: bare Hono SSE broadcast to ${n} listeners p99 ${ms(base.p99)} ms`);
  const out: Row[] = [];
  const lite = await openMemoryDatabase();
  try {
    out.push(...(await one('PGlite', lite, n, base, log)));
  } finally {
    await lite.close();
  }
  const adminUrl = process.env.NT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    log('  PostgreSQL: not reachable — chamber votes bench NOT run on PostgreSQL');
    return out;
  }
  const name = `nt_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      out.push(...(await one('PostgreSQL', database, n, base, log)));
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runChamberVotesBench({ quick: process.argv.includes('--quick') || process.env.BENCH_QUICK === '1' });
  for (const r of rows) console.log(`${r.metric}: ${r.value} ${r.unit} (baseline ${r.baseline ?? '–'}, ×${r.ratio ?? '–'}) ${r.note}`);
  process.exit(0);
}

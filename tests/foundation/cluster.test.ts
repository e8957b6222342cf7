// `nghitruong serve` on PostgreSQL with several server processes (src/cli/serve.ts, NT_WORKERS): the
// real command on a fresh database with the demo data, two workers sharing the port. New connections
// are spread over the workers; each answer names its worker (x-nt-worker, NT_BENCH=1 only).
// A role revoked, a setting changed or a live event caused through one worker is seen through the
// other on its next request; the statement count the bench reads is every worker's; a killed worker
// is replaced; SIGTERM to the primary ends every process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dbKinds } from '../support/db.ts';
import { poolSizeFor, workerCount } from '../../src/cli/serve.ts';
import { freePort } from '../support/ports.ts';

const PASSWORD = 'NghiTruong@2026';

describe('how many server processes', () => {
  it('NT_WORKERS on PostgreSQL, one per core by default; PGlite always one, with a note when more were asked for', () => {
    const url = 'postgres://x@127.0.0.1/db';
    expect(workerCount({ NT_WORKERS: '3' }, url)).toBe(3);
    expect(workerCount({}, url)).toBeGreaterThanOrEqual(1);
    expect(() => workerCount({ NT_WORKERS: 'hai' }, url)).toThrow(/NT_WORKERS không hợp lệ/);
    expect(() => workerCount({ NT_WORKERS: '0' }, url)).toThrow(/NT_WORKERS không hợp lệ/);
    const said: string[] = [];
    const log = console.log;
    console.log = (s: string) => said.push(s);
    try {
      expect(workerCount({ NT_WORKERS: '4' }, undefined)).toBe(1);
      expect(workerCount({}, undefined)).toBe(1);
    } finally {
      console.log = log;
    }
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('PGlite chỉ dùng được trong một tiến trình');
    // One process keeps its pool of 10; all workers' pools, with each one's listening and
    // version-reading connections, stay under PostgreSQL's default limit of 100 up to 16 workers.
    expect(poolSizeFor(1)).toBe(10);
    for (const n of [2, 4, 8, 16]) expect(n * (poolSizeFor(n) + 2)).toBeLessThan(100);
  });
});


interface Answer {
  status: number;
  worker: string;
  body: any;
}

/**
 * One request. Without an agent, on a new connection (the kernel gives it to one of the workers);
 * with one, on that agent's kept-alive connection (the same worker).
 */
function request(port: number, method: string, p: string, o: { cookie?: string; csrf?: string; body?: unknown; agent?: http.Agent } = {}): Promise<Answer> {
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1', port, method, path: `/api${p}`, agent: o.agent ?? false,
        headers: {
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(o.csrf ? { 'x-csrf-token': o.csrf } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, worker: String(res.headers['x-nt-worker']), body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The live child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.runIf(dbKinds().includes('postgres'))('serve with two worker processes on PostgreSQL [postgres]', () => {
  const adminUrl = process.env.NT_TEST_PG_URL!;
  const name = `nt_test_cluster_${randomBytes(4).toString('hex')}`;
  let server: ChildProcess;
  let port: number;
  let output = '';
  let workers: string[] = [];

  /** Requests on new connections until `want` distinct workers answered; every answer checked by `check`. */
  async function everyWorker(method: string, p: string, o: Parameters<typeof request>[3], check: (a: Answer) => void, want = 2): Promise<Answer[]> {
    const seen = new Map<string, Answer>();
    for (let i = 0; seen.size < want && i < 20; i++) {
      const a = await request(port, method, p, o);
      check(a);
      seen.set(a.worker, a);
    }
    expect(seen.size).toBe(want);
    return [...seen.values()];
  }

  /** A kept-alive connection served by `worker` (new connections until one lands on it). */
  async function connectionTo(worker: string): Promise<http.Agent> {
    for (let i = 0; i < 20; i++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const a = await request(port, 'GET', '/health', { agent });
      if (a.worker === worker) return agent;
      agent.destroy();
    }
    throw new Error(`no connection reached worker ${worker}`);
  }

  async function login(username: string) {
    const r = await new Promise<{ cookie: string }>((resolve, reject) => {
      const body = JSON.stringify({ username, password: PASSWORD });
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve({ cookie: res.headers['set-cookie']![0]!.split(';')[0]! }) : reject(new Error(`login ${username}: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
    const me = await request(port, 'GET', '/auth/me', { cookie: r.cookie });
    return { cookie: r.cookie, csrf: me.body.csrfToken as string, id: me.body.id as string, councilId: me.body.councils[0]?.id as string, grants: me.body.grants as { id: string; role: string; councilId: string | null }[] };
  }

  /** The statement count the primary prints on SIGUSR2 (the bench's reading). */
  function statements(): Promise<number> {
    const from = output.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no statement count after SIGUSR2:\n${output.slice(from)}`)), 10_000);
      const onData = () => {
        const m = /\[đo\] câu lệnh CSDL đã gửi: (\d+)/.exec(output.slice(from));
        if (m) {
          clearTimeout(timer);
          server.stdout!.off('data', onData);
          resolve(Number(m[1]));
        }
      };
      server.stdout!.on('data', onData);
      server.kill('SIGUSR2');
    });
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    port = await freePort();
    server = spawn(process.execPath, [path.resolve('bin/nghitruong.js'), 'serve', '--demo'], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), NT_WORKERS: '2', NT_BENCH: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/đang chạy tại/.test(output)) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      server.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`serve exited with ${code}:\n${output}`));
      });
    });
    workers = childrenOf(server.pid!).map(String).sort();
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      for (const pid of childrenOf(server.pid!)) process.kill(pid, 'SIGKILL');
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end();
    }
  });

  it('migrates and seeds once in the primary, then answers through two worker processes, said once when both listen', async () => {
    expect(output.match(/đang chạy tại/g)).toHaveLength(1);
    expect(output).toContain(`http://localhost:${port} (2 tiến trình phục vụ)`);
    expect(output.match(/đang nạp dữ liệu mẫu/g)).toHaveLength(1);
    expect(workers).toHaveLength(2);
    const answers = await everyWorker('GET', '/health', {}, (a) => expect(a.status).toBe(200));
    expect(answers.map((a) => a.worker).sort()).toEqual(workers);
  });

  it('a role revoked or given back, a setting changed, through one worker: the next request to either sees it', async () => {
    const vp = await login('vp.sahuynh');
    const admin = await login('admin');
    const list = `/councils/${vp.councilId}/petitions?status=dispatched`;
    await everyWorker('GET', list, { cookie: vp.cookie }, (a) => expect(a.status).toBe(200));
    const grant = vp.grants.find((g) => g.councilId === vp.councilId)!;
    const revoked = await request(port, 'DELETE', `/users/${vp.id}/grants/${grant.id}`, { cookie: admin.cookie, csrf: admin.csrf });
    expect(revoked.status).toBe(200);
    // The very next request, on the worker that did not revoke, and then on both.
    const other = await connectionTo(workers.find((w) => w !== revoked.worker)!);
    expect((await request(port, 'GET', list, { cookie: vp.cookie, agent: other })).status).toBe(403);
    await everyWorker('GET', list, { cookie: vp.cookie }, (a) => expect(a.status).toBe(403));
    const given = await request(port, 'POST', `/users/${vp.id}/grants`, { cookie: admin.cookie, csrf: admin.csrf, body: { role: grant.role, councilId: vp.councilId } });
    expect(given.status).toBe(201);
    await everyWorker('GET', list, { cookie: vp.cookie }, (a) => expect(a.status).toBe(200));

    const settings = `/councils/${vp.councilId}/petition-settings`;
    const before = await request(port, 'GET', settings, { cookie: vp.cookie, agent: other });
    const days = before.body.thresholds.dueSoonWorkingDays === 5 ? 7 : 5;
    const put = await request(port, 'PUT', settings, { cookie: vp.cookie, csrf: vp.csrf, body: { thresholds: { dueSoonWorkingDays: days } } });
    expect(put.status).toBe(200);
    const otherOfPut = await connectionTo(workers.find((w) => w !== put.worker)!);
    expect((await request(port, 'GET', settings, { cookie: vp.cookie, agent: otherOfPut })).body.thresholds.dueSoonWorkingDays).toBe(days);
    await everyWorker('GET', settings, { cookie: vp.cookie }, (a) => expect(a.body.thresholds.dueSoonWorkingDays).toBe(days));
    other.destroy();
    otherOfPut.destroy();
  });

  it('a live stream opened on one worker receives the event of a change made through the other', async () => {
    const vp = await login('vp.sahuynh');
    const base = `/councils/${vp.councilId}/chamber/sessions`;
    const sessions = (await request(port, 'GET', base, { cookie: vp.cookie })).body.items as { id: string; state: string }[];
    const next = sessions.find((s) => ['planned', 'convened', 'inProgress'].includes(s.state))!;
    const session = next.id;
    // Attendance is taken once the session is convened (the next one in the demo data is planned).
    if (next.state === 'planned') {
      const convened = await request(port, 'POST', `/councils/${vp.councilId}/sessions/${session}/transition`, { cookie: vp.cookie, csrf: vp.csrf, body: { action: 'convene' } });
      expect(convened.status).toBe(200);
    }
    const delegate = (await request(port, 'GET', `${base}/${session}/attendance?pageSize=1`, { cookie: vp.cookie })).body.items[0].delegateId as string;
    let received = '';
    let streamWorker = '';
    const stream = http.request({ host: '127.0.0.1', port, path: `/api${base}/${session}/floor/live`, agent: false, headers: { cookie: vp.cookie } });
    const opened = new Promise<void>((resolve, reject) => {
      stream.on('response', (res) => {
        streamWorker = String(res.headers['x-nt-worker']);
        res.setEncoding('utf8');
        res.on('data', (d) => {
          received += d;
          if (received.includes('event: snapshot')) resolve();
        });
      });
      stream.on('error', reject);
    });
    stream.end();
    await opened;
    try {
      const writer = await connectionTo(workers.find((w) => w !== streamWorker)!);
      const put = await request(port, 'PUT', `${base}/${session}/attendance/${delegate}`, { cookie: vp.cookie, csrf: vp.csrf, body: { status: 'online' }, agent: writer });
      expect([put.status, put.body?.error?.message]).toEqual([200, undefined]);
      expect(put.worker).not.toBe(streamWorker);
      await expect.poll(() => received).toContain('"what":"attendance"');
      writer.destroy();
    } finally {
      stream.destroy();
    }
  });

  it('the progress of an import served by one worker is read through the other', async () => {
    const vp = await login('vp.sahuynh');
    const base = `/councils/${vp.councilId}`;
    const round = await request(port, 'POST', `${base}/petition-rounds`, { cookie: vp.cookie, csrf: vp.csrf, body: { name: 'Đợt nhập thử nhiều tiến trình', kind: 'continuous', startDate: '2026-11-01' } });
    expect(round.status).toBe(201);
    const form = new FormData();
    const csv = ['STT,Họ và tên,Thôn,Nội dung ý kiến, kiến nghị', ...Array.from({ length: 30 }, (_, i) => `${i + 1},Nguyễn Văn ${i},Thôn ${i % 3},"Đề nghị sửa đường liên thôn số ${i} bị xuống cấp"`)].join('\n');
    form.set('file', new Blob([csv]), 'y-kien.csv');
    form.set('roundId', round.body.id);
    form.set('mode', 'preview');
    form.set('jobId', 'cluster-progress-1');
    const res = await fetch(`http://127.0.0.1:${port}/api${base}/opinions/import`, { method: 'POST', body: form, headers: { cookie: vp.cookie, 'x-csrf-token': vp.csrf } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: 'preview', total: 30 });
    const other = await connectionTo(workers.find((w) => w !== res.headers.get('x-nt-worker'))!);
    // Through PostgreSQL (LISTEN/NOTIFY): the last report may still be on its way when the answer arrives.
    await expect
      .poll(async () => (await request(port, 'GET', `${base}/opinions/import-progress/cluster-progress-1`, { cookie: vp.cookie, agent: other })).body)
      .toEqual({ phase: 'done', label: 'Đã đọc xong tệp', done: 30, total: 30 });
    // Another user never reads it, on either worker.
    const admin = await login('admin');
    await everyWorker('GET', `${base}/opinions/import-progress/cluster-progress-1`, { cookie: admin.cookie }, (a) => expect(a.body?.phase).not.toBe('done'));
    other.destroy();
  });

  it('a progress report from another server reaches every worker through PostgreSQL, and a late one never replaces a newer one', async () => {
    const vp = await login('vp.sahuynh');
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // Another app process on the same database (a second server behind the proxy) reports twice;
    // PostgreSQL delivers its newer report first.
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    const report = (job: string, seq: number, done: number) =>
      db.query('select pg_notify($1, $2)', ['nt_live', JSON.stringify({ channel: 'app:job-progress', payload: { key: `${vp.id}\u0000${job}`, progress: { phase: 'writing', label: 'Đang ghi ý kiến', done, total: 20000 }, from: 'another-server', seq } })]);
    try {
      await report('other-server-job', 7, 12000);
      await report('other-server-job', 6, 11000);
      // Delivered in order: once a worker has this one, it has had both above.
      await report('marker-job', 8, 1);
    } finally {
      await db.end();
    }
    const read = (job: string, agent: http.Agent) => request(port, 'GET', `/councils/${vp.councilId}/opinions/import-progress/${job}`, { cookie: vp.cookie, agent });
    for (const w of workers) {
      const agent = await connectionTo(w);
      await expect.poll(async () => (await read('marker-job', agent)).body?.done).toBe(1);
      expect((await read('other-server-job', agent)).body).toEqual({ phase: 'writing', label: 'Đang ghi ý kiến', done: 12000, total: 20000 });
      agent.destroy();
    }
  });

  it('SIGUSR2 on the primary prints the statements of every worker, summed', async () => {
    const vp = await login('vp.sahuynh');
    const list = `/councils/${vp.councilId}/petitions?status=dispatched`;
    for (const w of workers) {
      const agent = await connectionTo(w);
      const before = await statements();
      for (let i = 0; i < 20; i++) expect((await request(port, 'GET', list, { cookie: vp.cookie, agent })).worker).toBe(w);
      // Each list request sends at least its page statement, whichever worker serves it.
      expect((await statements()) - before).toBeGreaterThanOrEqual(20);
      agent.destroy();
    }
  });

  it('a second server on the same port is refused (the workers share it only with each other)', async () => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const second = spawn(process.execPath, [path.resolve('bin/nghitruong.js'), 'serve'], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), NT_WORKERS: '2', NT_BENCH: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    second.stdout!.on('data', (d) => (said += d));
    second.stderr!.on('data', (d) => (said += d));
    const code = await new Promise<number | null>((r) => second.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(said).toContain(`Cổng ${port} đang được một chương trình khác sử dụng`);
    expect(said).not.toContain('đang chạy tại');
  }, 60_000);

  it('a killed worker is replaced; SIGTERM to the primary ends every process', async () => {
    const [victim, survivor] = childrenOf(server.pid!);
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => childrenOf(server.pid!).filter((p) => p !== victim).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => output).toMatch(new RegExp(`Tiến trình phục vụ ${victim} đã dừng \\(tín hiệu SIGKILL\\); khởi động tiến trình thay thế`));
    const replacement = childrenOf(server.pid!).find((p) => p !== survivor)!;
    // The replacement serves once it listens.
    await expect.poll(async () => (await everyWorker('GET', '/health', {}, () => {})).map((a) => a.worker).sort(), { timeout: 60_000 }).toEqual([String(survivor), String(replacement)].sort());
    const all = [server.pid!, ...childrenOf(server.pid!)];
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect.poll(() => all.filter(alive)).toEqual([]);
  }, 120_000);
});

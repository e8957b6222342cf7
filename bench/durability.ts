// What durability costs on the embedded database: single-row committed writes per second on a
// PGlite data directory as Nghị Trường opens it (fsync on, WAL synced before COMMIT returns),
// against PGlite's defaults (fsync off: nothing reaches the disk until the OS flushes), measured
// on the same directory in the same run. Also counts the fsync calls per commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { DurableNodeFS, durableStartParams } from '../src/db/durableFs.ts';
import type { Row } from './text/quality.ts';

async function commitsPerSecond(pg: PGlite, n: number): Promise<number> {
  await pg.exec('create table if not exists bench_writes (id serial primary key, body text not null)');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await pg.query('insert into bench_writes (body) values ($1)', [`kiến nghị ${i}`]);
  return Math.round(n / ((performance.now() - t0) / 1000));
}

export async function runDurabilityBench(opts: { writes?: number } = {}): Promise<Row[]> {
  const n = opts.writes ?? 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-bench-durable-'));
  try {
    const pgdata = path.join(dir, 'pgdata');
    const plain = await PGlite.create({ fs: new NodeFS(pgdata) });
    const baseline = await commitsPerSecond(plain, n);
    await plain.close();
    let fsyncs = 0;
    const real = fs.fsyncSync;
    fs.fsyncSync = (fd) => {
      fsyncs++;
      real(fd);
    };
    let ours: number;
    try {
      const durable = await PGlite.create({ fs: new DurableNodeFS(pgdata), startParams: durableStartParams() });
      fsyncs = 0;
      ours = await commitsPerSecond(durable, n);
      const perCommit = fsyncs / n;
      await durable.close();
      const ratio = Math.round((ours / baseline) * 100) / 100;
      const rows: Row[] = [
        { metric: 'PGlite committed writes/s (durable)', value: ours, baseline, ratio, unit: '/s', note: `baseline: PGlite defaults (fsync off); ${n} single-row commits` },
        { metric: 'fsync calls per commit', value: Math.round(perCommit * 100) / 100, baseline: 0, ratio: null, unit: '', note: 'baseline: PGlite defaults call none' },
      ];
      for (const r of rows) console.log(`  ${r.metric}: ${r.value}${r.unit} (baseline ${r.baseline})`);
      return rows;
    } finally {
      fs.fsyncSync = real;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDurabilityBench();

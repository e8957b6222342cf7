/**
 * First-page bench: Lighthouse (mobile, simulated Slow 4G) on the login page and the public page,
 * beside the app shell (index.html with Ant Design, opening at / and showing the login inside the
 * app) measured in the same run, against the real server with the demo data and the built client.
 * Runs offline with Debian's Chromium. `node bench/firstPage.ts` runs this section alone.
 *
 * CPU: Lighthouse's default 4× slowdown is calibrated for a high-end desktop (BenchmarkIndex
 * 1500–2000, docs/throttling.md). Each page is measured at 4× and, when the host's BenchmarkIndex
 * says it is slower than that (a loaded shared machine), also at a multiplier scaled to the host:
 * index / 375, at least 1 (375 = 1500 / 4, the mid-tier phone the 4× aims at). BENCH_LH_CPU sets it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import type { Row } from './text/quality.ts';
import { buildWebIfStale } from '../scripts/buildWeb.ts';
import { CHROMIUM_PATH, startServer } from '../tests/e2e/support.ts';

/** Lighthouse's mobile preset (mobileSlow4G) with a chosen CPU slowdown. */
function settings(cpuSlowdownMultiplier: number) {
  return {
    onlyCategories: ['performance'],
    formFactor: 'mobile' as const,
    throttlingMethod: 'simulate' as const,
    throttling: { rttMs: 150, throughputKbps: 1638.4, requestLatencyMs: 562.5, downloadThroughputKbps: 1474.56, uploadThroughputKbps: 675, cpuSlowdownMultiplier },
  };
}

interface Measure {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  kb: number;
  scriptKb: number;
  benchmarkIndex: number;
}

async function launchChromium(): Promise<{ port: number; proc: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-lh-'));
  const proc = spawn(CHROMIUM_PATH, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank',
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)));
  });
  return { port, proc, dir };
}

async function measure(url: string, port: number, cpu: number): Promise<Measure> {
  const result = await lighthouse(url, { port, logLevel: 'error', output: 'json' }, { extends: 'lighthouse:default', settings: settings(cpu) });
  const lhr = result!.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: Math.round(num('first-contentful-paint')),
    lcp: Math.round(num('largest-contentful-paint')),
    tbt: Math.round(num('total-blocking-time')),
    kb: Math.round(num('total-byte-weight') / 102.4) / 10,
    scriptKb: Math.round(requests.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0) / 102.4) / 10,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

const ratio = (v: number, b: number) => (b ? Math.round((v / b) * 100) / 100 : null);

export async function runFirstPageBench(): Promise<Row[]> {
  buildWebIfStale();
  const server = await startServer();
  const chrome = await launchChromium();
  try {
    const council = server.ids.get('council:sa-huynh')!;
    const pages = [
      { name: 'login page', url: `${server.baseUrl}/login` },
      { name: 'public page', url: `${server.baseUrl}/cong-khai/${council}` },
    ];
    const baselineUrl = `${server.baseUrl}/`;
    // Warm-up (first Chromium start, server JIT), not counted.
    await measure(pages[0]!.url, chrome.port, 4);
    const base4 = await measure(baselineUrl, chrome.port, 4);
    const fixed = Number(process.env.BENCH_LH_CPU);
    const calibrated = fixed > 0 ? fixed : Math.max(1, Math.round((base4.benchmarkIndex / 375) * 10) / 10);
    const cpus = calibrated === 4 ? [4] : [4, calibrated];
    console.log(`  host BenchmarkIndex ${base4.benchmarkIndex} → CPU slowdown ${cpus.map((c) => `${c}×`).join(' and ')}`);
    const rows: Row[] = [];
    for (const cpu of cpus) {
      const base = cpu === 4 ? base4 : await measure(baselineUrl, chrome.port, cpu);
      const tag = `${cpu}× CPU`;
      const note = `baseline: app shell at / (BenchmarkIndex ${base.benchmarkIndex})`;
      for (const p of pages) {
        const m = await measure(p.url, chrome.port, cpu);
        const line = (metric: string, value: number, b: number, unit: string) => rows.push({ metric: `${p.name}: ${metric} (${tag})`, value, baseline: b, ratio: ratio(value, b), unit, note });
        line('Lighthouse performance', m.score, base.score, '');
        line('First Contentful Paint', m.fcp, base.fcp, 'ms');
        line('Largest Contentful Paint', m.lcp, base.lcp, 'ms');
        line('Total Blocking Time', m.tbt, base.tbt, 'ms');
        line('transferred', m.kb, base.kb, 'KB');
        line('script transferred', m.scriptKb, base.scriptKb, 'KB');
      }
    }
    return rows;
  } finally {
    chrome.proc.kill();
    await server.close();
    fs.rmSync(chrome.dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const rows = await runFirstPageBench();
  for (const r of rows) console.log(`${r.metric.padEnd(58)} ${`${r.value} ${r.unit}`.padEnd(12)} baseline ${String(r.baseline).padEnd(8)} ×${r.ratio}  ${r.note}`);
  process.exit(0);
}

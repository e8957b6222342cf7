/**
 * A small HTTP load generator for the throughput bench: N keep-alive connections on loopback, each
 * sending its next request as soon as the previous answer is read, for a bounded time. Reports
 * requests per second, latency percentiles, errors (non-2xx other than 503), refusals (503: the
 * server turned the request away at once) and time-outs (no answer in time). A refused connection
 * waits as its Retry-After says before its next request, as a person told to retry would. With a
 * probe path, one more connection sends it every 50 ms: how long the server keeps a request that
 * needs no database waiting (the event loop's delay).
 */
import http from 'node:http';

export interface LoadResult {
  /** Answered with 2xx. */
  requests: number;
  /** 2xx answers per second. */
  rps: number;
  /** Latency of the 2xx answers. */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** 503 answers (refused at once); their latency is not in the percentiles. */
  refused: number;
  refusedP99: number;
  timeouts: number;
  /** The probe's latency, when one was asked for. */
  probeP99?: number;
  probeMax?: number;
}

export interface LoadOptions {
  port: number;
  /** Request paths, taken in turn by each connection. */
  paths: string[];
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  /** A request without an answer after this long counts as a time-out (default 10 s). */
  timeoutMs?: number;
  /** Several servers: connections are spread over their ports. */
  ports?: number[];
  /** A path that needs no database, asked every 50 ms by one more connection (first port). */
  probe?: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Outcome = { kind: 'ok' | 'error' | 'timeout' } | { kind: 'refused'; retryAfterMs: number };

function once(agent: http.Agent, port: number, path: string, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const status = res.statusCode!;
        if (status === 503) resolve({ kind: 'refused', retryAfterMs: 1000 * (Number(res.headers['retry-after']) || 1) });
        else resolve({ kind: status >= 200 && status < 300 ? 'ok' : 'error' });
      });
      res.on('error', () => resolve({ kind: 'error' }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ kind: 'timeout' });
    });
    req.on('error', () => resolve({ kind: 'error' }));
    req.end();
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const ports = o.ports ?? [o.port];
  const timeoutMs = o.timeoutMs ?? 10_000;
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(o.connections / ports.length) }));
  const latencies: number[] = [];
  const refusals: number[] = [];
  const probes: number[] = [];
  let errors = 0;
  let timeouts = 0;
  const start = performance.now();
  const end = start + o.durationMs;
  const worker = async (w: number) => {
    const k = w % ports.length;
    let i = w;
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await once(agents[k]!, ports[k]!, o.paths[i++ % o.paths.length]!, o.headers ?? {}, timeoutMs);
      const ms = performance.now() - t0;
      if (r.kind === 'timeout') timeouts++;
      else if (r.kind === 'refused') {
        refusals.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(r.retryAfterMs, Math.max(0, end - performance.now()))));
      } else if (r.kind === 'error') errors++;
      else latencies.push(ms);
    }
  };
  const probe = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (performance.now() < end) {
      const t0 = performance.now();
      await once(agent, ports[0]!, o.probe!, {}, timeoutMs);
      probes.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    agent.destroy();
  };
  await Promise.all([...Array.from({ length: o.connections }, (_, w) => worker(w)), ...(o.probe ? [probe()] : [])]);
  const elapsed = performance.now() - start;
  for (const a of agents) a.destroy();
  for (const xs of [latencies, refusals, probes]) xs.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / elapsed) * 1000),
    p50: r1(percentile(latencies, 50)),
    p99: r1(percentile(latencies, 99)),
    max: r1(latencies[latencies.length - 1] ?? 0),
    errors,
    refused: refusals.length,
    refusedP99: r1(percentile(refusals, 99)),
    timeouts,
    ...(o.probe ? { probeP99: r1(percentile(probes, 99)), probeMax: r1(probes[probes.length - 1] ?? 0) } : {}),
  };
}

/**
 * A small HTTP load generator for the throughput bench: N keep-alive connections on loopback, each
 * sending its next request as soon as the previous answer is read, for a bounded time. Reports
 * requests per second, latency percentiles, errors (non-2xx) and time-outs (no answer in time).
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
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
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function once(agent: http.Agent, port: number, path: string, headers: Record<string, string>, timeoutMs: number): Promise<'ok' | 'error' | 'timeout'> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode! >= 200 && res.statusCode! < 300 ? 'ok' : 'error'));
      res.on('error', () => resolve('error'));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', () => resolve('error'));
    req.end();
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const ports = o.ports ?? [o.port];
  const timeoutMs = o.timeoutMs ?? 10_000;
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.ceil(o.connections / ports.length) }));
  const latencies: number[] = [];
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
      if (r === 'timeout') timeouts++;
      else {
        latencies.push(performance.now() - t0);
        if (r === 'error') errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, (_, w) => worker(w)));
  const elapsed = performance.now() - start;
  for (const a of agents) a.destroy();
  latencies.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / elapsed) * 1000),
    p50: r1(percentile(latencies, 50)),
    p99: r1(percentile(latencies, 99)),
    max: r1(latencies[latencies.length - 1] ?? 0),
    errors,
    timeouts,
  };
}

// An app under test: a fresh database (optionally with the demo data), the HTTP app driven in
// process, a movable clock, and clients that log in as demo users and carry cookie + CSRF token.
import { createApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import type { AppConfig } from '../../src/server/context.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDb, type DbKind } from './db.ts';
import { seededTestDb } from './seedCache.ts';

export interface TestClient {
  username: string;
  csrf: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
  /** Sends multipart/form-data. */
  upload(path: string, form: FormData): Promise<Response>;
}

export interface TestApp {
  kind: DbKind;
  app: ReturnType<typeof createApp>;
  db: Awaited<ReturnType<typeof createTestDb>>['db'];
  /** Where the database is (a PostgreSQL URL: a second app process can open it). */
  where: string;
  ids: Map<string, string>;
  /** Current time seen by the app; tests move it with setNow. */
  now: Date;
  setNow(d: Date | string): void;
  id(key: string): string;
  as(username: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(
  kind: DbKind,
  opts: {
    seed?: boolean;
    config?: Partial<AppConfig>;
    now?: string;
    webRoot?: string;
    /** An already open database (e.g. an embedded data directory). */
    database?: Database;
    /** The data directory the app is told about (the CLI's backup tokens). */
    dataDir?: string;
  } = {},
): Promise<TestApp> {
  const state = { now: new Date(opts.now ?? '2026-11-26T02:00:00Z') };
  let database: Database;
  let ids: Map<string, string>;
  if (opts.database) {
    database = opts.database;
    ids = opts.seed === false ? new Map<string, string>() : await seedDemo(database.db, state.now);
  } else if (opts.seed === false) {
    database = await createTestDb(kind);
    ids = new Map<string, string>();
  } else {
    ({ database, ids } = await seededTestDb(kind, state.now));
  }
  const app = createApp({
    db: database.db,
    dbKind: database.kind,
    clock: () => state.now,
    // A loaded CI machine must not turn concurrent test requests into 503s: the refusal itself is
    // tested with its own limit (tests/foundation/fairQueue.test.ts).
    config: { publicUrl: 'http://localhost:3000', secureCookies: false, queueMaxWaitMs: 60_000, ...opts.config },
    dataDir: opts.dataDir,
  }, { webRoot: opts.webRoot });

  const client = (username: string, cookie: string, csrf: string): TestClient => {
    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (csrf && !('x-csrf-token' in headers)) h['x-csrf-token'] = csrf;
      let payload: BodyInit | undefined;
      if (body instanceof FormData) payload = body;
      else if (typeof body === 'string') {
        payload = body;
        h['content-type'] ??= 'application/json';
      } else if (body !== undefined) {
        payload = JSON.stringify(body);
        h['content-type'] = 'application/json';
      }
      return app.request(path, { method, headers: h, body: payload });
    };
    return {
      username,
      csrf,
      request,
      get: (p) => request('GET', p),
      post: (p, b) => request('POST', p, b ?? {}),
      patch: (p, b) => request('PATCH', p, b ?? {}),
      put: (p, b) => request('PUT', p, b ?? {}),
      delete: (p) => request('DELETE', p),
      upload: (p, form) => request('POST', p, form),
    };
  };

  return {
    kind,
    app,
    db: database.db,
    where: database.where,
    ids,
    get now() {
      return state.now;
    },
    setNow(d) {
      state.now = typeof d === 'string' ? new Date(d) : d;
    },
    id(key) {
      const v = ids.get(key);
      if (!v) throw new Error(`No demo id "${key}"`);
      return v;
    },
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const me = (await (await app.request('/api/auth/me', { headers: { cookie } })).json()) as { csrfToken: string };
      return client(username, cookie, me.csrfToken);
    },
    anonymous: () => client('(không đăng nhập)', '', ''),
    close: () => database.close(),
  };
}

/**
 * The third argument of app.request that makes a request arrive from `address`, as
 * @hono/node-server passes the socket (clientAddress reads it).
 */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}

/** Runs a describe block once per available database. */
export function eachDb(fn: (kind: DbKind) => void, kinds: DbKind[]): void {
  for (const k of kinds) fn(k);
}

// Generated bad input on every write route of the route registry (new routes are covered
// automatically): wrong types, NUL, lone surrogates, huge numbers, 1 MB strings, unknown ids, a
// NUL in the query string. The admin (who passes every permission check) sends them, so they
// reach validation and the actions. Never a 5xx; invalid text is always a 400; and after every
// rejection the whole database is exactly as before (a fingerprint of every table's rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { routeRegistry, type RouteMeta } from '../../src/server/route.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { FIXED_PARAMS, realIds } from '../support/realIds.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Tables a request may legitimately touch without changing data (login sessions). */
const UNWATCHED = new Set(['auth_sessions']);

const MB_STRING = 'x'.repeat(1_000_000);

for (const kind of dbKinds()) {
  describe(`fuzz every write route [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let doc: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };
    let fingerprintSql: string;
    const real = new Map<string, string>();

    // Cheap first: no write transaction since the last look (the next transaction id is the same)
    // means nothing can have changed; only then is every table's rows hashed.
    let lastXmax = '';
    let lastRows: unknown[] = [];
    const fingerprint = async () => {
      const x = ((await t.db.execute(sql`select txid_snapshot_xmax(txid_current_snapshot())::text as x`)).rows[0] as { x: string }).x;
      if (x !== lastXmax) {
        lastRows = (await t.db.execute(sql.raw(fingerprintSql))).rows;
        lastXmax = x;
      }
      return lastRows;
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
      doc = await (await admin.get('/api/openapi.json')).json();
      const tables = (await t.db.execute(sql`select table_name::text as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).rows as { name: string }[];
      fingerprintSql = tables
        .filter((r) => !UNWATCHED.has(r.name))
        .map((r) => `select '${r.name}' as t, count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${r.name}" x`)
        .join(' union all ');
      // Compared row by row: one order whatever plan PostgreSQL picks for the union (parallel append).
      fingerprintSql = `select * from (${fingerprintSql}) f order by t`;
      for (const [k, v] of await realIds(t)) real.set(k, v);
    }, 240_000);
    afterAll(() => t?.close());

    const resolve = (s: Schema | undefined): Schema => {
      let cur = s ?? {};
      for (let i = 0; cur.$ref && i < 10; i++) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
      const alt = cur.anyOf ?? cur.oneOf;
      if (alt) return resolve(alt.find((a) => resolve(a).type !== 'null') ?? alt[0]);
      if (cur.allOf?.length) return resolve(cur.allOf[0]);
      return cur;
    };
    const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type);

    /** A plausible value for a schema: required fields filled, ids random (so they are unknown). */
    const sample = (raw: Schema | undefined, depth = 0): unknown => {
      const s = resolve(raw);
      if (s.enum?.length) return s.enum[0];
      switch (typeOf(s)) {
        case 'string':
          if (s.format === 'uuid') return randomUUID();
          if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-11-20';
          return 'Thử nghiệm';
        case 'integer':
        case 'number':
          return Math.max(1, s.minimum ?? 1);
        case 'boolean':
          return false;
        case 'array':
          return depth < 3 && (s.minItems ?? 0) > 0 ? [sample(s.items, depth + 1)] : [];
        case 'object': {
          const out: Record<string, unknown> = {};
          for (const k of s.required ?? []) out[k] = sample(s.properties?.[k], depth + 1);
          return out;
        }
        default:
          return 'Thử nghiệm';
      }
    };

    type Variant = { label: string; body?: unknown; form?: FormData; query?: string; realIds: boolean; mustBe400?: boolean };

    function variants(route: RouteMeta): Variant[] {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      const content = op?.requestBody?.content ?? {};
      const out: Variant[] = [{ label: 'NUL in the query string', query: '?q=%00', realIds: false, body: {}, mustBe400: true }];
      if (content['multipart/form-data']) {
        const props = Object.keys(resolve(content['multipart/form-data'].schema).properties ?? {});
        const form = (fill: (f: FormData) => void) => {
          const f = new FormData();
          fill(f);
          return f;
        };
        out.push({ label: 'empty form', form: form(() => {}), realIds: true });
        out.push({ label: 'a file that is no spreadsheet or document', form: form((f) => f.set('file', new File([new Uint8Array([0x4d, 0x5a, 1, 2, 3])], 'tep.pdf', { type: 'application/pdf' }))), realIds: true });
        const field = props.find((p) => p !== 'file');
        if (field) out.push({ label: `NUL in form field ${field}`, form: form((f) => f.set(field, 'a\u0000b')), realIds: true, mustBe400: true });
        out.push({ label: 'unknown ids', form: form(() => {}), realIds: false });
        return out;
      }
      const schemaRaw = content['application/json']?.schema;
      if (!schemaRaw) {
        // No body: only unknown ids (with real ids the action would simply run).
        if (/\{\w+\}/.test(route.path.replace('{councilId}', '').replace('{agencyId}', ''))) out.push({ label: 'unknown ids', realIds: false });
        return out;
      }
      const schema = resolve(schemaRaw);
      const base = sample(schema) as Record<string, unknown>;
      out.push({ label: 'an array instead of an object', body: [base], realIds: true });
      out.push({ label: 'a string instead of an object', body: 'Thử nghiệm', realIds: true });
      const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
      const hasIds = UUID.test(JSON.stringify(base)) || /\{\w+\}/.test(route.path.replace(/\{(councilId|agencyId|templateKey|year)\}/g, ''));
      if (hasIds) out.push({ label: 'unknown ids in path and body', body: base, realIds: false });
      const props = Object.entries(schema.properties ?? {}).map(([k, v]) => [k, resolve(v)] as const);
      const strings = props.filter(([, v]) => typeOf(v) === 'string' && !v.enum && v.format !== 'uuid');
      const numbers = props.filter(([, v]) => typeOf(v) === 'integer' || typeOf(v) === 'number');
      for (const [k, v] of props.slice(0, 8)) {
        const wrong = typeOf(v) === 'string' ? { x: 1 } : typeOf(v) === 'object' ? 42 : 'Thử nghiệm';
        out.push({ label: `wrong type for ${k}`, body: { ...base, [k]: wrong }, realIds: true });
      }
      const s1 = strings[0]?.[0] ?? props[0]?.[0] ?? 'text';
      const s2 = strings[1]?.[0] ?? s1;
      out.push({ label: `NUL in ${s1}`, body: { ...base, [s1]: 'Nguyễn\u0000Văn' }, realIds: true, mustBe400: true });
      out.push({ label: `lone surrogate in ${s2}`, body: { ...base, [s2]: 'Nguyễn\ud800Văn' }, realIds: true, mustBe400: true });
      out.push({ label: `NUL in a key`, body: { ...base, 'a\u0000': 1 }, realIds: true, mustBe400: true });
      out.push({ label: `1 MB string in ${s1}`, body: { ...base, [s1]: MB_STRING }, realIds: true });
      for (const [k] of numbers.slice(0, 2)) {
        out.push({ label: `huge number in ${k}`, body: { ...base, [k]: 1e308 }, realIds: true });
        out.push({ label: `2^63 in ${k}`, body: { ...base, [k]: 2 ** 63 }, realIds: true });
      }
      return out;
    }

    function urlOf(route: RouteMeta, useReal: boolean): string {
      return '/api' + route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        if (FIXED_PARAMS.has(name)) return real.get(name)!;
        return (useReal && real.get(name)) || randomUUID();
      });
    }

    it('never answers 5xx, refuses invalid text with 400, and a rejection changes nothing', async () => {
      const failures: string[] = [];
      const accepted: string[] = [];
      const writes = routeRegistry.filter((r) => r.method !== 'GET' && r.path !== '/auth/logout');
      expect(writes.length).toBeGreaterThan(60);
      let sent = 0;
      let before = await fingerprint();
      // The fingerprint sees a change: a valid write moves it.
      const round = await admin.post(`/api/councils/${real.get('councilId')}/petition-rounds`, { name: 'Đợt kiểm tra dấu vân tay', kind: 'before_session', startDate: '2026-11-01' });
      expect(round.status).toBe(201);
      expect(await fingerprint()).not.toEqual(before);
      before = await fingerprint();
      for (const route of writes) {
        const client = route.path === '/auth/login' ? t.anonymous() : admin;
        for (const v of variants(route)) {
          const url = urlOf(route, v.realIds) + (v.query ?? '');
          const payload = v.form ?? (v.body === undefined ? undefined : typeof v.body === 'string' ? JSON.stringify(v.body) : v.body);
          const res = await client.request(route.method, url, payload);
          sent++;
          const what = `${route.method} ${route.path} (${v.label}): ${res.status}`;
          const text = await res.text();
          if (res.status >= 500) failures.push(`${what} ${text.slice(0, 200)}`);
          else if (v.mustBe400 && res.status !== 400) failures.push(`${what}, want 400`);
          if (res.status >= 400) {
            if (!/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(text)) failures.push(`${what}: no Vietnamese message`);
            const after = await fingerprint();
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i])).map((r) => (r as { t: string }).t);
              failures.push(`${what} rejected but changed ${changed.join(', ')}`);
              before = after;
            }
          } else {
            accepted.push(what);
            before = await fingerprint();
          }
        }
      }
      if (accepted.length) console.log(`[fuzz ${kind}] ${sent} requests; accepted (2xx/3xx):\n  ${accepted.join('\n  ')}`);
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan(500);
    }, 300_000);

    it('refuses NUL in the query string of every read route with a 400', async () => {
      const failures: string[] = [];
      for (const route of routeRegistry.filter((r) => r.method === 'GET')) {
        const client = route.scope === 'public' ? t.anonymous() : admin;
        const res = await client.get(urlOf(route, true) + '?q=a%00b');
        if (res.status !== 400) failures.push(`${route.path}: ${res.status}`);
      }
      expect(failures).toEqual([]);
    });
  });
}

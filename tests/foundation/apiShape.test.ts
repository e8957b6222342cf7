// The API reads as one design: every GET route of the registry, called on the demo data with real
// records, answers with camelCase field names, never internal fields (sort and search keys), and
// every paginated list as { items, total, page, pageSize }.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeRegistry } from '../../src/server/route.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { realIds } from '../support/realIds.ts';

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const INTERNAL = /^(sortKey|searchKey|search[A-Z]\w*|exactText|\w*Vector)$/;
/** Keys of maps (not field names): ids, dates, numbers, and words of a text (corrections). */
const MAP_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}|\d+)$/i;
/** Objects whose keys are values, not field names (a status → count map, a word → corrections map). */
const MAPS = new Set(['corrected', 'names', 'byStatus', 'counts', 'byResult', 'byLevel', 'unitTypes', 'levels', 'bodyKinds', 'agencyKinds', 'membershipRoles']);
/**
 * Routes that still answer a bare array; no route may join this list. Every other list answers
 * { items, total, page, pageSize } and accepts page/pageSize, short ones too (a council's fields, a
 * year's holidays, the roles). GET /menu answers { entries }: one document the shell draws whole,
 * not a list to page through (a paged menu would hide pages from the user).
 */
const BARE_ARRAYS = new Set([
  // The public pages belong to the helper converting them ("public"); they leave this list with that change.
  '/public/councils',
  '/public/councils/{councilId}/rounds',
]);
/** Lists that answered bare arrays until issue #10: now paged on the server like every list. */
const PAGED_SINCE_ISSUE_10 = [
  '/councils/{councilId}/constituencies',
  '/councils/{councilId}/bodies',
  '/councils/{councilId}/bodies/{bodyId}/members',
  '/roles',
  '/councils/{councilId}/petition-rounds/{roundId}/meetings',
  '/councils/{councilId}/petitions/{petitionId}/timeline',
  '/councils/{councilId}/reminders/due',
  '/councils/{councilId}/petition-fields',
  '/councils/{councilId}/routing-rules',
  '/calendar/overrides',
  '/calendar/years/{year}',
];
/** Query parameters some GET routes require. */
const QUERY: Record<string, string> = { '/councils/{councilId}/petitions/similar': '?text=%C4%90%C6%B0%E1%BB%9Dng%20th%C3%B4n%20b%E1%BB%8B%20h%E1%BB%8Fng%20n%E1%BA%B7ng' };

function check(value: unknown, at: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.slice(0, 20).forEach((v, i) => check(v, `${at}[${i}]`, problems));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  const lastKey = at.split('.').pop()!.replace(/\[\d+\]$/, '');
  const isMap = MAPS.has(lastKey) || (keys.length > 0 && keys.every((k) => MAP_KEY.test(k)));
  if (!isMap) {
    for (const k of keys) {
      if (!CAMEL.test(k)) problems.push(`${at}.${k}: not camelCase`);
      if (INTERNAL.test(k)) problems.push(`${at}.${k}: internal field`);
    }
  }
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.items) && 'total' in o) {
    for (const k of ['total', 'page', 'pageSize']) if (typeof o[k] !== 'number') problems.push(`${at}: a list without ${k}`);
  }
  for (const k of keys) check(o[k], `${at}.${k}`, problems);
}

for (const kind of dbKinds()) {
  describe(`API shape [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let ids: Map<string, string>;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
      ids = await realIds(t);
    }, 240_000);
    afterAll(() => t?.close());

    it('answers every GET route with camelCase, no internal fields, and lists as {items,total,page,pageSize}', async () => {
      const problems: string[] = [];
      let walked = 0;
      for (const route of routeRegistry.filter((r) => r.method === 'GET')) {
        const url = '/api' + route.path.replace(/\{(\w+)\}/g, (_m, name: string) => ids.get(name) ?? 'missing') + (QUERY[route.path] ?? '');
        if (url.includes('missing')) continue; // no such record in the demo data (attachments, issued documents)
        const res = await (route.scope === 'public' ? t.anonymous() : admin).get(url);
        if (!(res.headers.get('content-type') ?? '').includes('application/json')) continue; // files
        const body = await res.json();
        if (res.status !== 200) {
          problems.push(`${route.path}: ${res.status} ${JSON.stringify(body).slice(0, 150)}`);
          continue;
        }
        walked++;
        const found: string[] = [];
        check(body, '', found);
        if (Array.isArray(body) && !BARE_ARRAYS.has(route.path)) found.push('a bare array, not {items,total,page,pageSize}');
        if (!Array.isArray(body) && BARE_ARRAYS.has(route.path)) found.push('now a list object: remove it from BARE_ARRAYS');
        problems.push(...[...new Set(found)].map((p) => `${route.path} ${p}`));
      }
      expect(problems).toEqual([]);
      expect(walked).toBeGreaterThan(40);
    }, 240_000);

    it('pages the lists that were bare arrays on the server: page 2 of size 1 is the second row', async () => {
      const url = (path: string) => '/api' + path.replace(/\{(\w+)\}/g, (_m, name: string) => ids.get(name)!);
      for (const path of PAGED_SINCE_ISSUE_10) {
        const two = await (await admin.get(`${url(path)}?pageSize=2`)).json();
        expect({ path, pageSize: two.pageSize, page: two.page }).toEqual({ path, pageSize: 2, page: 1 });
        expect(two.items.length).toBe(Math.min(2, two.total));
        const second = await (await admin.get(`${url(path)}?page=2&pageSize=1`)).json();
        expect({ path, total: second.total, items: second.items }).toEqual({ path, total: two.total, items: two.items.slice(1, 2) });
        const bad = await admin.get(`${url(path)}?pageSize=0`);
        expect({ path, status: bad.status }).toEqual({ path, status: 422 });
      }
    }, 120_000);
  });
}

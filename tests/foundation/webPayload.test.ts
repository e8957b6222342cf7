// What the server sends a browser, read from raw responses of the app serving the built client
// (dist/web, built here when stale): security headers on everything, HSTS behind HTTPS,
// precompressed hashed assets cached for a year, HTML revalidated, API JSON compressed and never
// stored, and a login/public first page that downloads only the light entry.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { buildWebIfStale, root } from '../../scripts/buildWeb.ts';

const WEB_ROOT = path.join(root, 'dist/web');
const BR = { 'accept-encoding': 'gzip, deflate, br, zstd' };

function decoded(res: Response, bytes: Buffer): Buffer {
  const enc = res.headers.get('content-encoding');
  return enc === 'br' ? zlib.brotliDecompressSync(bytes) : enc === 'gzip' ? zlib.gunzipSync(bytes) : bytes;
}

async function body(res: Response): Promise<{ bytes: Buffer; text: string }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, text: decoded(res, bytes).toString('utf8') };
}

/** The scripts and styles an HTML page makes the browser load before it can show anything. */
function firstLoad(html: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
}

beforeAll(() => buildWebIfStale(), 300_000);

for (const kind of dbKinds()) {
  describe(`web payload and security headers [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    beforeAll(async () => {
      t = await createTestApp(kind, { webRoot: WEB_ROOT });
      vp = await t.as('vp.sahuynh');
    });
    afterAll(() => t.close());

    it('every response carries a strict CSP and frame protection; HSTS only over HTTPS', async () => {
      for (const p of ['/login', '/cong-khai', '/', '/api/health', '/api/public/councils']) {
        const res = await t.app.request(p);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, p).toContain("script-src 'self'");
        expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
        expect(csp, p).toContain("frame-ancestors 'none'");
        expect(csp, p).toContain("object-src 'none'");
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('strict-transport-security'), p).toBeNull();
      }
      // A request that arrived over HTTPS gets HSTS even without secureCookies.
      const https = await t.app.request('https://nghitruong.example/login');
      expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    });

    it('sends HSTS on every response when the app is configured for HTTPS (secureCookies)', async () => {
      const secure = await createTestApp(kind, { seed: false, webRoot: WEB_ROOT, config: { secureCookies: true } });
      try {
        for (const p of ['/login', '/api/health']) {
          expect((await secure.app.request(p)).headers.get('strict-transport-security'), p).toMatch(/^max-age=31536000; includeSubDomains$/);
        }
      } finally {
        await secure.close();
      }
    });

    it('the built HTML has no inline script, so the CSP lets the app run', () => {
      for (const f of ['index.html', 'public.html']) {
        const html = fs.readFileSync(path.join(WEB_ROOT, f), 'utf8');
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length, f).toBeGreaterThan(0);
        for (const s of scripts) expect(s, f).toMatch(/\bsrc="\/assets\//);
        expect(html, f).not.toMatch(/\bon[a-z]+=/i);
      }
    });

    it('HTML is compressed and always revalidated (ETag, 304), never cached for long', async () => {
      const res = await t.app.request('/login', { headers: BR });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      expect((await body(res)).text).toContain('<div id="root">');
      const again = await t.app.request('/login', { headers: { ...BR, 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      // A client that asks for no compression gets the plain page.
      const plain = await t.app.request('/login');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toContain('<div id="root">');
      const gz = await t.app.request('/login', { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
    });

    it('the login and public pages get the light entry; every other path the app shell', async () => {
      const light = fs.readFileSync(path.join(WEB_ROOT, 'public.html'), 'utf8');
      const shell = fs.readFileSync(path.join(WEB_ROOT, 'index.html'), 'utf8');
      expect(light).not.toBe(shell);
      for (const p of ['/login', '/cong-khai', `/cong-khai/${t.id('council:sa-huynh')}`]) expect(await (await t.app.request(p)).text(), p).toBe(light);
      for (const p of ['/', '/councils/x/petitions', '/login-help']) expect(await (await t.app.request(p)).text(), p).toBe(shell);
    });

    it('hashed assets are precompressed, immutable for a year; the first page stays under 150 KB', async () => {
      const light = fs.readFileSync(path.join(WEB_ROOT, 'public.html'), 'utf8');
      let scriptBytes = 0;
      for (const asset of firstLoad(light)) {
        const res = await t.app.request(asset, { headers: BR });
        expect(res.status, asset).toBe(200);
        expect(res.headers.get('content-encoding'), asset).toBe('br');
        expect(res.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
        expect(res.headers.get('vary'), asset).toMatch(/accept-encoding/i);
        const { bytes, text } = await body(res);
        expect(text).toBe(fs.readFileSync(path.join(WEB_ROOT, asset), 'utf8'));
        if (asset.endsWith('.js')) {
          scriptBytes += bytes.byteLength;
          // No Ant Design (its CSS-in-JS), no charts on the first page.
          expect(text, asset).not.toContain('data-css-hash');
          expect(text, asset).not.toContain('echarts');
        }
      }
      expect(scriptBytes).toBeGreaterThan(10_000);
      expect(scriptBytes).toBeLessThanOrEqual(150 * 1024);
      // The app shell's own chunks carry Ant Design: they are loaded by index.html only.
      const shellScripts = firstLoad(fs.readFileSync(path.join(WEB_ROOT, 'index.html'), 'utf8')).filter((a) => !firstLoad(light).includes(a));
      const antd = shellScripts.some((a) => fs.readFileSync(path.join(WEB_ROOT, a), 'utf8').includes('data-css-hash'));
      expect(antd).toBe(true);
    });

    it('a missing asset is a 404, not the app page', async () => {
      const res = await t.app.request('/assets/nope-123.js', { headers: BR });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).not.toMatch(/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('API JSON is compressed above a small size and never stored', async () => {
      const big = await t.app.request('/api/openapi.json', { headers: BR });
      expect(big.status).toBe(200);
      expect(big.headers.get('content-encoding')).toBe('br');
      expect(big.headers.get('cache-control')).toBe('no-store');
      expect(big.headers.get('vary')).toMatch(/accept-encoding/i);
      const { bytes, text } = await body(big);
      expect(Number(big.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(JSON.parse(text).openapi).toBe('3.1.0');
      expect(bytes.byteLength).toBeLessThan(text.length / 4);

      const gz = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse((await body(gz)).text).openapi).toBe('3.1.0');
      const refused = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
      expect(refused.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(await refused.text()).openapi).toBe('3.1.0');

      // Small answers go out as they are, still never stored.
      const small = await t.app.request('/api/health', { headers: BR });
      expect(small.headers.get('content-encoding')).toBeNull();
      expect(small.headers.get('cache-control')).toBe('no-store');
      expect((await small.json()).status).toBe('ok');

      // Signed-in answers and errors too.
      const me = await vp.request('GET', '/api/auth/me', undefined, BR);
      expect(me.headers.get('cache-control')).toBe('no-store');
      const denied = await t.app.request('/api/audit', { headers: BR });
      expect(denied.status).toBe(401);
      expect(denied.headers.get('cache-control')).toBe('no-store');
    });

    it('downloads of personal data are never stored and not recompressed', async () => {
      const res = await vp.request('GET', `/api/councils/${t.id('council:sa-huynh')}/delegates/export.xlsx`, undefined, BR);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-encoding')).toBeNull();
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip file (xlsx) as it is
    });
  });
}

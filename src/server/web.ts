// The HTTP side of the web client: security headers on every response, compression of API
// answers, and the built client (dist/web) with precompressed assets and cache headers.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { Context, MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './context.ts';

/**
 * Content-Security-Policy of every response. Scripts come only from our own origin (Vite emits
 * `<script type="module" src>` and no inline script; the favicon is a data: image).
 * style-src allows 'unsafe-inline' for styles only, on purpose: Ant Design's CSS-in-JS injects
 * <style> elements at run time (and rc-components add more, e.g. the scroll locker of dialogs). A
 * nonce would have to be minted per request and written into index.html, which could then no
 * longer be served precompressed and revalidated by ETag, and one <style> missed by the nonce
 * would silently break a layout. Injected CSS cannot run code, and script-src stays strict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries; HSTS only when the app is served over HTTPS. */
function securityHeaders(c: Context<AppEnv>): [string, string][] {
  const out: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ];
  if (c.var.deps.config.secureCookies || c.req.url.startsWith('https:')) out.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  // API answers (JSON and downloads of personal data) are never kept by a browser or a proxy.
  if (c.req.path.startsWith('/api/')) out.push(['Cache-Control', 'no-store']);
  return out;
}

/**
 * The security headers, set before the handler runs: a handler's `c.json()` then builds its
 * answer with them. (Setting a header on an answer already built makes Hono copy the answer into
 * a full WHATWG Response, which the Node adapter then streams: several times the CPU of the
 * answer itself on a small JSON list.) Call `ensureSecurityHeaders` after the handler: an answer
 * built as a raw Response (downloads, static files) gets them there.
 */
export function prepareSecurityHeaders(c: Context<AppEnv>): [string, string][] {
  const headers = securityHeaders(c);
  for (const [name, value] of headers) c.header(name, value);
  return headers;
}

/** After the handler: any of `headers` the answer lacks (or changed) is set again. */
export function ensureSecurityHeaders(c: Context<AppEnv>, headers: [string, string][]): void {
  const have = c.res.headers;
  for (const [name, value] of headers) if (have.get(name) !== value) c.header(name, value);
}

/** Whether the Accept-Encoding header allows `coding` (q=0 refuses it). */
export function accepts(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name !== coding && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|problem\+json)|image\/svg\+xml)/i;
/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compresses text answers on the fly (Brotli at a fast level, else gzip) when they are at least
 * COMPRESS_MIN_BYTES long. Binary downloads (.xlsx, .docx are zip files already) pass untouched.
 */
export const compressAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Only the answer's status and headers are looked at until it is compressed: reading its body
  // (even `res.body`) turns Hono's light answer into a full Response.
  const res = c.res;
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;
  // A server-sent-events stream (src/server/live.ts) never ends: it is never compressed here.
  const type = res.headers.get('content-type') ?? '';
  if (res.headers.has('content-encoding') || !COMPRESSIBLE.test(type) || type.startsWith('text/event-stream')) return;
  addVary(c);
  const header = c.req.header('accept-encoding');
  const coding = accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : null;
  if (!coding || !res.body) return;
  const plain = new Uint8Array(await res.arrayBuffer());
  const body =
    plain.byteLength < COMPRESS_MIN_BYTES
      ? plain
      : coding === 'br'
        ? await brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength } })
        : await gzip(plain, { level: 6 });
  c.res = new Response(body as unknown as BodyInit, c.res);
  c.res.headers.set('content-length', String(body.byteLength));
  if (body !== plain) c.res.headers.set('content-encoding', coding);
};

/** `Vary: Accept-Encoding` on the answer, in place (its headers are its own, mutable). */
function addVary(c: Context<AppEnv>): void {
  try {
    c.res.headers.append('Vary', 'Accept-Encoding');
  } catch {
    c.header('Vary', 'Accept-Encoding', { append: true });
  }
}

/** An HTML entry held in memory with its compressed forms and an ETag for revalidation. */
interface HtmlEntry {
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

function loadHtml(file: string): HtmlEntry {
  const plain = fs.readFileSync(file);
  return {
    plain,
    br: zlib.brotliCompressSync(plain),
    gzip: zlib.gzipSync(plain, { level: 9 }),
    etag: `"${crypto.createHash('sha256').update(plain).digest('base64url').slice(0, 22)}"`,
  };
}

function sendHtml(c: Context<AppEnv>, html: HtmlEntry): Response {
  // Always revalidated (it names the hashed assets of the current build), answered 304 when unchanged.
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', html.etag);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === html.etag) return c.body(null, 304);
  const header = c.req.header('accept-encoding');
  const [coding, body] = accepts(header, 'br') ? ['br', html.br] : accepts(header, 'gzip') ? ['gzip', html.gzip] : [null, html.plain];
  if (coding) c.header('Content-Encoding', coding);
  c.header('Content-Type', 'text/html; charset=UTF-8');
  return c.body(body as unknown as ArrayBuffer, 200);
}

/** Paths answered by the light entry (public.html): the login page and the public pages. */
export const LIGHT_PATHS = ['/login', '/cong-khai', '/cong-khai/*'];

/**
 * Serves the built client: hashed files under /assets/ (precompressed .br/.gz beside each,
 * chosen by Accept-Encoding, cached for a year as immutable; a missing one is a 404, never HTML),
 * public.html for the login and public pages, index.html (the app shell) for every other path.
 */
export function mountWebClient(app: OpenAPIHono<AppEnv>, webRoot: string): void {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) return;
  const shell = loadHtml(path.join(webRoot, 'index.html'));
  const lightFile = path.join(webRoot, 'public.html');
  const light = fs.existsSync(lightFile) ? loadHtml(lightFile) : shell;
  const assets = serveStatic({ root: path.relative(process.cwd(), webRoot), precompressed: true });
  app.use('/assets/*', async (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
    const res = await assets(c, async () => {});
    if (res) return res;
    c.header('Cache-Control', 'no-store');
    return c.text('Không tìm thấy tệp.', 404);
  });
  for (const p of LIGHT_PATHS) app.get(p, (c) => sendHtml(c, light));
  app.get('*', (c) => sendHtml(c, shell));
}

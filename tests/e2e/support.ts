// End-to-end support: the real server (demo data, in-memory PGlite) on a free port serving the
// built web client from dist/web, and Debian's Chromium driven by playwright-core. Nothing is
// built or downloaded here: the test runner builds dist/web first (`npx vite build`).
// A browser test file: `describe.skipIf(!browserAvailable())(…, () => { const e2e = useChromium(); … })`.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import type { AppConfig } from '../../src/server/context.ts';
import type { Db } from '../../src/db/client.ts';
import { seededTestDb } from '../support/seedCache.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'NghiTruong@2026';
const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_ROOT = path.join(ROOT, 'dist/web');

/**
 * Whether the browser suite can run here. Without Chromium the suite is skipped loudly, except
 * under CI=true where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH);
  if (!ok) {
    if (process.env.CI === 'true') return true; // let the suite run and fail on launch
    console.warn(`\n[e2e] BỎ QUA: không thấy Chromium tại ${CHROMIUM_PATH} (cài bằng "apt-get install chromium"). Các kiểm thử giao diện không chạy.\n`);
  }
  return ok;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is required for e2e tests (${CHROMIUM_PATH} not found)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every page asks for reduced motion, which the app honours (no antd animations): no click lands
  // on a menu or dropdown that is still moving.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

export interface RunningServer {
  baseUrl: string;
  ids: Map<string, string>;
  /** The app's database and configuration, for running the daily jobs against the same server. */
  db: Db;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Starts the app with the demo data on a free port; expects dist/web to be built. `config`
 * overrides parts of the default configuration (e.g. `smtp` pointing at a test SMTP server).
 */
export async function startServer(config: Partial<AppConfig> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(`dist/web is not built: run "npx vite build" before the e2e tests (${WEB_ROOT})`);
  }
  // The demo data as seeded at the start of this ten-minute slot: the browser tests of a run share
  // one seeded image (tests/support/seedCache.ts). A slot never spans Vietnam's midnight (17:00 UTC),
  // so the seeded "today" is the server's today.
  const { database, ids } = await seededTestDb('pglite', new Date(Math.floor(Date.now() / 600_000) * 600_000));
  // queueMaxWaitMs: see tests/support/app.ts (no 503s from a loaded CI machine).
  const appConfig: AppConfig = { publicUrl: 'http://127.0.0.1', secureCookies: false, queueMaxWaitMs: 60_000, ...config };
  const app = createApp(
    { db: database.db, dbKind: database.kind, clock: () => new Date(), config: appConfig },
    { webRoot: WEB_ROOT },
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ids,
    db: database.db,
    config: appConfig,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** The server and browser of one browser test file (see useChromium). */
export interface ChromiumSuite {
  /** The app server with the demo data (from the suite's beforeAll on). */
  readonly server: RunningServer;
  /** Debian's Chromium (from the suite's beforeAll on). */
  readonly browser: Browser;
  /**
   * A fresh browser context in Vietnamese with one page, closed after `fn` whatever happens.
   * `timeout` is the page's default timeout for actions and waits.
   */
  withPage<T>(options: BrowserContextOptions & { timeout?: number }, fn: (page: Page, ctx: BrowserContext) => Promise<T>): Promise<T>;
}

/**
 * Registers, in the calling describe block, a beforeAll that starts the app server (startServer)
 * and Chromium (launchBrowser) and an afterAll that closes both. Hooks the file registers after
 * this call run after the start and before the close (vitest runs before-hooks in order and
 * after-hooks in reverse). `config` may be a function, read when the server starts (e.g. an SMTP
 * port known only then); `timeout` is the start's hook timeout (default: the config's).
 */
export function useChromium(options: { config?: Partial<AppConfig> | (() => Partial<AppConfig>); timeout?: number } = {}): ChromiumSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(typeof options.config === 'function' ? options.config() : options.config);
    browser = await launchBrowser();
  }, options.timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const suite: ChromiumSuite = {
    get server() {
      if (!server) throw new Error('useChromium: the server is not started yet (use it inside a test or a later hook)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('useChromium: Chromium is not launched yet (use it inside a test or a later hook)');
      return browser;
    },
    async withPage(pageOptions, fn) {
      const { timeout, ...contextOptions } = pageOptions;
      const ctx = await suite.browser.newContext({ locale: 'vi-VN', ...contextOptions });
      try {
        const page = await ctx.newPage();
        if (timeout !== undefined) page.setDefaultTimeout(timeout);
        return await fn(page, ctx);
      } finally {
        await ctx.close();
      }
    },
  };
  return suite;
}

/** A signed-in API client against the running server (for set-up that is not the point of the UI test). */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const call = async <T = any>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: HTTP ${res.status} (expected ${status}): ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body: unknown, status = 200) => call<T>('POST', path, body, status),
    patch: <T = any>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}

/**
 * Waits until the locator's text contains every string, then asserts it: pages load their data
 * after they render, so a text read at once may be read too early.
 */
export async function expectText(locator: import('playwright-core').Locator, ...texts: string[]): Promise<void> {
  const { expect } = await import('vitest');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = await locator.innerText();
    const missing = texts.find((t) => !text.includes(t));
    if (missing === undefined) return;
    if (Date.now() > deadline) {
      expect(text).toContain(missing);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in through the login page as a demo user. */
export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForSelector('.nt-header');
}

/**
 * Signs out through the user menu and waits for the login page. A click that lands while antd's
 * dropdown is still animating open is not delivered to the item (the menu stays open, seen in a
 * failure screenshot); like a person, click again — at most three times.
 */
export async function logout(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const item = page.getByRole('menuitem', { name: 'Đăng xuất' });
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.click();
    try {
      await page.waitForURL(/\/login$/, { timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= 3) {
        await page.screenshot({ path: path.join(process.env.TMPDIR ?? '/tmp', 'nt-logout-failure.png') });
        throw new Error(`After "Đăng xuất" the page stayed at ${page.url()} (screenshot nt-logout-failure.png): ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Picks an option in an antd Select and checks that it took. Like the user menu, a click that lands
 * while the dropdown is still animating open can be lost; try again, at most three times.
 */
export async function pickOption(page: Page, select: import('playwright-core').Locator, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
    try {
      await select.getByText(option, { exact: true }).waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw new Error(`Could not pick "${option}": ${(err as Error).message}`);
    }
  }
}

/**
 * The page does not scroll sideways at its window's width (by more than `tolerance` px, for checks
 * that allow a rounding pixel). Polled: right after a resize the window-sized parts (drawers,
 * modals) follow on their next render, which a loaded machine delays. `message` says where.
 */
export async function expectNoSideScroll(page: Page, { tolerance = 0, message }: { tolerance?: number; message?: string } = {}): Promise<void> {
  const { expect } = await import('vitest');
  // Against the window the test asked for: in a phone context (isMobile) the browser widens its
  // layout viewport to fit the content, so window.innerWidth grows with the overflow it should reveal.
  const asked = page.viewportSize()?.width;
  const measure = () => page.evaluate((w) => ({ sw: document.scrollingElement!.scrollWidth, iw: w ?? window.innerWidth }), asked);
  const what = 'the page scrolls sideways (its width minus the window\'s, px)';
  await expect.poll(async () => { const m = await measure(); return m.sw - m.iw; }, { message: message ? `${message}: ${what}` : what }).toBeLessThanOrEqual(tolerance);
}

// Screenshots of the dashboards at desktop (1366×768) and tablet (800×1100) sizes, for a human to
// look at: `node tests/dashboards/shots.ts [outDir] [webRoot]` (needs a built web client and Chromium).
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/seed.ts';
import { createTestDb } from '../support/db.ts';
import { WEB_ROOT, launchBrowser, login as signIn } from '../e2e/support.ts';

const out = process.argv[2] ?? '/tmp/shots-dash';
const webRoot = process.argv[3] ?? WEB_ROOT;
fs.mkdirSync(out, { recursive: true });
const database = await createTestDb('pglite');
const ids = await seedDemo(database.db, new Date());
const app = createApp(
  { db: database.db, dbKind: database.kind, clock: () => new Date(), config: { publicUrl: 'http://127.0.0.1', secureCookies: false } },
  { webRoot },
);
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchBrowser();

const login = (page: Page, username: string) => signIn(page, base, username);

const settle = (page: Page) => page.waitForTimeout(900); // ECharts animations
try {
  for (const [tag, viewport] of [['desktop', { width: 1366, height: 768 }], ['tablet', { width: 800, height: 1100 }]] as const) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await login(page, 'vp.sahuynh');
    await page.goto(`${base}/councils/${ids.get('council:sa-huynh')}/dashboard/petitions`);
    await page.waitForSelector('text=Theo lĩnh vực');
    await settle(page);
    await page.screenshot({ path: `${out}/overview-${tag}.png` });
    await page.screenshot({ path: `${out}/overview-full-${tag}.png`, fullPage: true });
    await page.getByText('Theo đợt', { exact: true }).click();
    await page.waitForURL(/roundId=/);
    await settle(page);
    await page.screenshot({ path: `${out}/overview-round-full-${tag}.png`, fullPage: true });
    for (const [name, title] of [['ontime', 'Trả lời đúng hạn theo cơ quan'], ['result', 'Kết quả trả lời'], ['trend', 'Qua các đợt tiếp xúc cử tri']] as const) {
      const card = page.locator('.ant-card', { hasText: title }).last();
      await card.scrollIntoViewIfNeeded();
      await settle(page);
      await card.screenshot({ path: `${out}/card-${name}-${tag}.png` });
    }
    // Click a field row: the petitions list with that filter.
    await page.locator('.ant-card', { hasText: 'Theo lĩnh vực' }).locator('.ant-table-row').first().click();
    await page.waitForURL(/\/petitions\?/);
    fs.writeFileSync(`${out}/clicked-url-${tag}.txt`, page.url());
    await ctx.close();

    const ctx2 = await browser.newContext({ viewport, locale: 'vi-VN' });
    const p2 = await ctx2.newPage();
    await login(p2, 'vp.tinh');
    await p2.goto(`${base}/councils/${ids.get('council:province')}/dashboard/lower-councils`);
    await p2.waitForSelector('text=So sánh các HĐND cấp dưới');
    await settle(p2);
    await p2.screenshot({ path: `${out}/lower-province-${tag}.png`, fullPage: true });
    await ctx2.close();

    const ctx3 = await browser.newContext({ viewport, locale: 'vi-VN' });
    const p3 = await ctx3.newPage();
    await login(p3, 'vp.thixa');
    await p3.goto(`${base}/councils/${ids.get('council:town')}/dashboard/lower-councils`);
    await p3.waitForSelector('text=So sánh các HĐND cấp dưới');
    await settle(p3);
    await p3.screenshot({ path: `${out}/lower-town-${tag}.png`, fullPage: true });
    await p3.goto(`${base}/councils/${ids.get('council:town')}/dashboard/petitions`);
    await p3.waitForSelector('text=Theo cấp có thẩm quyền giải quyết');
    await settle(p3);
    await p3.screenshot({ path: `${out}/overview-town-${tag}.png`, fullPage: true });
    await ctx3.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
}

// Screenshots of the resolutions pages at phone (390 px) and desktop (1280 px) widths, for a human
// to look at: `node tests/resolutions/shots.ts [outDir]` (needs a built web client and Chromium).
import fs from 'node:fs';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/support.ts';
import type { Page } from 'playwright-core';

const out = process.argv[2] ?? '/tmp/shots-resolutions';
fs.mkdirSync(out, { recursive: true });
const server = await startServer();
const base = server.baseUrl;
const ids = server.ids;
const browser = await launchBrowser();

async function login(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForSelector('.nt-header');
}
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

try {
  const sh = ids.get('council:sa-huynh')!;
  for (const [tag, viewport] of [['390', { width: 390, height: 844 }], ['1280', { width: 1280, height: 900 }]] as const) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await login(page, 'vp.sahuynh');
    await page.goto(`${base}/councils/${sh}/resolutions`);
    await page.waitForSelector('text=Sổ nghị quyết');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/register-${tag}.png`, fullPage: true });
    if (await sideways(page)) console.log(`sideways scroll: register ${tag}`);
    await page.getByText('Nghị quyết quy định mức chi hỗ trợ hoạt động của Tổ dân phố trên địa bàn phường Sa Huỳnh', { exact: true }).first().click();
    await page.waitForSelector('text=Tình trạng hiệu lực');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/resolution-${tag}.png`, fullPage: true });
    if (await sideways(page)) console.log(`sideways scroll: resolution ${tag}`);
    await page.goto(`${base}/councils/${sh}/resolution-tasks`);
    await page.waitForSelector('text=Hoàn thành chỉnh trang');
    await page.screenshot({ path: `${out}/tasks-${tag}.png`, fullPage: true });
    if (await sideways(page)) console.log(`sideways scroll: tasks ${tag}`);
    const anon = await browser.newContext({ viewport, locale: 'vi-VN' });
    const pub = await anon.newPage();
    await pub.goto(`${base}/cong-khai/${sh}/nghi-quyet`);
    await pub.waitForSelector('text=Nghị quyết đã công bố');
    await pub.screenshot({ path: `${out}/public-${tag}.png`, fullPage: true });
    if (await sideways(pub)) console.log(`sideways scroll: public ${tag}`);
    await anon.close();
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}

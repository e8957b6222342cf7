// Screenshots of the elections page at phone (390 px) and desktop (1280 px) widths, for a human to
// look at: `node tests/elections/shots.ts [outDir]` (needs a built web client and Chromium).
import fs from 'node:fs';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/support.ts';
import type { Page } from 'playwright-core';

const out = process.argv[2] ?? '/tmp/shots-elections';
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
  for (const [tag, viewport] of [['390', { width: 390, height: 844 }], ['1280', { width: 1280, height: 900 }]] as const) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await login(page, 'vp.sahuynh');
    const sh = ids.get('council:sa-huynh')!;
    await page.goto(`${base}/councils/${sh}/elections`);
    await page.waitForSelector('text=Niêm yết danh sách cử tri');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/calendar-${tag}.png`, fullPage: true });
    for (const [tab, wait] of [['Đơn vị', 'Đơn vị bầu cử số 1'], ['Khu vực', 'Nhà văn hóa tổ dân phố'], ['Trùng lặp', 'Trùng số Căn cước']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForSelector(`text=${wait}`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/${tab.replace(/\s/g, '-')}-${tag}.png`, fullPage: true });
      if (await sideways(page)) console.log(`sideways scroll: ${tab} ${tag}`);
    }
    await page.getByRole('tab', { name: 'Khu vực' }).click();
    await page.locator('button:visible', { hasText: 'Danh sách' }).first().click();
    await page.waitForSelector('text=Thẻ cử tri (Mẫu 10)');
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/voters-${tag}.png`, fullPage: true });
    if (await sideways(page)) console.log(`sideways scroll: voters ${tag}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}

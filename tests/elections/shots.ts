// Screenshots of the elections page at phone (390 px) and desktop (1280 px) widths, for a human to
// look at: `node tests/elections/shots.ts [outDir]` (needs a built web client and Chromium).
import { reportSideways, startShots } from '../e2e/shotsSupport.ts';

const { out, base, ids, browser, login, close } = await startShots('/tmp/shots-elections');

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
      await reportSideways(page, `${tab} ${tag}`);
    }
    await page.getByRole('tab', { name: 'Khu vực' }).click();
    await page.locator('button:visible', { hasText: 'Danh sách' }).first().click();
    await page.waitForSelector('text=Thẻ cử tri (Mẫu 10)');
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/voters-${tag}.png`, fullPage: true });
    await reportSideways(page, `voters ${tag}`);
    await ctx.close();
  }
} finally {
  await close();
}

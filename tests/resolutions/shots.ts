// Screenshots of the resolutions pages at phone (390 px) and desktop (1280 px) widths, for a human
// to look at: `node tests/resolutions/shots.ts [outDir]` (needs a built web client and Chromium).
import { reportSideways, startShots } from '../e2e/shotsSupport.ts';

const { out, base, ids, browser, login, close } = await startShots('/tmp/shots-resolutions');

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
    await reportSideways(page, `register ${tag}`);
    await page.getByText('Nghị quyết quy định mức chi hỗ trợ hoạt động của Tổ dân phố trên địa bàn phường Sa Huỳnh', { exact: true }).first().click();
    await page.waitForSelector('text=Tình trạng hiệu lực');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/resolution-${tag}.png`, fullPage: true });
    await reportSideways(page, `resolution ${tag}`);
    await page.goto(`${base}/councils/${sh}/resolution-tasks`);
    await page.waitForSelector('text=Hoàn thành chỉnh trang');
    await page.screenshot({ path: `${out}/tasks-${tag}.png`, fullPage: true });
    await reportSideways(page, `tasks ${tag}`);
    const anon = await browser.newContext({ viewport, locale: 'vi-VN' });
    const pub = await anon.newPage();
    await pub.goto(`${base}/cong-khai/${sh}/nghi-quyet`);
    await pub.waitForSelector('text=Nghị quyết đã công bố');
    await pub.screenshot({ path: `${out}/public-${tag}.png`, fullPage: true });
    await reportSideways(pub, `public ${tag}`);
    await anon.close();
    await ctx.close();
  }
} finally {
  await close();
}

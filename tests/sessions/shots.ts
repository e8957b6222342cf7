// Screenshots of the sessions pages at phone (390 px) and desktop (1440 px) widths, for a human to
// look at: `node tests/sessions/shots.ts [outDir]` (needs a built web client and Chromium).
import { reportSideways, startShots } from '../e2e/shotsSupport.ts';

const { out, base, ids, browser, login, close } = await startShots('/tmp/shots-sessions');

try {
  for (const [tag, viewport] of [['390', { width: 390, height: 844 }], ['1440', { width: 1440, height: 900 }]] as const) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await login(page, 'vp.sahuynh');
    const sh = ids.get('council:sa-huynh')!;
    const shots: [string, string, string][] = [
      ['sessions', `/councils/${sh}/sessions`, 'Các kỳ họp'],
      ['profile', `/councils/${sh}/session-profile`, 'Đang áp dụng'],
      ['lateness', `/councils/${sh}/session-lateness`, 'Nộp muộn hoặc quá hạn'],
    ];
    for (const [name, url, wait] of shots) {
      await page.goto(`${base}${url}`);
      await page.waitForSelector(`text=${wait}`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: true });
      await reportSideways(page, `${name} ${tag}`);
    }
    await page.goto(`${base}/councils/${sh}/sessions`);
    await page.getByRole('link', { name: 'Kỳ họp thứ 3' }).first().click();
    await page.waitForSelector('text=Chậm muộn theo cơ quan trình');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/session-${tag}.png`, fullPage: true });
    await reportSideways(page, `session ${tag}`);
    await page.locator('[data-testid="late-count"] a').first().click();
    await page.waitForSelector('text=Tài liệu kỳ họp');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/drill-${tag}.png`, fullPage: true });
    await ctx.close();

    const ctx2 = await browser.newContext({ viewport, locale: 'vi-VN' });
    const p2 = await ctx2.newPage();
    await login(p2, 'so.xaydung');
    await p2.goto(`${base}/agencies/${ids.get('agency:so-xay-dung')}/session-documents`);
    await p2.waitForSelector('text=Nộp tài liệu');
    await p2.waitForTimeout(300);
    await p2.screenshot({ path: `${out}/agency-${tag}.png`, fullPage: true });
    await reportSideways(p2, `agency ${tag}`);
    await ctx2.close();
  }
} finally {
  await close();
}
console.log(`screenshots in ${out}`);

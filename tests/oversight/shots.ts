// Screenshots of the oversight screens at 1280 and 390 px, for a human to look at:
// `node tests/oversight/shots.ts [outDir]` (needs dist/web built and Chromium). Also writes the
// demo's founding decision (.docx) to the same folder.
import fs from 'node:fs';
import { apiAs, login } from '../e2e/support.ts';
import { startShots } from '../e2e/shotsSupport.ts';

const { out, server, browser, close } = await startShots('/tmp/oversight-shots');
const sh = server.ids.get('council:sa-huynh')!;
const province = server.ids.get('council:province')!;
const activity = server.ids.get('oversight:activity:sa-huynh-ktns')!;
const vp = await apiAs(server.baseUrl, 'vp.sahuynh');
const detail = await vp.get<{ foundingDocumentId: string }>(`/councils/${sh}/oversight-activities/${activity}`);
const cookieLogin = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vp.sahuynh', password: 'NghiTruong@2026' }) });
const cookie = (cookieLogin.headers.get('set-cookie') ?? '').split(';')[0]!;
const docx = await fetch(`${server.baseUrl}/api/councils/${sh}/documents/${detail.foundingDocumentId}/download`, { headers: { cookie } });
fs.writeFileSync(`${out}/quyet-dinh-thanh-lap-doan.docx`, Buffer.from(await docx.arrayBuffer()));
for (const [w, h] of [[1280, 900], [390, 844]] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'vi-VN', ...(w < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await ctx.newPage();
  await login(page, server.baseUrl, 'vp.sahuynh');
  for (const [name, path, wait] of [
    ['programs', `/councils/${sh}/oversight?`, 'Chương trình giám sát năm 2026'],
    ['activity', `/councils/${sh}/oversight-activities/${activity}`, 'Thành phần Đoàn giám sát'],
    ['proposals', `/councils/${sh}/oversight-proposals`, 'Hạn nhận đề xuất'],
  ] as const) {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByText(wait).first().waitFor();
    await page.screenshot({ path: `${out}/${name}-${w}.png`, fullPage: true });
  }
  await page.goto(`${server.baseUrl}/cong-khai/${sh}/giam-sat`);
  await page.getByTestId('public-program').first().waitFor();
  await page.screenshot({ path: `${out}/public-${w}.png`, fullPage: true });
  await ctx.close();
}
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
const page = await ctx.newPage();
await login(page, server.baseUrl, 'vp.tinh');
await page.goto(`${server.baseUrl}/councils/${province}/oversight-timeline?year=2026`);
await page.getByTestId('timeline-sentence').first().waitFor();
await page.screenshot({ path: `${out}/timeline-province-1280.png`, fullPage: true });
await page.goto(`${server.baseUrl}/councils/${province}/dashboard/lower-councils`);
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/lower-councils-1280.png`, fullPage: true });
await close();
console.log(`screenshots in ${out}`);

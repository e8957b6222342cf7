// Screenshots of the main screens at desktop (1366×768) and tablet (800×1100) sizes, for a human
// to look at: `node tests/e2e/shots.ts [outDir]` (needs dist/web built and Chromium).
import fs from 'node:fs';
import path from 'node:path';
import { startShots } from './shotsSupport.ts';

const { out, server, browser, login, close } = await startShots('/tmp/shots');

const SAMPLE_CSV = [
  'Mã ĐVHC,Tên đơn vị,Loại,Mã cấp trên,Ngày hiệu lực',
  '21715,Phổ Hải Mới,Phường,51,01/07/2025',
  '21718,Ba Tơ,Xã,51,',
  '21721,Mỏ Cày,Làng,51,',
  '21724,Lý Sơn,Đặc khu,99,',
  '21703,Sa Huỳnh,Phường,51,01/07/2025',
].join('\n');
const csvPath = path.join(out, 'don-vi-mau.csv');
fs.writeFileSync(csvPath, SAMPLE_CSV);


const sahuynh = server.ids.get('council:sa-huynh')!;
try {
  for (const [tag, viewport] of [['desktop', { width: 1366, height: 768 }], ['tablet', { width: 800, height: 1100 }]] as const) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.waitForSelector('text=Nền tảng làm việc số của Hội đồng nhân dân');
    await page.screenshot({ path: `${out}/login-${tag}.png` });

    await login(page, 'admin');
    await page.goto(`${server.baseUrl}/councils/${sahuynh}/delegates`);
    await page.waitForSelector('.ant-table-row');
    await page.screenshot({ path: `${out}/delegates-${tag}.png` });

    await page.goto(`${server.baseUrl}/units`);
    await page.waitForSelector('text=Tỉnh Quảng Ngãi');
    await page.screenshot({ path: `${out}/units-root-${tag}.png` });
    await page.locator('.ant-tree-switcher').first().click();
    await page.waitForSelector('text=Phường Sa Huỳnh');
    await page.locator('.ant-tree-title', { hasText: 'Phường Sa Huỳnh' }).click();
    await page.waitForSelector('text=Được hình thành từ');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/units-${tag}.png` });
    await page.keyboard.press('Escape');

    await page.goto(`${server.baseUrl}/units/import`);
    await page.setInputFiles('input[type=file]', csvPath);
    await page.waitForSelector('text=Tiếp tục: xem trước');
    await page.screenshot({ path: `${out}/import-mapping-${tag}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
    await page.waitForSelector('text=Số lỗi');
    await page.screenshot({ path: `${out}/import-preview-${tag}.png`, fullPage: true });

    await page.goto(`${server.baseUrl}/audit`);
    await page.waitForSelector('.ant-table-row');
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/audit-${tag}.png` });

    await page.goto(`${server.baseUrl}/users`);
    await page.waitForSelector('.ant-table-row');
    await page.screenshot({ path: `${out}/users-${tag}.png` });

    await page.goto(`${server.baseUrl}/councils/${sahuynh}/bodies`);
    await page.waitForSelector('.ant-list-item');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/bodies-${tag}.png` });

    await page.goto(`${server.baseUrl}/agencies`);
    await page.waitForSelector('.ant-table-row');
    await page.screenshot({ path: `${out}/agencies-${tag}.png` });
    await ctx.close();
  }
  console.log(`Ảnh chụp màn hình: ${out}`);
} finally {
  await close();
}

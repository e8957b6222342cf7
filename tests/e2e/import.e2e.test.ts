// The shared import wizard end to end, in Debian's Chromium against the real server with the demo
// data: the administrator imports two new communes from a CSV (preview, no errors, commit) and finds
// one on the units page; a CSV with a bad row shows that row's Vietnamese error and saves nothing.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectText, login, useChromium } from './support.ts';

const GOOD_CSV = ['Mã,Tên,Cấp,Mã cấp trên', '99901,Xã Thử Nghiệm Một,Xã,51', '99902,Xã Thử Nghiệm Hai,Xã,51', ''].join('\n');
const BAD_CSV = ['Mã,Tên,Cấp,Mã cấp trên', '99911,Xã Không Được Nhập,Xã,51', '99912,Làng Sai Cấp,Làng,51', ''].join('\n');

async function openImport(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/units`);
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  await page.waitForURL('**/units/import');
  await page.getByText('Bấm hoặc kéo thả tệp .csv, .xlsx vào đây').waitFor();
}

async function upload(page: Page, name: string, csv: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  // The columns are guessed from the headers; go on to the preview.
  await page.getByText(`Tệp "${name}" có 2 dòng dữ liệu và 4 cột.`).waitFor();
  await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
}

async function unitsMatching(page: Page, baseUrl: string, q: string): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/units?q=${encodeURIComponent(q)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

describe.skipIf(!browserAvailable())('giao diện web: nhập danh mục đơn vị từ tệp (Chromium)', () => {
  const e2e = useChromium();

  it('nhập 2 xã mới từ CSV, tìm thấy trên trang đơn vị; tệp có dòng lỗi thì không nhập gì', { timeout: 180_000 }, async () => {
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    const consoleErrors: string[] = [];
    try {
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      await login(page, e2e.server.baseUrl, 'admin');

      // A good file: 2 rows to create, no errors, then commit.
      await openImport(page, e2e.server.baseUrl);
      await upload(page, 'xa-moi.csv', GOOD_CSV);
      await page.getByText('Không phát hiện lỗi. Có thể nhập vào danh mục.').waitFor();
      const stats = page.locator('.ant-statistic');
      await expectText(stats.filter({ hasText: 'Thêm mới' }), '2');
      await expectText(stats.filter({ hasText: 'Số lỗi' }), '0');
      const preview = page.locator('.ant-table-tbody');
      await expectText(preview, '99901', 'Xã Thử Nghiệm Một', '99902', 'Xã Thử Nghiệm Hai');
      expect(await page.locator('.ant-table-row', { hasText: 'Thêm mới' }).count()).toBe(2);
      await page.getByRole('button', { name: 'Nhập 2 đơn vị vào danh mục' }).click();
      await page.getByText('Đã nhập danh mục đơn vị hành chính.').waitFor();
      await page.getByText('Thêm mới 2 đơn vị, cập nhật 0 đơn vị.').waitFor();

      // The units page finds the new commune (accent-free search).
      await page.getByRole('button', { name: 'Xem cây đơn vị' }).click();
      await page.waitForURL(/\/units$/);
      await page.getByPlaceholder('Tìm theo tên hoặc mã (có dấu hoặc không dấu)').fill('thu nghiem hai');
      const found = page.locator('.ant-table-row', { hasText: 'Thử Nghiệm Hai' });
      await found.waitFor();
      await expectText(found, '99902');

      // A file with a bad row: its Vietnamese error is shown and nothing can be committed.
      await openImport(page, e2e.server.baseUrl);
      await upload(page, 'co-loi.csv', BAD_CSV);
      await page.getByText('Tệp có 1 lỗi. Chưa nhập dòng nào; hãy sửa tệp (hoặc cách ghép cột) rồi thử lại.').waitFor();
      const errorRow = page.locator('.ant-table-row', { hasText: 'không hợp lệ' });
      await expectText(errorRow, 'Dòng 3: loại đơn vị "Làng" không hợp lệ (ví dụ: Tỉnh, Thị xã, Phường, Xã).');
      await expectText(stats.filter({ hasText: 'Số lỗi' }), '1');
      expect(await page.getByRole('button', { name: /Nhập \d+ đơn vị vào danh mục/ }).isDisabled()).toBe(true);
      // Nothing was saved, not even the good row.
      expect(await unitsMatching(page, e2e.server.baseUrl, '99911')).toBe(0);
      expect(await unitsMatching(page, e2e.server.baseUrl, 'Không Được Nhập')).toBe(0);
      expect(await unitsMatching(page, e2e.server.baseUrl, '99902')).toBe(1);

      expect(consoleErrors).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: 'test-results/e2e-import-failure.png', fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await ctx.close();
    }
  });
});

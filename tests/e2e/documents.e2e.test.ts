// The documents screens end to end, in Debian's Chromium against the real server with the demo
// data: vp.sahuynh writes a conclusion notice (sections with sub-items), issues it, gets its number,
// finds it in the outgoing register and downloads the .docx.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO_PASSWORD, browserAvailable, expectText, pickOption, useChromium } from './support.ts';

const SUBJECT = 'Kết luận của Thường trực HĐND phường tại Hội nghị trực báo quý IV năm 2026';

async function login(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForSelector('.nt-header');
}

describe.skipIf(!browserAvailable())('giao diện web: soạn, ban hành, sổ văn bản đi (Chromium)', () => {
  const e2e = useChromium();

  it('ban hành thông báo kết luận, thấy số trong sổ, tải về tệp .docx', { timeout: 180_000 }, async () => {
    const sahuynh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, timeout: 20_000 }, async (page) => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      // The menu leads to the register; "Soạn văn bản" to the form.
      await page.locator('.ant-layout-sider').getByText('Văn bản', { exact: true }).last().click();
      await page.waitForURL(`**/councils/${sahuynh}/documents`);
      await page.getByText('Sổ văn bản đi', { exact: true }).first().waitFor();
      await page.getByRole('link', { name: /Soạn văn bản/ }).click();
      await page.waitForURL(`**/councils/${sahuynh}/documents/new`);
      await page.getByText('1. Mẫu văn bản').waitFor();

      // Issuing with an empty form is refused on the form itself.
      await page.getByRole('button', { name: /Ban hành \(lấy số\)/ }).click();
      await page.getByText('Hãy nhập trích yếu.').waitFor();

      await page.getByLabel('Trích yếu (dòng dưới chữ THÔNG BÁO)').fill(SUBJECT);
      await page.getByLabel('Người kết luận').fill('đồng chí Nguyễn Văn An - Chủ tịch HĐND phường');
      await page.getByLabel('Đoạn mở đầu 1', { exact: true }).fill('Ngày 20/11/2026, tại Hội trường UBND phường, Thường trực HĐND phường tổ chức Hội nghị trực báo quý IV.');
      await page.getByLabel('Tên mục 1', { exact: true }).fill('Kết quả đạt được');
      await page.getByLabel('Đoạn văn mục 1 1', { exact: true }).fill('Thường trực, các Ban HĐND phường hoàn thành chương trình công tác năm 2026.');
      await page.getByRole('button', { name: 'Thêm mục con' }).click();
      await page.getByLabel('Tên mục con 1.1', { exact: true }).fill('Trong hoạt động giám sát');
      await page.getByLabel('Nội dung mục con 1.1', { exact: true }).fill('Đã tổ chức 05 đợt giám sát và 01 đợt khảo sát.');
      await page.getByRole('button', { name: 'Thêm mục kết luận' }).click();
      await page.getByLabel('Tên mục 2', { exact: true }).fill('Nhiệm vụ năm 2027');
      await page.getByLabel('Đoạn văn mục 2 1', { exact: true }).fill('Tiếp tục đổi mới công tác tổ chức kỳ họp.');
      // The signer: the standing committee's chair by default, with the ND30 capacity; here someone
      // typed by hand instead.
      const signerItem = page.locator('.ant-form-item', { has: page.getByLabel('Người ký', { exact: true }) });
      await expectText(signerItem, 'Chủ tịch HĐND', 'TM. THƯỜNG TRỰC HĐND / CHỦ TỊCH');
      await pickOption(page, signerItem.locator('.ant-select'), 'Người khác (nhập họ tên)');
      await page.getByLabel('Họ và tên người ký').fill('Trần Duy Khánh');

      // The draft preview downloads a .docx without taking a number.
      const [draft] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xem trước dự thảo/ }).click()]);
      expect(draft.suggestedFilename()).toMatch(/\.docx$/);

      await page.getByRole('button', { name: /Ban hành \(lấy số\)/ }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Ban hành' }).click();
      const number = page.getByTestId('issued-number');
      await number.waitFor();
      // The standing committee's register already holds the demo's letters of this year (typed and
      // issued numbers share it: tests/documents/numbering.test.ts), so the notice takes the next one.
      const issued = /^Số: (\d{2,})\/TB-HĐND$/.exec((await number.textContent()) ?? '');
      expect(issued, 'the issued number').not.toBeNull();
      const nn = issued![1]!;

      // Download from the result page.
      const [fromResult] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Tải về/ }).click()]);
      expect(fromResult.suggestedFilename()).toBe(`TB-${nn}-HĐND-${new Date().getFullYear()}.docx`);

      // The register lists it with its number; download from the row.
      await page.getByRole('button', { name: 'Về sổ văn bản đi' }).click();
      await page.waitForURL(`**/councils/${sahuynh}/documents`);
      const row = page.locator('.ant-table-row', { hasText: SUBJECT });
      await row.waitFor();
      expect(await row.getByTestId('doc-symbol').textContent()).toBe(`${nn}/TB-HĐND`);
      await row.getByText('Đã ban hành').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Tải về văn bản ${nn}/TB-HĐND` }).click()]);
      const name = download.suggestedFilename();
      expect(name).toMatch(new RegExp(`^TB-${nn}-HĐND-\\d{4}\\.docx$`));
      const file = await download.path();
      const bytes = new Uint8Array(fs.readFileSync(file));
      expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0x50, 0x4b, 0x03, 0x04]); // a zip
      const parts = unzipSync(bytes);
      expect(Object.keys(parts)).toContain('word/document.xml');
      const xml = strFromU8(parts['word/document.xml']!);
      expect(xml).toContain(`${nn}/TB-HĐND`);
      expect(xml).toContain('Trong hoạt động giám sát');

      // Regenerate: the same file, by its SHA-256.
      await row.getByRole('button', { name: `Tạo lại văn bản ${nn}/TB-HĐND` }).click();
      await page.locator('.ant-modal-confirm-title', { hasText: 'tệp tạo lại giống hệt tệp đã ban hành' }).waitFor();
      const before = await page.getByTestId('sha-before').textContent();
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.getByTestId('sha-after').textContent()).toBe(before);
      await page.getByRole('button', { name: 'Đóng' }).click();

      // Cancel needs a reason; the number stays, marked "Đã hủy".
      await row.getByRole('button', { name: `Hủy văn bản ${nn}/TB-HĐND` }).click();
      const dialog = page.locator('.ant-modal', { hasText: `Hủy văn bản số ${nn}/TB-HĐND` });
      await dialog.getByRole('button', { name: 'Hủy văn bản' }).click();
      await dialog.getByText('Hãy nhập lý do hủy văn bản.').waitFor();
      await dialog.getByLabel('Lý do hủy').fill('Sai thành phần nơi nhận');
      await dialog.getByRole('button', { name: 'Hủy văn bản' }).click();
      await row.getByText('Đã hủy').waitFor();
      expect(await row.getByTestId('doc-symbol').textContent()).toBe(`${nn}/TB-HĐND`);

      // The register exports with its filters.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất Excel/ }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/^So-van-ban-di-.+\.xlsx$/);

      expect(pageErrors).toEqual([]);
    });
  });
});

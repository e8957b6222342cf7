// Work with the executive in Chromium: the province's reporting conference page (1440 px) shows
// the communes side by side with figures equal to each commune's own dashboard, and issues the
// conclusion notice; the ward's incoming register at phone width (390 px): cards, a search without
// diacritics, registering an arrival, routing it to a handler.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserAvailable, expectNoSideScroll, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-coordination');

describe.skipIf(!browserAvailable())('phối hợp với UBND (Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  it('hội nghị trực báo: các HĐND cấp dưới đặt cạnh nhau, số liệu khớp bảng tổng hợp của từng HĐND (1440 px)', { timeout: 240_000 }, async () => {
    const province = e2e.server.ids.get('council:province')!;
    const admin = await apiAs(e2e.server.baseUrl, 'admin');
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.tinh');
      await page.goto(`${e2e.server.baseUrl}/councils/${province}/reporting-conferences`);
      await page.getByRole('heading', { name: 'Hội nghị trực báo' }).waitFor();
      await page.getByRole('link', { name: /Hội nghị trực báo Thường trực HĐND tỉnh/ }).click();
      await page.getByText('Số liệu các HĐND cấp dưới').waitFor();
      const lower = await admin.get<{ councils: { councilId: string; councilName: string; sessionsHeld: number; supervisionActivities: number }[] }>(`/councils/${province}/dashboard/lower-councils`);
      expect(lower.councils.length).toBeGreaterThan(1);
      const table = page.locator('.ant-table').filter({ hasText: 'Kiến nghị thu thập' });
      await table.getByText('Tổng cộng').waitFor();
      for (const c of lower.councils) {
        const own = await admin.get<{ totals: Record<string, { value: number }> }>(`/councils/${c.councilId}/dashboard/petitions`);
        const row = table.locator('tbody tr').filter({ hasText: c.councilName }).first();
        const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
        // HĐND | sessions | supervision | collected | forwarded | resolved | overdue | rate | letters
        expect({ council: cells[0], sessions: cells[1], supervision: cells[2], collected: cells[3], forwarded: cells[4], resolved: cells[5], overdue: cells[6] }).toEqual({
          council: c.councilName,
          sessions: String(c.sessionsHeld),
          supervision: String(c.supervisionActivities),
          collected: own.totals.petitions!.value.toLocaleString('vi-VN'),
          forwarded: own.totals.forwarded!.value.toLocaleString('vi-VN'),
          resolved: own.totals.resolved!.value.toLocaleString('vi-VN'),
          overdue: own.totals.overdue!.value.toLocaleString('vi-VN'),
        });
      }
      await page.screenshot({ path: path.join(SHOTS, 'conference-1440.png'), fullPage: true });
      // The conclusion notice, drafted from those figures, numbered and downloaded.
      await page.getByRole('button', { name: 'Ban hành thông báo kết luận' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Ban hành (.docx)' }).click()]);
      const file = path.join(SHOTS, 'thong-bao-ket-luan.docx');
      await download.saveAs(file);
      expect(fs.statSync(file).size).toBeGreaterThan(5000);
      await page.getByRole('button', { name: /Tải thông báo kết luận \d+\/TB-/ }).waitFor();
    });
  });

  it('sổ văn bản đến trên điện thoại: thẻ, tìm không dấu, vào sổ và giao xử lý (390 px)', { timeout: 240_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/incoming`);
      await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
      await page.getByText('215/KH-UBND').first().waitFor();
      await page.getByText('Quá hạn', { exact: false }).first().waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'incoming-390.png'), fullPage: true });
      await page.getByLabel('Tìm văn bản đến').fill('doi thoai boi thuong');
      await page.getByLabel('Tìm văn bản đến').press('Enter');
      await page.getByText('Kế hoạch tổ chức đối thoại với Nhân dân').waitFor();
      await expect.poll(async () => page.getByText('88/TTr-UBND').count()).toBe(0);

      await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
      await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
      await page.getByLabel('Cơ quan, tổ chức ban hành').fill('Ủy ban nhân dân phường Sa Huỳnh');
      await page.getByLabel('Số, ký hiệu văn bản').fill('233/BC-UBND');
      await pickOption(page, page.locator('.ant-select', { has: page.getByLabel('Loại văn bản') }), 'Báo cáo kết quả');
      await page.getByLabel('Trích yếu nội dung').fill('Báo cáo kết quả khắc phục sạt lở bờ biển thôn Thạnh Đức.');
      await page.screenshot({ path: path.join(SHOTS, 'incoming-new-390.png'), fullPage: true });
      await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
      await page.getByRole('heading', { name: /Văn bản đến số \d+\/\d{4}/ }).waitFor();
      await page.getByRole('button', { name: 'Giao người xử lý' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Người xử lý').fill('Huỳnh');
      await page.locator('.ant-select-dropdown:visible').getByText('Huỳnh Văn Đạt', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Giao xử lý' }).click();
      await page.getByText('Đã giao người xử lý', { exact: true }).first().waitFor();
      await page.getByText('Huỳnh Văn Đạt').first().waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'incoming-detail-390.png'), fullPage: true });
      // The other pages of the module at phone width: no sideways scroll.
      for (const [route, heading, shot] of [['invitations', 'Giấy mời họp', 'invitations'], ['periodic-reports', 'Báo cáo định kỳ', 'periodic-reports']] as const) {
        await page.goto(`${e2e.server.baseUrl}/councils/${sh}/${route}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.locator('.ant-card').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSideScroll(page);
        await page.screenshot({ path: path.join(SHOTS, `${shot}-390.png`), fullPage: true });
      }
      // The same pages on a desk (1440 px), for the record.
      await page.setViewportSize({ width: 1440, height: 900 });
      for (const route of ['incoming', 'invitations', 'periodic-reports']) {
        await page.goto(`${e2e.server.baseUrl}/councils/${sh}/${route}`);
        await page.locator('.ant-table').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(SHOTS, `${route}-1440.png`), fullPage: true });
      }
    });
  });

  it('ghi giấy mời họp trên điện thoại: ngày và giờ chọn riêng, bảng chọn nằm trong màn hình; giấy mời hiện đúng giờ (390 px)', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const vp = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const person = (await vp.get<{ items: { fullName: string }[] }>(`/councils/${sh}/coordination/people?pageSize=5`)).items[0]!.fullName;
    await e2e.withPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      const within = async (what: string) => {
        const box = (await page.locator(`${what}:visible`).first().boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      };
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/invitations?when=all`);
      await page.getByRole('button', { name: 'Ghi giấy mời' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nội dung cuộc họp').fill('Họp bàn phương án tiêu thoát nước khu dân cư Thạnh Đức');
      await dialog.getByLabel('Cơ quan mời', { exact: true }).fill('Ủy ban nhân dân phường Sa Huỳnh');
      const day = dialog.getByLabel('Ngày họp');
      expect(await day.getAttribute('placeholder')).toBe('Chọn ngày'); // not antd's "Chọn thời điểm"
      await day.click();
      await within('.ant-picker-dropdown');
      await day.fill('15/03/2031');
      await day.press('Enter');
      const time = dialog.getByLabel('Giờ bắt đầu');
      await time.click();
      await within('.ant-picker-dropdown');
      await time.fill('08:30');
      await time.press('Enter');
      await pickOption(page, dialog.locator('.ant-select', { has: page.getByLabel('Lãnh đạo HĐND được mời') }), person);
      await dialog.getByRole('button', { name: 'Ghi giấy mời' }).click();
      await page.getByText('Đã ghi giấy mời.').waitFor();
      await page.getByText('15/03/2031 08:30').waitFor();
      await expectNoSideScroll(page);
    });
  });
});

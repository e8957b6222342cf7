// Delegate training in Chromium: the secretariat (1440 px) creates a course for the committees'
// members, opens a class with today's session, enrols the required audience in one click, marks
// one delegate absent; the not-completed report shows that delegate, and the delegate's own record
// (390 px) shows the class, the mark and "not completed".
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserAvailable, expectNoSideScroll, expectText, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-training');

describe.skipIf(!browserAvailable())('bồi dưỡng đại biểu (Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  it('Văn phòng mở lớp, ghi danh đối tượng phải tham dự, điểm danh; báo cáo và hồ sơ của đại biểu (390 px) thể hiện kết quả', { timeout: 300_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const api = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const me = await api.get<{ fullName: string }>(`/councils/${sh}/delegates/${e2e.server.ids.get('delegate:sa-huynh:3')}`);
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/training`);
      await page.getByRole('heading', { name: 'Khóa, lớp bồi dưỡng đại biểu' }).waitFor();
      await expectText(page.locator('.ant-card').first(), 'Hội đồng nhân dân phường Sa Huỳnh');
      // The share as Vietnamese writes it: a decimal comma, no space before the sign ("4 (66,7%)").
      expect(await page.locator('.ant-card').first().locator('td').nth(2).textContent()).toMatch(/^\d+ \(\d+(,\d+)?%\)$/);
      await page.screenshot({ path: path.join(SHOTS, 'courses-1440.png'), fullPage: true });
      await page.getByRole('button', { name: 'Tạo khóa bồi dưỡng' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên khóa').fill('Kỹ năng thẩm tra dự thảo nghị quyết');
      await dialog.getByText('Đại biểu lần đầu trúng cử').click();
      await dialog.getByText('Thành viên các Ban', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Tạo khóa' }).click();
      await page.getByRole('heading', { name: 'Kỹ năng thẩm tra dự thảo nghị quyết' }).waitFor();
      await page.getByText('Mặc định, chưa kiểm chứng').waitFor();
      await page.getByRole('button', { name: 'Mở lớp' }).click();
      const cls = page.getByRole('dialog');
      await cls.getByLabel('Tên lớp').fill('Lớp thẩm tra – đợt 1');
      await cls.getByLabel('Chủ đề buổi 1').fill('Quy trình thẩm tra của các Ban');
      await cls.getByRole('button', { name: 'Mở lớp' }).click();
      await page.getByRole('heading', { name: 'Lớp thẩm tra – đợt 1' }).waitFor();
      await page.getByRole('button', { name: 'Ghi danh đối tượng phải tham dự' }).click();
      await page.getByText(/Đã ghi danh \d+ đại biểu/).waitFor();
      await page.getByText(me.fullName).first().waitFor();
      await page.getByRole('button', { name: 'Điểm danh' }).click();
      const att = page.getByRole('dialog');
      await pickOption(page, att.locator('.ant-select', { has: page.getByLabel(`Điểm danh ${me.fullName}`) }), 'Vắng không lý do');
      await att.getByRole('button', { name: 'Lưu điểm danh' }).click();
      await page.getByText('Đã điểm danh.').waitFor();
      const learners = page.locator('.ant-card', { hasText: 'Học viên' });
      await expectText(learners, 'Chưa hoàn thành', 'Đã hoàn thành');
      // A learner who attended: the certificate, numbered in the register.
      await learners.getByRole('button', { name: 'Cấp giấy chứng nhận' }).first().click();
      const cert = page.getByRole('dialog');
      await cert.getByLabel('Họ và tên người ký').fill('Huỳnh Văn Đạt');
      await cert.getByRole('button', { name: 'Cấp giấy chứng nhận (.docx)' }).click();
      await page.getByText(/Đã cấp giấy chứng nhận số \d+\/GCN-HĐND/).waitFor();
      await learners.getByText('Đã cấp giấy chứng nhận').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'class-1440.png'), fullPage: true });

      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/training/report`);
      await page.getByRole('heading', { name: 'Đại biểu chưa hoàn thành bồi dưỡng bắt buộc' }).waitFor();
      await pickOption(page, page.locator('.ant-select', { has: page.getByLabel('Khóa bồi dưỡng') }), 'Kỹ năng thẩm tra dự thảo nghị quyết');
      const table = page.locator('.ant-table');
      await expectText(table, me.fullName, 'Chưa đạt tỷ lệ tham dự', 'Tham dự 0/1 buổi, cần 1');
      expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, 'report-1440.png'), fullPage: true });
    });

    // The secretariat's pages on a phone: tables become cards, nothing wider than the screen.
    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (sp) => {
      await login(sp, e2e.server.baseUrl, 'vp.sahuynh');
      for (const [route, heading, shot] of [['training', 'Khóa, lớp bồi dưỡng đại biểu', 'courses-390.png'], ['training/report', 'Đại biểu chưa hoàn thành bồi dưỡng bắt buộc', 'report-390.png']] as const) {
        await sp.goto(`${e2e.server.baseUrl}/councils/${sh}/${route}`);
        await sp.getByRole('heading', { name: heading }).waitFor();
        await sp.getByText(route === 'training' ? 'Kỹ năng thẩm tra dự thảo nghị quyết' : me.fullName).first().waitFor();
        await expectNoSideScroll(sp);
        await sp.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
      }
    });

    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (p) => {
      await login(p, e2e.server.baseUrl, 'daibieu.sahuynh');
      await p.goto(`${e2e.server.baseUrl}/councils/${sh}/my-training`);
      await p.getByRole('heading', { name: 'Hồ sơ bồi dưỡng của tôi' }).waitFor();
      const card = p.locator('.ant-card', { hasText: 'Lớp thẩm tra – đợt 1' });
      await expectText(card, 'Chưa hoàn thành', 'Vắng không lý do', 'Quy trình thẩm tra của các Ban');
      await p.getByText('Bạn còn khóa bồi dưỡng bắt buộc chưa hoàn thành.').waitFor();
      // The earlier class, completed, with its certificate to download.
      await p.getByRole('button', { name: 'Tải giấy chứng nhận' }).waitFor();
      await expectNoSideScroll(p);
      await p.screenshot({ path: path.join(SHOTS, 'my-training-390.png'), fullPage: true });
    });
  });
});

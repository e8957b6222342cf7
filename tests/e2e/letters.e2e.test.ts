// Reception and letters in Chromium: a delegate at phone width records a citizen received (the
// reception opens the letter), forwards it with an official letter (numbered in the register), and finds it on their own
// list; the secretariat's register at desktop width shows a denunciation without its sender.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoSideScroll, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-letters');

describe.skipIf(!browserAvailable())('tiếp công dân, đơn thư (Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  it('đại biểu ghi lượt tiếp công dân, chuyển đơn bằng công văn, thấy đơn trong danh sách của mình (390 px)', { timeout: 240_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'daibieu.sahuynh');
      // The reception, written into the Sổ tiếp công dân, opens the citizen's letter.
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/my-receptions`);
      await page.getByRole('heading', { name: 'Tiếp công dân của tôi' }).waitFor();
      await page.getByRole('button', { name: 'Ghi lượt tiếp công dân' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Họ và tên công dân').fill('Trương Văn Mạnh');
      await dialog.getByLabel('Địa chỉ công dân').fill('Tổ dân phố Long Thạnh 2, phường Sa Huỳnh');
      await dialog.getByLabel('Số căn cước, hộ chiếu hoặc giấy tờ khác').fill('051085006789');
      await pickOption(page, dialog.locator('.ant-select', { has: page.getByLabel('Phân loại nội dung') }), 'Phản ánh');
      await page.keyboard.press('Escape');
      await dialog.getByLabel('Tóm tắt nội dung vụ việc').fill('Phản ánh đèn tín hiệu giao thông ngã tư chợ Sa Huỳnh hỏng nhiều ngày.');
      await dialog.getByLabel('Yêu cầu, đề nghị của công dân').fill('Đề nghị sửa chữa sớm để bảo đảm an toàn giao thông.');
      await dialog.getByLabel('Kết quả tiếp: việc đã làm, nội dung trả lời công dân').fill('Tiếp nhận, sẽ chuyển Ủy ban nhân dân phường giải quyết và thông báo kết quả.');
      await page.screenshot({ path: path.join(SHOTS, 'reception-390.png'), fullPage: true });
      await dialog.getByRole('button', { name: 'Ghi vào sổ' }).click();
      await page.getByRole('button', { name: 'Chuyển đơn' }).waitFor();
      const reference = (await page.getByRole('heading').first().textContent())!.replace('Đơn ', '').trim();
      expect(reference).toMatch(/^PA-\d{4}-\d{4}$/);
      await page.getByRole('button', { name: 'Chuyển đơn' }).click();
      const fwd = page.getByRole('dialog');
      // a searchable list of every agency: type, then pick
      await fwd.getByLabel('Cơ quan nhận đơn').fill('phường Sa Huỳnh');
      await page.locator('.ant-select-dropdown:visible').getByText('Ủy ban nhân dân phường Sa Huỳnh', { exact: true }).click();
      await fwd.getByLabel('Họ và tên người ký công văn').fill('Huỳnh Văn Đạt');
      await fwd.getByRole('button', { name: 'Chuyển đơn, cấp số công văn' }).click();
      await page.getByText(/bằng công văn số \d+\/HĐND-VP/).waitFor();
      await page.getByText('Nhật ký chuyển đơn').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'forwarded-390.png'), fullPage: true });
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/my-letters`);
      const row = page.getByText(reference).first();
      await row.waitFor();
      await page.getByText('Chờ cơ quan có thẩm quyền báo kết quả').first().waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'my-letters-390.png'), fullPage: true });
    });
  });

  it('sổ theo dõi đơn thư của Văn phòng: đơn tố cáo không lộ người gửi (1440 px)', { timeout: 120_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'tt.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/letters`);
      await page.getByRole('heading', { name: 'Sổ theo dõi đơn thư' }).waitFor();
      await page.getByText(/Thông tin người gửi được giữ bí mật \(TC-/).first().waitFor();
      expect(await page.getByText('Trần Văn Hùng').count()).toBe(0);
      await page.getByText('Phạm Văn Lộc').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'register-1440.png'), fullPage: true });
    });
  });

  it('hồ sơ đơn trên điện thoại: lĩnh vực đã xác nhận, tài liệu kèm theo, kèm thêm bản chụp (390 px)', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      const id = await page.evaluate(async (c) => {
        const r = await (await fetch(`/api/councils/${c}/letters?kind=complaint&pageSize=100`)).json();
        return (r.items as { id: string; summary: string | null }[]).find((l) => l.summary?.includes('bồi thường khi thu hồi đất'))!.id;
      }, sh);
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/letters/${id}`);
      await page.getByText('Tài liệu kèm theo', { exact: true }).waitFor();
      await page.locator('.ant-tag', { hasText: 'Đất đai' }).waitFor();
      await page.getByRole('link', { name: 'Don-khieu-nai-Pham-Van-Loc.png' }).waitFor();
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      await page.locator('input[type=file]').setInputFiles({ name: 'Bien-nhan-ho-so.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('link', { name: 'Bien-nhan-ho-so.png' }).waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'letter-field-attachments-390.png'), fullPage: true });
    });
  });

  it('công dân đăng ký tiếp trực tuyến trên điện thoại (không đăng nhập); Văn phòng thấy đăng ký để xác nhận (1440 px)', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: { width: 390, height: 844 }, timeout: 30_000 }, async (page) => {
      await page.goto(`${e2e.server.baseUrl}/cong-khai/${sh}/tiep-cong-dan`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.content()).not.toContain('Võ Thị Hạnh'); // the demo's own request is never public
      const day = page.getByLabel('Ngày tiếp');
      await day.selectOption({ index: 1 });
      await page.getByLabel('Họ và tên').fill('Lâm Văn Phúc');
      await page.getByLabel('Địa chỉ').fill('Tổ dân phố Long Thạnh 2, phường Sa Huỳnh');
      await page.getByLabel('Số căn cước hoặc hộ chiếu').fill('051091003333');
      await page.getByLabel('Số điện thoại').fill('0905777888');
      await page.getByLabel('Tóm tắt nội dung cần trình bày').fill('Đề nghị xem xét việc chậm giải quyết hồ sơ trợ cấp người có công.');
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
      await page.getByRole('status').getByText(/Mã đăng ký: TT-[0-9A-F]{8}/).waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'public-online-390.png'), fullPage: true });
    });
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 30_000 }, async (office) => {
      await login(office, e2e.server.baseUrl, 'vp.sahuynh');
      await office.goto(`${e2e.server.baseUrl}/councils/${sh}/online-receptions`);
      await office.getByRole('heading', { name: 'Tiếp công dân trực tuyến' }).waitFor();
      await office.getByText('Lâm Văn Phúc').waitFor();
      await office.getByText(/Thông báo chậm nhất/).first().waitFor();
      await office.screenshot({ path: path.join(SHOTS, 'online-requests-1440.png'), fullPage: true });
      // The year's schedule: the months gone by without a reception day in runs ("tháng 1–10/2026"), not one sentence per month.
      await office.goto(`${e2e.server.baseUrl}/councils/${sh}/receptions`);
      await office.getByRole('heading', { name: 'Sổ tiếp công dân' }).waitFor();
      const year = office.getByLabel('Năm');
      await year.fill('2026');
      await year.press('Tab');
      await office.getByText('Lịch tiếp công dân năm 2026').waitFor();
      const short = office.getByRole('alert').filter({ hasText: /^Chưa tiếp đủ theo lịch ở \d+ tháng đã qua/ });
      await short.getByText(/^tháng 1(–\d+)?\/2026: 0\/1 ngày/).waitFor();
      expect(await short.textContent()).not.toContain('mới tiếp');
    });
  });
});

// The verification chain end to end, in Debian's Chromium against the real server with the demo
// data: the ward's Ban Kinh tế – Ngân sách records its meeting and files its verification report
// with a point to explain, the ward's people's committee answers it through its own login at phone
// width, and the chain page shows tờ trình → thẩm tra → tiếp thu with their dates. Screenshots of
// the chain page at 1440 and 390 px go to $NT_SHOTS_DIR (default /tmp/nt-chain-shots).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInVietnam } from '../../src/domain/calendar/index.ts';
import { apiAs, browserAvailable, expectNoSideScroll, expectText, login, pickOption, useChromium } from './support.ts';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const SHOTS = process.env.NT_SHOTS_DIR ?? '/tmp/nt-chain-shots';

async function fillDate(page: Page, scope: import('playwright-core').Locator, label: string, iso: string) {
  const input = scope.getByLabel(label);
  await input.fill(dmy(iso));
  await input.press('Enter');
  void page;
}

describe.skipIf(!browserAvailable())('giao diện web: Ban thẩm tra, cơ quan trình tiếp thu, giải trình (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('Ban gửi báo cáo thẩm tra có ý kiến đề nghị giải trình; UBND phường trả lời; trang chuỗi thẩm tra hiển thị đủ', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const agency = e2e.server.ids.get('agency:ubnd-sa-huynh')!;
    const today = todayInVietnam(new Date());
    const errors: string[] = [];
    // Set-up that is not the point of the test: the report arrives on paper, the standing committee assigns it.
    const vpApi = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const sessions = await vpApi.get<{ items: { id: string; state: string }[] }>(`/councils/${sh}/sessions`);
    const sessionId = sessions.items.find((s) => s.state === 'planned')!.id;
    const detail = await vpApi.get<{ items: { id: string; title: string; documents: { id: string }[] }[] }>(`/councils/${sh}/sessions/${sessionId}`);
    const item = detail.items.find((i) => i.title.startsWith('Báo cáo tình hình kinh tế'))!;
    await vpApi.post(`/councils/${sh}/session-documents/${item.documents[0]!.id}/paper`, { receivedOn: today });
    await (await apiAs(e2e.server.baseUrl, 'tt.sahuynh')).post(`/councils/${sh}/session-items/${item.id}/assignment`, { committeeBodyId: e2e.server.ids.get('body:sa-huynh:committee:0'), submissionNumber: '130/BC-UBND' });

    // The committee member, at desk width.
    const banCtx = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const ban = await banCtx.newPage();
    ban.setDefaultTimeout(20_000);
    ban.on('pageerror', (e) => errors.push(String(e)));
    await login(ban, e2e.server.baseUrl, 'ban.sahuynh');
    await ban.goto(`${e2e.server.baseUrl}/councils/${sh}/session-items/${item.id}/chain`);
    await expectText(ban.locator('.ant-card', { hasText: 'Phân công và cuộc họp thẩm tra' }), 'Ban Kinh tế – Ngân sách', 'Chưa họp');
    await ban.getByRole('button', { name: 'Ghi cuộc họp thẩm tra' }).click();
    const meeting = ban.locator('.ant-modal:visible');
    await fillDate(ban, meeting, 'Ngày họp', today);
    await meeting.getByLabel('Thành phần dự họp').fill('Trưởng Ban, Phó Trưởng Ban và các thành viên Ban Kinh tế – Ngân sách');
    await meeting.getByLabel('Đại diện cơ quan soạn thảo').fill('Phó Chủ tịch UBND phường');
    await meeting.getByRole('button', { name: 'Lưu' }).click();
    await ban.getByText('Đã ghi cuộc họp thẩm tra.').waitFor();

    await ban.getByRole('button', { name: 'Gửi báo cáo thẩm tra' }).click();
    const report = ban.locator('.ant-modal:visible');
    await report.getByLabel('Số báo cáo').fill('15/BC-BKTNS');
    await fillDate(ban, report, 'Ngày ban hành', today);
    await pickOption(ban, report.locator('.ant-select').first(), 'Đề nghị giải trình, làm rõ');
    await report.getByLabel('Nội dung', { exact: true }).first().fill('Báo cáo đánh giá đầy đủ tình hình kinh tế – xã hội năm 2026.');
    await report.getByRole('button', { name: 'Thêm ý kiến' }).click();
    await report.getByLabel('Ý kiến 2: điều, khoản, mục').fill('Mục II');
    await report.getByLabel('Nội dung', { exact: true }).nth(1).fill('Đề nghị làm rõ nguyên nhân thu ngân sách từ đất đạt thấp so với dự toán.');
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await ban.getByText('Đã gửi báo cáo thẩm tra.').waitFor();
    const points = ban.locator('.ant-card', { hasText: 'Báo cáo thẩm tra và tiếp thu' });
    await expectText(points, '15/BC-BKTNS', 'Mục II', 'Đề nghị giải trình, làm rõ', 'Chờ giải trình');

    // The ward's people's committee answers at phone width, through its own login.
    const agCtx = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const ag = await agCtx.newPage();
    ag.setDefaultTimeout(20_000);
    ag.on('pageerror', (e) => errors.push(String(e)));
    await login(ag, e2e.server.baseUrl, 'ubnd.sahuynh');
    await ag.goto(`${e2e.server.baseUrl}/agencies/${agency}/session-documents`);
    await ag.locator('.nt-card', { hasText: item.title }).first().getByRole('link', { name: 'Ý kiến thẩm tra, tiếp thu' }).click();
    await ag.waitForURL(/\/session-items\/[0-9a-f-]{36}\/chain$/);
    await ag.getByRole('button', { name: 'Gửi báo cáo tiếp thu, giải trình' }).click();
    const resp = ag.locator('.ant-modal:visible');
    await resp.getByLabel('Số báo cáo').fill('141/BC-UBND');
    await fillDate(ag, resp, 'Ngày ban hành', today);
    // Sending without the required answer is stopped on the form.
    await resp.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await resp.getByText('Ban đề nghị giải trình ý kiến này: hãy trả lời.').waitFor();
    await resp.getByLabel('Nội dung tiếp thu, giải trình (bắt buộc)').fill('Do thị trường bất động sản trầm lắng, hai khu đất đấu giá chưa có người trúng; UBND phường đã điều chỉnh kế hoạch đấu giá sang quý I/2027.');
    await resp.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await ag.getByText('Đã gửi báo cáo tiếp thu, giải trình.').waitFor();
    await expectText(ag.locator('.ant-card', { hasText: 'Báo cáo thẩm tra và tiếp thu' }), '141/BC-UBND', 'Giải trình, giữ nguyên', 'điều chỉnh kế hoạch đấu giá');

    // The secretariat's chain page shows the three steps with their dates.
    const vpCtx = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const vp = await vpCtx.newPage();
    vp.on('pageerror', (e) => errors.push(String(e)));
    await login(vp, e2e.server.baseUrl, 'vp.sahuynh');
    await vp.goto(`${e2e.server.baseUrl}/councils/${sh}/sessions/${sessionId}`);
    await vp.locator('[data-testid="session-item"]', { hasText: item.title }).getByRole('link', { name: 'Chuỗi thẩm tra' }).click();
    const steps = vp.locator('[data-testid="chain-steps"]');
    await expectText(steps, 'Số 130/BC-UBND', 'Số 15/BC-BKTNS', 'Số 141/BC-UBND', `Ngày ${dmy(today)}`, 'Chưa thông qua');
    await expectText(vp.locator('[data-testid="chain-step-responseReport"]'), 'Báo cáo tiếp thu, giải trình', `Ngày ${dmy(today)}`);
    await vp.screenshot({ path: path.join(SHOTS, 'chain-1440.png'), fullPage: true });
    await vp.setViewportSize({ width: 390, height: 844 });
    try {
      await expectNoSideScroll(vp, { tolerance: 1 });
    } finally {
      await vp.screenshot({ path: path.join(SHOTS, 'chain-390.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
    await Promise.all([banCtx.close(), agCtx.close(), vpCtx.close()]);
  });
});

// Election day end to end, in Debian's Chromium against the real server: a polling team at phone
// width (390 px) reports turnout and enters a tally sheet that fails a check (named as it types),
// saves it, fixes it and sends it; the Ban locks; the dashboard rolls the area up with the area not
// reported shown; the winners page shows every reason.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoSideScroll, expectText, login, useChromium } from './support.ts';
import { buildDayElection, commune, serverHost, type DayFixture } from '../elections/daySupport.ts';

const SHOTS = path.resolve('test-results/elections-day');
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe.skipIf(!browserAvailable())('giao diện web: ngày bầu cử, Tổ bầu cử trên điện thoại (Chromium)', () => {
  let f: DayFixture;
  const e2e = useChromium({ timeout: 240_000 });
  beforeAll(async () => {
    const host = serverHost(e2e.server.baseUrl, e2e.server.db, e2e.server.ids);
    f = await buildDayElection(host);
    const vp = await host.as('vp.sahuynh');
    await vp.put(`${f.base}/day-settings`, { turnoutHours: ['09:00', '11:00', '14:00', '17:00', '19:00'], inventoryIdentity: 'issued' });
  }, 240_000);

  it('Tổ bầu cử báo cáo cử tri đi bầu, nhập biên bản sai một phép kiểm tra rồi sửa; bảng tổng hợp và trang kết quả', { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const ctx = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const phone = await ctx.newPage();
    phone.setDefaultTimeout(20_000);
    phone.on('pageerror', (e) => errors.push(String(e)));
    await login(phone, e2e.server.baseUrl, f.users.to1);
    await phone.goto(`${e2e.server.baseUrl}/councils/${f.sh}/election-day?electionId=${f.electionId}`);
    await phone.getByRole('link', { name: 'Khu vực bỏ phiếu số 1' }).click();
    await phone.getByText('Báo cáo số cử tri đã bỏ phiếu').waitFor();
    await phone.getByRole('spinbutton', { name: 'Số cử tri đã bỏ phiếu' }).fill('30');
    await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expectText(phone.locator('.ant-card', { hasText: 'Đã báo cáo' }).last(), '09:00', '30 cử tri');
    await shot(phone, 'phone-area');

    // The tally sheet of the commune ballot: typed with one line wrong, the check named at once.
    await phone.getByRole('link', { name: 'Nhập biên bản' }).last().click();
    await phone.getByText('Số phiếu bầu cho mỗi người ứng cử').waitFor();
    const sheet = commune(f, { invalidBallots: 3 });
    const typeLine = async (label: string, value: number) => {
      const box = phone.getByRole('spinbutton', { name: label, exact: true });
      await box.fill(String(value));
    };
    const fig = sheet.figures;
    await typeLine('Số cử tri đã tham gia bỏ phiếu', fig.votersVoted);
    await typeLine('Số phiếu phát ra', fig.ballotsIssued);
    await typeLine('Số phiếu thu vào', fig.ballotsReceived);
    await typeLine('Số phiếu hợp lệ', fig.validBallots);
    await typeLine('Số phiếu không hợp lệ', fig.invalidBallots);
    for (const [i, name] of ['Nguyễn Văn Hải', 'Đặng Thị Lan', 'Huỳnh Văn Minh'].entries()) await typeLine(`Số phiếu bầu cho ${name}`, Object.values(fig.votes)[i]!);
    await typeLine('Số ô trống trên phiếu hợp lệ', fig.emptySlots);
    await typeLine('Số phiếu nhận được', fig.inventory.supplied);
    await typeLine('Số phiếu đổi do gạch hỏng', fig.inventory.spoiled);
    await typeLine('Số phiếu chưa sử dụng', fig.inventory.unused);
    const checks = phone.locator('.ant-card', { hasText: 'Kiểm tra số liệu' });
    await expectText(checks, '1 điểm không khớp', 'Số phiếu hợp lệ cộng số phiếu không hợp lệ bằng số phiếu thu vào', 'bằng 91, khác dòng "Số phiếu thu vào" (90)');
    await phone.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await phone.getByText('Bản nháp', { exact: true }).waitFor();
    await shot(phone, 'phone-tally-failing');
    // Fixed: the check passes, saved, sent to the Ban.
    await typeLine('Số phiếu không hợp lệ', 2);
    await expectText(checks, 'Các số liệu khớp nhau.');
    await phone.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await phone.getByRole('button', { name: 'Gửi Ban bầu cử' }).and(phone.locator(':not([disabled])')).click();
    await phone.getByText('Đã gửi Ban bầu cử', { exact: true }).waitFor();
    await shot(phone, 'phone-tally-sent');
    await expectNoSideScroll(phone, { tolerance: 1 });

    // The Ban locks both areas' sheets (the second area's team sent theirs through the API).
    const host = serverHost(e2e.server.baseUrl, e2e.server.db, e2e.server.ids);
    const ban = await host.as(f.users.ban1);
    const to2 = await host.as(f.users.to2);
    const list = await (await ban.get(`${f.base}/tally-sheets?ballotType=commune`)).json();
    expect(list.items).toHaveLength(1);
    expect((await ban.post(`${f.base}/tally-sheets/${list.items[0].id}/lock`, {})).status).toBe(200);
    const s2 = await (await to2.put(`${f.base}/polling-areas/${f.areas[1]}/tally-sheets/commune`, commune(f, { votersOnList: 80, votersMale: 35, votersFemale: 45, votersVoted: 70, ballotsIssued: 70, ballotsReceived: 70, validBallots: 70, invalidBallots: 0, inventory: { supplied: 80, spoiled: 0, unused: 10 }, emptySlots: 40 }, [50, 30, 20]))).json();
    await to2.post(`${f.base}/tally-sheets/${s2.sheetId}/submit`, {});
    expect((await ban.post(`${f.base}/tally-sheets/${s2.sheetId}/lock`, {})).status).toBe(200);

    // The commune's dashboard: the area rolled up, the other area shown as not reported.
    const desk = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    desk.setDefaultTimeout(20_000);
    desk.on('pageerror', (e) => errors.push(String(e)));
    await login(desk, e2e.server.baseUrl, 'vp.sahuynh');
    await desk.goto(`${e2e.server.baseUrl}/councils/${f.sh}/election-day?electionId=${f.electionId}`);
    await expectText(desk.locator('main, .ant-layout-content').first(), '30 / 180 cử tri', '1/2 khu vực đã báo cáo', 'Chưa báo cáo: Khu vực bỏ phiếu số 2', '16,67%');
    await shot(desk, 'desktop-dashboard');

    // The winners page: every outcome with its reason.
    await desk.goto(`${e2e.server.baseUrl}/councils/${f.sh}/election-results?electionId=${f.electionId}`);
    const unit = desk.locator('.ant-card', { hasText: 'Đơn vị bầu cử số 1 · 2 đại biểu được bầu' });
    await expectText(unit, 'Căn cứ xác định kết quả', 'quá một nửa tổng số cử tri: kết quả được công nhận', 'Đã bầu đủ 2 đại biểu.', 'Huỳnh Văn Minh được 60/158 phiếu hợp lệ', 'chưa quá một nửa (Luật Bầu cử, Điều 78)', 'Trúng cử');
    await shot(desk, 'desktop-winners');
    await phone.goto(`${e2e.server.baseUrl}/councils/${f.sh}/election-results?electionId=${f.electionId}`);
    await expectText(phone.locator('.ant-card', { hasText: 'Đơn vị bầu cử số 1' }).first(), 'Đã bầu đủ 2 đại biểu.');
    await shot(phone, 'phone-winners');
    expect(errors).toEqual([]);
  });
});

// The follow-up half of a round of voter petitions, in Debian's Chromium against the real server
// with the demo data of Phường Sa Huỳnh (src/modules/petitions/seed.ts): the Sở Xây dựng returns a
// petition as outside its competence and the ward secretariat sees it back for re-routing; the
// overdue street-lights petition of UBND phường Sa Huỳnh is on the reminders page, the secretariat
// records a reminder in one click, and the daily reminder job e-mails the agency through a real
// SMTP server on loopback; the standing member reviews the road answer as "Chưa đạt"; the
// secretariat closes the round with carry-over and the petition is in the next round, outstanding
// for two sessions. (petitions.e2e.test.ts covers the round up to the answer and the public page.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, browserAvailable, expectText, login, logout, pickOption, useChromium } from './support.ts';
import { startSmtp } from '../petitions/support.ts';
import { runDailyReminders } from '../../src/modules/petitions/jobs/dailyReminders.ts';

const ROUND = 'Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND phường Sa Huỳnh khóa I';
const NEXT_ROUND = 'Tiếp xúc cử tri sau kỳ họp thứ 3, HĐND phường Sa Huỳnh khóa I';
const RESETTLE = 'Khu tái định cư Phổ Châu xây dựng hạ tầng chậm';
const LIGHTS = 'Đề nghị lắp đặt hệ thống đèn chiếu sáng tuyến đường ven biển Sa Huỳnh';
const ROAD = 'Tuyến đường bê tông tổ dân phố Long Thạnh 1 đi ra Quốc lộ 1A';
const WARD_UBND = 'Ủy ban nhân dân phường Sa Huỳnh';
const WARD_UBND_EMAIL = 'ubnd.sahuynh@example.vn';
const RETURN_REASON = 'Hạ tầng khu tái định cư Phổ Châu do UBND phường Sa Huỳnh làm chủ đầu tư, không thuộc thẩm quyền của Sở Xây dựng';
const REVIEW_COMMENT = 'Trả lời chưa nêu rõ nguồn vốn và thời gian khởi công tuyến đường';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe.skipIf(!browserAvailable())('giao diện web: theo dõi, đôn đốc, đánh giá, chuyển đợt (Chromium)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const e2e = useChromium({
    config: () => ({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Nghị Trường <no-reply@nghitruong.test>' } }),
  });

  it('trả lại, đôn đốc (thư điện tử), đánh giá "Chưa đạt", kết thúc đợt và chuyển sang đợt sau', { timeout: 300_000 }, async () => {
    const councilId = e2e.server.ids.get('council:sa-huynh')!;
    const wardAgencyId = e2e.server.ids.get('agency:ubnd-sa-huynh')!;
    const base = `/councils/${councilId}`;

    // Set-up through the API: the ward's executive gets an e-mail address (the demo agency has
    // none), and the ids of the round and of the road petition are looked up.
    const admin = await apiAs(e2e.server.baseUrl, 'admin');
    await admin.patch(`/agencies/${wardAgencyId}`, { email: WARD_UBND_EMAIL });
    const vpApi = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const rounds = await vpApi.get(`${base}/petition-rounds`);
    const roundList = (Array.isArray(rounds) ? rounds : rounds.items) as { id: string; name: string }[];
    const roundId = roundList.find((r) => r.name === ROUND)!.id;
    expect(roundId).toBeTruthy();
    const roads = await vpApi.get(`${base}/petitions?roundId=${roundId}&q=${encodeURIComponent(ROAD)}`);
    const road = (roads.items as { id: string; text: string; number: number }[]).find((p) => p.text.startsWith(ROAD))!;
    expect(road).toBeDefined();

    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page: Page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    try {
      // 1. The Sở Xây dựng returns the resettlement petition as outside its competence.
      await login(page, e2e.server.baseUrl, 'so.xaydung');
      await page.locator('.ant-layout-sider').getByText('Kiến nghị cần trả lời', { exact: true }).click();
      const item = page.locator('.ant-table-row', { hasText: RESETTLE }).first();
      await item.waitFor();
      await expectText(item, 'Chờ trả lời', 'Hội đồng nhân dân phường Sa Huỳnh');
      await item.getByRole('button', { name: 'Trả lời' }).click();
      await page.getByTestId('inbox-text').getByText(RESETTLE, { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Trả lại: không thuộc thẩm quyền' }).click();
      const rdlg = page.getByRole('dialog', { name: 'Trả lại kiến nghị không thuộc thẩm quyền' });
      await rdlg.getByLabel('Lý do trả lại').fill(RETURN_REASON);
      await rdlg.getByRole('button', { name: 'Trả lại' }).click();
      await page.getByText('Đã trả lại kiến nghị để Văn phòng HĐND chuyển đúng cơ quan.').waitFor();
      await page.getByText('Đã trả lại', { exact: true }).first().click();
      const returned = page.locator('.ant-table-row', { hasText: RESETTLE }).first();
      await returned.waitFor();
      await expectText(returned, 'Đã trả lại');
      await logout(page);

      // 2. The secretariat sees it back: in the round's dispatch tab, ready to be re-routed, and
      // on the petition page with the agency's reason.
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}${base}/petition-rounds/${roundId}?tab=dispatch`);
      await page.getByText(/^Kiến nghị chờ chuyển/).waitFor();
      const ready = page.locator('.ant-table-row', { hasText: RESETTLE }).first();
      await ready.waitFor();
      await expectText(ready, 'Bị trả lại, cần chuyển lại');
      await ready.getByRole('link').first().click();
      await page.getByRole('heading', { name: /^Kiến nghị số \d+$/ }).waitFor();
      await expectText(page.locator('.ant-card', { hasText: 'Chuyển xử lý' }).first(), 'Bị trả lại', `Lý do trả lại: ${RETURN_REASON}`, 'Sở Xây dựng tỉnh Quảng Ngãi');
      await page.getByRole('button', { name: 'Sửa nội dung, phân loại' }).waitFor();
      await expectText(page.getByTestId('petition-timeline'), `Lý do: ${RETURN_REASON}`);

      // 3. The reminders page: the street lights are overdue at the ward's executive; one click
      // records a reminder.
      await page.locator('.ant-layout-sider').getByText('Đôn đốc trả lời', { exact: true }).click();
      await page.waitForURL(`**${base}/reminders`);
      const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head', { hasText: WARD_UBND }) }).first();
      await card.waitFor();
      await expectText(card.locator('.ant-card-head'), 'quá hạn');
      const lightsRow = card.locator('.ant-table-row', { hasText: LIGHTS }).first();
      await lightsRow.waitFor();
      await expectText(lightsRow, 'Chờ trả lời', '35/HĐND-VP', 'Quá hạn');
      const lightsNumber = (await lightsRow.locator('td').first().innerText()).trim();
      expect(lightsNumber).toMatch(/^\d+$/);
      await card.getByRole('button', { name: 'Đôn đốc' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đôn đốc' }).click();
      await page.getByText(`Đã ghi nhận đôn đốc ${WARD_UBND}`, { exact: false }).waitFor();
      const history = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head', { hasText: 'Các lần đôn đốc đã ghi nhận' }) });
      const logged = history.locator('.ant-table-row', { hasText: WARD_UBND }).first();
      await logged.waitFor();
      await expectText(logged, 'Văn phòng ghi nhận');
      // A reminder in the app is not a letter: a reminder letter is still due to the agency.
      await page.getByText('Cần công văn đôn đốc', { exact: true }).click();
      await page.waitForURL(`**${base}/reminders?letter=due`);
      await expectText(card.locator('.ant-card-head'), 'chưa được đôn đốc bằng công văn');
      await card.getByRole('button', { name: 'Soạn công văn' }).waitFor();

      // 4. The daily job e-mails the agency through the SMTP server; a second run the same day does nothing.
      const run = await runDailyReminders({ db: e2e.server.db, clock: () => new Date(), config: e2e.server.config });
      expect(run.ran).toBe(true);
      expect((run as { emailsSent?: number }).emailsSent).toBeGreaterThanOrEqual(1);
      expect((await runDailyReminders({ db: e2e.server.db, clock: () => new Date(), config: e2e.server.config })).ran).toBe(false);
      await expect.poll(() => smtp.mails.some((m) => m.to.includes(WARD_UBND_EMAIL)), { timeout: 10_000 }).toBe(true);
      const mail = smtp.mails.find((m) => m.to.includes(WARD_UBND_EMAIL))!;
      expect(mail.subject).toContain('Đôn đốc trả lời kiến nghị của cử tri');
      expect(mail.subject).toContain('quá hạn');
      expect(mail.body).toContain(`Kính gửi: ${WARD_UBND}`);
      expect(mail.body).toContain(`Kiến nghị số ${lightsNumber} (Hội đồng nhân dân phường Sa Huỳnh, công văn số 35/HĐND-VP`);
      expect(mail.body).toContain(LIGHTS);
      expect(mail.body).toMatch(/Quá hạn.*— hạn trả lời \d{2}\/\d{2}\/\d{4} \(quá hạn \d+ ngày\)/);
      expect(mail.body).toContain(`/agencies/${wardAgencyId}/petitions`);
      expect(mail.raw).not.toContain('Phạm Văn Tuấn'); // the voter of the street-lights opinion
      await logout(page);

      // 5. The standing member reviews the road answer as "Chưa đạt" with a comment.
      await login(page, e2e.server.baseUrl, 'tt.sahuynh');
      await page.goto(`${e2e.server.baseUrl}${base}/petitions/${road.id}`);
      await page.getByRole('heading', { name: `Kiến nghị số ${road.number}` }).waitFor();
      await page.getByTestId('petition-responses').getByText('412/UBND', { exact: false }).waitFor();
      const reviews = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head', { hasText: 'Đánh giá kết quả trả lời' }) });
      await reviews.getByText('Chưa đạt (chưa thỏa đáng)', { exact: true }).click();
      await reviews.getByLabel('Nhận xét').fill(REVIEW_COMMENT);
      await reviews.getByRole('button', { name: 'Ghi đánh giá' }).click();
      await page.getByText('Đã ghi nhận đánh giá.').waitFor();
      await expectText(reviews, 'Đánh giá kết quả trả lời (1)', 'Chưa đạt', REVIEW_COMMENT, 'Huỳnh Văn Đạt');
      await expect.poll(() => reviews.getByRole('button', { name: 'Ghi đánh giá' }).count()).toBe(0);
      await logout(page);

      // 6. The secretariat opens the next round (API) and closes this one with carry-over.
      const next = await vpApi.post<{ id: string }>(`${base}/petition-rounds`, { name: NEXT_ROUND, kind: 'before_session', sessionName: 'Kỳ họp thứ 4', startDate: todayIso() }, 201);
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}${base}/petition-rounds/${roundId}`);
      await page.getByRole('heading', { name: ROUND }).waitFor();
      await page.getByRole('button', { name: 'Kết thúc đợt' }).click();
      const cdlg = page.getByRole('dialog', { name: 'Kết thúc đợt tiếp xúc cử tri' });
      await expectText(cdlg, 'Điều gì được chuyển sang đợt sau?', 'Số kỳ họp tồn đọng của kiến nghị tăng thêm một');
      await pickOption(page, cdlg.locator('.ant-select'), NEXT_ROUND);
      await cdlg.getByRole('button', { name: 'Kết thúc đợt' }).click();
      await page.getByText(/^Đã kết thúc đợt; chuyển \d+ kiến nghị sang đợt sau\.$/).waitFor();
      await page.locator('.ant-page-header, main').getByText('Đã kết thúc', { exact: true }).first().waitFor();

      // 7. The road petition is in the next round, outstanding for two sessions.
      await page.goto(`${e2e.server.baseUrl}${base}/petitions?roundId=${next.id}`);
      const carried = page.locator('.ant-table-row', { hasText: ROAD }).first();
      await carried.waitFor();
      await expectText(carried, '2 kỳ họp');
      await carried.getByRole('link').first().click();
      await page.getByRole('heading', { name: `Kiến nghị số ${road.number}` }).waitFor();
      await expectText(page.locator('.ant-descriptions').first(), 'Số kỳ họp tồn đọng', '2');
      await page.getByText('Tồn đọng 2 kỳ họp', { exact: true }).waitFor();
      await expectText(page.getByTestId('petition-timeline'), REVIEW_COMMENT);

      expect(pageErrors).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: 'test-results/e2e-petitions-followup-failure.png', fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await ctx.close();
    }
  });
});

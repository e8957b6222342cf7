// Interpellation in Chromium: the demo delegate files a question slip from the portal at phone
// width (390 px); the standing committee asks for a written answer and records it with a promise,
// which becomes a commitment; the commitment appears on the next session's list of commitments due
// before it opens (with the report date from the profile); the agency sees it in its own list, and
// the public page shows the answer and the commitment's status.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { commitments } from '../../src/modules/sessions/questions/schema.ts';
import { apiAs, browserAvailable, expectNoSideScroll, expectText, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-questions');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SUBJECT = 'Ô nhiễm mùi hôi tại bãi rác Đồng Nà';
const PROMISE = 'Đóng cửa ô chôn lấp số 2 và phun chế phẩm khử mùi.';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const vn = (isoDate: string) => isoDate.split('-').reverse().join('/');

describe.skipIf(!browserAvailable())('chất vấn thành lời hứa, lên danh sách kỳ họp sau (Chromium)', () => {
  const e2e = useChromium({ timeout: 300_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  it('đại biểu gửi phiếu trên điện thoại; Thường trực ghi trả lời có lời hứa; lời hứa đến hạn hiện trong danh sách kỳ họp sau', { timeout: 300_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const vp = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const sessions = await vp.get<{ items: { id: string; state: string; openingDate: string; termId: string; title: string }[] }>(`/councils/${sh}/sessions?pageSize=50`);
    const planned = sessions.items.find((s) => s.state === 'planned')!;
    // Today's answer promises to act within 8 days; the next session opens after that.
    const now = new Date();
    const due = iso(new Date(now.getTime() + 8 * 86_400_000));
    const nextOpening = iso(new Date(now.getTime() + 26 * 86_400_000));

    // 1. The delegate files a slip from the phone.
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'daibieu.sahuynh');
      await page.getByTestId('menu-button').click();
      await page.locator('.nt-drawer').getByText('Chất vấn', { exact: true }).click();
      await page.waitForURL(`**/councils/${sh}/portal/questions**`);
      await page.getByTestId('slip-card').first().waitFor();
      await page.getByRole('button', { name: 'Gửi phiếu chất vấn' }).click();
      const form = page.getByTestId('slip-form');
      await form.getByLabel('Vấn đề chất vấn').fill(SUBJECT);
      await pickOption(page, form.getByLabel('Cơ quan', { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'), 'Ủy ban nhân dân phường Sa Huỳnh');
      await form.getByLabel('Chức vụ').fill('Chủ tịch Ủy ban nhân dân phường');
      await form.getByLabel('Nội dung câu hỏi').fill('Đề nghị cho biết giải pháp xử lý mùi hôi và nước rỉ rác ảnh hưởng đến các hộ dân lân cận, thời gian hoàn thành.');
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'portal-questions-form-390.png'), fullPage: true });
      await form.getByRole('button', { name: 'Gửi phiếu' }).click();
      const card = page.getByTestId('slip-card').filter({ hasText: SUBJECT });
      await expectText(card, 'Đã gửi Thường trực', 'Ủy ban nhân dân phường Sa Huỳnh');
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'portal-questions-390.png'), fullPage: true });

      // The commitment of the mid-year session falls due before this one: question it again.
      const dueList = page.getByTestId('portal-due');
      await dueList.getByText(/Lời hứa đến hạn trước kỳ họp/).click();
      const old = dueList.getByTestId('commitment').filter({ hasText: 'Chi trả dứt điểm tiền bồi thường' });
      await old.getByRole('button', { name: 'Chất vấn lại' }).click();
      const again = page.getByTestId('slip-form');
      await again.getByLabel('Vấn đề chất vấn').fill('Chất vấn lại: 7 hộ chưa nhận tiền bồi thường');
      await again.getByText('Theo vấn đề (Thường trực chọn người trả lời)').click();
      await again.getByLabel('Nội dung câu hỏi').fill('Lời hứa chi trả dứt điểm đã đến hạn mà vẫn còn hộ chưa nhận: đề nghị làm rõ trách nhiệm.');
      await again.getByRole('button', { name: 'Gửi phiếu' }).click();
      await expectText(page.getByTestId('slip-card').filter({ has: page.getByText('Chất vấn lại: 7 hộ chưa nhận tiền bồi thường', { exact: true }) }), 'Lời hứa kỳ họp trước', 'Chi trả dứt điểm tiền bồi thường');
      await page.screenshot({ path: path.join(SHOTS, 'portal-requestion-390.png'), fullPage: true });
    });

    // 2. The standing committee asks for a written answer and records it with a promise.
    const next = await vp.post<{ id: string }>(`/councils/${sh}/sessions`, { termId: planned.termId, kind: 'thematic', openingDate: nextOpening, closingDate: nextOpening }, 201);
    await e2e.withPage({ viewport: DESKTOP, timeout: 30_000 }, async (tt) => {
      await login(tt, e2e.server.baseUrl, 'tt.sahuynh');
      await tt.goto(`${e2e.server.baseUrl}/councils/${sh}/questions?sessionId=${planned.id}`);
      const row = tt.getByTestId('slips-table').locator('tr').filter({ hasText: SUBJECT });
      await row.waitFor();
      await row.getByRole('button', { name: 'Trả lời bằng văn bản' }).click();
      await tt.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await expectText(row, 'Chờ trả lời bằng văn bản');
      await row.getByRole('button', { name: 'Ghi trả lời' }).click();
      const dialog = tt.getByRole('dialog');
      await dialog.getByLabel('Ngày trả lời').click();
      await dialog.getByLabel('Ngày trả lời').fill(vn(iso(now)));
      await dialog.getByLabel('Ngày trả lời').press('Enter');
      await dialog.getByLabel('Người trả lời').fill('Trần Văn Lâm');
      await dialog.getByLabel('Tóm tắt nội dung trả lời').fill('UBND phường nhận trách nhiệm; sẽ đóng cửa ô chôn lấp số 2 và xử lý nước rỉ rác.');
      await dialog.getByRole('button', { name: 'Thêm lời hứa' }).click();
      const promise = dialog.getByTestId('commitment-form');
      await promise.getByLabel('Nội dung').fill(PROMISE);
      await promise.getByLabel('Thời hạn lời hứa').click();
      await promise.getByLabel('Thời hạn lời hứa').fill(vn(due));
      await promise.getByLabel('Thời hạn lời hứa').press('Enter');
      await tt.screenshot({ path: path.join(SHOTS, 'answer-1280.png') });
      await dialog.getByRole('button', { name: 'Ghi câu trả lời' }).click();
      await expectText(row, 'Đã được trả lời');

      // 3. The next session's list of commitments due before it opens shows the new commitment.
      await tt.goto(`${e2e.server.baseUrl}/councils/${sh}/questions?sessionId=${next.id}&tab=due`);
      const dueTable = tt.getByTestId('due-table');
      await expectText(dueTable, PROMISE, vn(due), 'Chưa báo cáo');
      await expectText(tt.getByTestId('report-date'), 'Mặc định chưa kiểm chứng', '10 ngày trước ngày khai mạc');
      await tt.screenshot({ path: path.join(SHOTS, 'commitments-due-1280.png'), fullPage: true });
      await dueTable.getByText(PROMISE).click();
      await expectText(tt.getByTestId('commitment-drawer'), SUBJECT, 'Trần Văn Lâm');
      await tt.screenshot({ path: path.join(SHOTS, 'commitment-drawer-1280.png') });
      // The held session's topic, answered with its commitments (demo data).
      const held = sessions.items.filter((s) => s.state === 'closed').sort((a, b) => b.openingDate.localeCompare(a.openingDate))[0]!;
      await tt.goto(`${e2e.server.baseUrl}/councils/${sh}/questions?sessionId=${held.id}&tab=topics`);
      await expectText(tt.getByTestId('topic-card'), 'Quản lý đất công', 'Lời hứa (2)');
      await tt.screenshot({ path: path.join(SHOTS, 'topics-1280.png'), fullPage: true });

      // 3b. Follow-through: an overdue commitment of the held session is escalated through the
      // follow-up ladder, and the answer it came from is corrected (the earlier text kept).
      const ttApi = await apiAs(e2e.server.baseUrl, 'tt.sahuynh');
      const heldCs = await ttApi.get<{ items: { id: string; state: string }[] }>(`/councils/${sh}/commitments?sessionId=${held.id}&pageSize=50`);
      const target = heldCs.items.find((c) => c.state !== 'closed')!;
      // Its deadline five days ago (as if the agency had let it pass).
      await e2e.server.db.update(commitments).set({ dueOn: iso(new Date(Date.now() - 5 * 86_400_000)) }).where(eq(commitments.id, target.id));
      await tt.goto(`${e2e.server.baseUrl}/councils/${sh}/questions?sessionId=${held.id}&tab=topics&commitmentId=${target.id}`);
      const drawer = tt.getByTestId('commitment-drawer');
      await expectText(drawer.getByTestId('commitment-escalation'), 'Bước tiếp theo', 'Công văn đôn đốc', 'chưa kiểm chứng');
      await drawer.getByTestId('escalate').click();
      await expectText(drawer.getByTestId('escalation-taken'), 'Công văn đôn đốc');
      await drawer.getByTestId('correct-answer').click();
      const fixed = 'UBND phường nhận trách nhiệm; thời hạn hoàn thành đính chính là quý II năm 2027.';
      await drawer.getByLabel('Nội dung sau đính chính').fill(fixed);
      await drawer.getByLabel('Lý do đính chính').fill('Người trả lời đề nghị đính chính thời hạn');
      await drawer.getByTestId('save-correction').click();
      await expectText(drawer.getByTestId('answer-summary'), fixed);
      await expectText(drawer.getByTestId('answer-version'), 'Đính chính ngày', 'Người trả lời đề nghị đính chính thời hạn');
      await tt.screenshot({ path: path.join(SHOTS, 'followthrough-1280.png') });
      await tt.setViewportSize(PHONE);
      await expectNoSideScroll(tt);
      await tt.screenshot({ path: path.join(SHOTS, 'followthrough-390.png'), fullPage: true });
      await tt.setViewportSize(DESKTOP);
    });

    // 4. The agency sees it among its own commitments; the public page shows the answer and status.
    const ubnd = await apiAs(e2e.server.baseUrl, 'ubnd.sahuynh');
    const own = await ubnd.get<{ items: { content: string }[] }>(`/agencies/${e2e.server.ids.get('agency:ubnd-sa-huynh')}/commitments?pageSize=50`);
    expect(own.items.map((c) => c.content)).toContain(PROMISE);
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true }, async (ap) => {
      await login(ap, e2e.server.baseUrl, 'ubnd.sahuynh');
      await ap.goto(`${e2e.server.baseUrl}/agencies/${e2e.server.ids.get('agency:ubnd-sa-huynh')}/commitments`);
      await ap.getByText(PROMISE).click();
      await expectText(ap.getByTestId('commitment-drawer'), PROMISE, 'Báo cáo thực hiện');
      // It reports progress: an empty report is refused on the field, a written one is sent.
      const report = ap.getByTestId('report-form');
      await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expectText(report, 'Hãy viết nội dung báo cáo.');
      const progress = 'Đã lập phương án bồi thường, đang trình UBND phường phê duyệt.';
      await report.getByLabel('Nội dung báo cáo, minh chứng').fill(progress);
      await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await ap.getByText('Đã gửi báo cáo tiến độ.').waitFor();
      await expectText(ap.getByTestId('commitment-drawer'), progress);
      await ap.screenshot({ path: path.join(SHOTS, 'agency-commitment-390.png'), fullPage: true });
    });
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true }, async (p) => {
      await p.goto(`${e2e.server.baseUrl}/cong-khai/${sh}/chat-van`);
      await expectText(p.getByTestId('public-answers'), SUBJECT, 'UBND phường nhận trách nhiệm', PROMISE);
      expect(await p.getByTestId('public-answers').innerText()).not.toContain('Đặng Văn Tín');
      await expectNoSideScroll(p);
      await p.screenshot({ path: path.join(SHOTS, 'public-390.png'), fullPage: true });
    });
  });
});

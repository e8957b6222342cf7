// The delegates' portal in Chromium at phone width (390 px): the secretariat publishes a document;
// the demo delegate finds it marked new, opens it (a PDF read in the browser), writes a private
// note, confirms attendance and registers to speak with the intended text; then the standing
// committee sees the attendance counts, the registration with its text and who read the document.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, browserAvailable, expectNoSideScroll, login, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-portal');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

describe.skipIf(!browserAvailable())('cổng đại biểu trên điện thoại (390 px, Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  it('đại biểu thấy tài liệu mới, mở đọc, ghi chú riêng, xác nhận tham dự, đăng ký phát biểu; Thường trực thấy danh sách', { timeout: 300_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    // The secretariat publishes the draft resolution received yesterday.
    const vp = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const sessions = await vp.get<{ items: { id: string; state: string }[] }>(`/councils/${sh}/sessions`);
    const sessionId = sessions.items.find((s) => s.state === 'planned')!.id;
    const pubs = await vp.get<{ items: { id: string; title: string; awaitingPublication: boolean; published: unknown }[] }>(`/councils/${sh}/sessions/${sessionId}/publications?pageSize=50`);
    const draft = pubs.items.find((p) => p.awaitingPublication && !p.published)!;
    await vp.post(`/councils/${sh}/session-documents/${draft.id}/publish`, {}, 201);

    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page, ctx) => {
      await login(page, e2e.server.baseUrl, 'daibieu.sahuynh');
      await page.getByTestId('menu-button').click();
      await page.locator('.nt-drawer').getByText('Tài liệu kỳ họp', { exact: true }).click();
      await page.waitForURL(`**/councils/${sh}/portal`);
      const doc = page.getByTestId('portal-doc').filter({ hasText: draft.title });
      await doc.waitFor();
      expect(await doc.getByTestId('seen-tag').textContent()).toBe('Mới');
      expect(await page.getByTestId('portal-counts').textContent()).toContain('2 mới');
      await expect.poll(() => page.getByTestId('attendance-card').textContent()).toContain('Bạn chưa xác nhận tham dự');
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'portal-390.png'), fullPage: true });

      // Open it: the PDF opens in a new tab, served inline; the page records the receipt.
      const [popup] = await Promise.all([ctx.waitForEvent('page'), doc.getByRole('link', { name: /Xem/ }).click()]);
      await expect.poll(() => popup.url()).toContain('/portal/documents/');
      const res = await ctx.request.get(popup.url());
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect(res.headers()['content-disposition']).toMatch(/^inline;/);
      await popup.close();
      await expect.poll(() => doc.getByTestId('seen-tag').textContent()).toBe('Đã xem');

      // A private note.
      await doc.getByRole('button', { name: 'Ghi chú riêng' }).click();
      await doc.getByLabel('Ghi chú riêng').fill('Hỏi lại căn cứ mức chi hỗ trợ tại Điều 3.');
      await doc.getByRole('button', { name: 'Lưu ghi chú' }).click();
      await expect.poll(() => doc.getByTestId('note-text').textContent()).toBe('Hỏi lại căn cứ mức chi hỗ trợ tại Điều 3.');

      // Attendance: online.
      const card = page.getByTestId('attendance-card');
      await card.getByText('Tham dự trực tuyến').click();
      await card.getByRole('button', { name: 'Xác nhận tham dự' }).click();
      await expect.poll(() => card.getByTestId('attendance-status').textContent()).toBe('Tham dự trực tuyến');

      // Register to speak on the first item, with the intended speech.
      const item = page.getByTestId('portal-item').first();
      await item.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
      await item.getByLabel('Nội dung dự kiến phát biểu').fill('Đề nghị làm rõ tiến độ giải ngân vốn đầu tư công năm 2026.');
      await item.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await item.getByText('Đã đăng ký phát biểu').waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'portal-done-390.png'), fullPage: true });
      for (const w of [DESKTOP]) {
        await page.setViewportSize(w);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(SHOTS, `portal-${w.width}.png`), fullPage: true });
      }
    });

    // The standing committee's list: counts, the registration with its text, who read the document.
    for (const [tag, viewport] of [['1440', DESKTOP], ['390', PHONE]] as const) {
      await e2e.withPage({ viewport, timeout: 30_000 }, async (p2) => {
        await login(p2, e2e.server.baseUrl, 'tt.sahuynh');
        await p2.goto(`${e2e.server.baseUrl}/councils/${sh}/session-delegates`);
        const counts = p2.getByTestId('attendance-counts');
        await p2.getByRole('tab', { name: 'Tham dự' }).click();
        await counts.waitFor();
        expect(await counts.textContent()).toContain('Trực tuyến 2');
        expect(await counts.textContent()).toContain('Vắng mặt 1');
        await p2.screenshot({ path: path.join(SHOTS, `chair-attendance-${tag}.png`), fullPage: true });
        await p2.getByRole('tab', { name: 'Phát biểu' }).click();
        await p2.getByText('Đề nghị làm rõ tiến độ giải ngân vốn đầu tư công năm 2026.').waitFor();
        await p2.screenshot({ path: path.join(SHOTS, `chair-speakers-${tag}.png`), fullPage: true });
        await p2.getByRole('tab', { name: 'Tài liệu' }).click();
        await p2.getByText(draft.title).first().waitFor();
        await p2.screenshot({ path: path.join(SHOTS, `chair-documents-${tag}.png`), fullPage: true });
        if (tag === '390') await expectNoSideScroll(p2);
      });
    }
  });
});

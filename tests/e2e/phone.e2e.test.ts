// At phone width (390 px): the agency's inbox and the secretariat's intake do not scroll sideways,
// their main action is on screen and works, and the menu opens as a drawer.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { browserAvailable, expectNoSideScroll, login, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-phone');
const PHONE = { width: 390, height: 844 };

/** Visible, inside the screen's width, and enabled: a thumb can reach it. */
async function reachable(button: Locator) {
  await button.scrollIntoViewIfNeeded();
  expect(await button.isVisible()).toBe(true);
  expect(await button.isEnabled()).toBe(true);
  const box = (await button.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
}

describe.skipIf(!browserAvailable())('giao diện trên điện thoại (390 px, Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('hộp thư của cơ quan: mở từ trình đơn, nút "Trả lời" trong màn hình và bấm được', { timeout: 180_000 }, async () => {
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'so.xaydung');
      // The home page is the to-do list: what to answer, next due first.
      await page.getByTestId('todo-agency-to-answer').waitFor();
      await expectNoSideScroll(page);
      // The menu is a drawer on a phone.
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await page.getByTestId('menu-button').click();
      await page.locator('.nt-drawer').getByText('Kiến nghị cần trả lời', { exact: true }).click();
      await page.waitForURL(`**/agencies/${e2e.server.ids.get('agency:so-xay-dung')}/petitions`);
      const answer = page.getByRole('button', { name: 'Trả lời', exact: true }).first();
      await answer.waitFor();
      await expectNoSideScroll(page);
      await reachable(answer);
      await page.screenshot({ path: path.join(SHOTS, 'agency-inbox-390.png') });
      await answer.click();
      // The answer form opens; its submit button is reachable and validates.
      const submit = page.getByTestId('answer-submit');
      await submit.waitFor();
      await reachable(submit);
      await submit.click();
      await page.getByText('Hãy chọn kết quả giải quyết.').waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'agency-answer-390.png') });
    });
  });

  it('tiếp nhận ý kiến: không cuộn ngang, ghi được ý kiến bằng nút chính', { timeout: 180_000 }, async () => {
    const councilId = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      const rounds = await (await page.request.get(`${e2e.server.baseUrl}/api/councils/${councilId}/petition-rounds?pageSize=100`)).json();
      const open = (rounds.items as { id: string; status: string }[]).find((r) => r.status === 'open')!;
      expect(open).toBeDefined();
      await page.goto(`${e2e.server.baseUrl}/councils/${councilId}/petition-rounds/${open.id}?tab=intake`);
      await page.getByTestId('keyboard-entry').waitFor();
      await expectNoSideScroll(page);
      await page.getByLabel('Nội dung ý kiến').fill('Đề nghị sửa chữa mặt đường tổ dân phố Thạnh Đức bị sụt lún sau mưa lũ.');
      const save = page.getByRole('button', { name: 'Ghi ý kiến (Enter)' });
      await reachable(save);
      await save.click();
      await page.getByTestId('entry-saved').first().waitFor();
      expect(await page.getByTestId('entry-saved').first().innerText()).toContain('sụt lún sau mưa lũ');
      // The round's opinions below are cards, still without sideways scrolling.
      await page.getByTestId('responsive-cards').first().locator('.nt-card').first().waitFor();
      await expectNoSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'intake-390.png') });
    });
  });

  it('kết quả bầu cử: tên đầy đủ của cuộc bầu cử trong ô chọn không làm trang cuộn ngang', { timeout: 120_000 }, async () => {
    const councilId = e2e.server.ids.get('council:sa-huynh')!;
    await e2e.withPage({ viewport: PHONE, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      for (const route of ['election-results', 'election-day']) {
        await page.goto(`${e2e.server.baseUrl}/councils/${councilId}/${route}`);
        await page.getByRole('combobox', { name: 'Cuộc bầu cử' }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSideScroll(page, { message: route });
      }
      await page.screenshot({ path: path.join(SHOTS, 'election-results-390.png'), fullPage: true });
    });
  });
});

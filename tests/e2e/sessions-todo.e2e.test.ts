// The home page's sessions lines in Chromium, for each demo role, at 1440 and 390 px: the
// secretariat follows "Tài liệu đã nhận chưa phát hành cho đại biểu" to the delegates' page of that
// session with the filter on, as many rows as the line says; the session page links there too;
// the delegate's "Chưa xác nhận tham dự" opens the portal on that session.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoSideScroll, login, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-sessions-todo');
const VIEWPORTS = [{ width: 1440, height: 900 }, { width: 390, height: 844 }];
const ROLES = ['vp.sahuynh', 'tt.sahuynh', 'ban.sahuynh', 'daibieu.sahuynh', 'ubnd.sahuynh', 'so.xaydung'];

const countOf = async (page: Page, key: string) => Number((await page.getByTestId(`todo-${key}`).locator('.ant-badge').first().textContent())?.replace(/\D/g, ''));

describe.skipIf(!browserAvailable())('việc cần làm về kỳ họp trên trang chủ (Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  it('mỗi vai trò thấy việc của mình; dòng mở đúng danh sách đã lọc với đúng số', { timeout: 300_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    for (const username of ROLES) {
      for (const viewport of VIEWPORTS) {
        await e2e.withPage({ viewport, timeout: 30_000 }, async (page) => {
          await login(page, e2e.server.baseUrl, username);
          await page.locator('.nt-todo-line').first().waitFor();
          await page.screenshot({ path: path.join(SHOTS, `home-${username}-${viewport.width}.png`), fullPage: true });
          await expectNoSideScroll(page, { message: `${username} at ${viewport.width}px` });
        });
      }
    }

    await e2e.withPage({ viewport: VIEWPORTS[0], timeout: 30_000 }, async (page) => {
      // The secretariat: the line opens the session's publications with the filter on, as many rows as counted.
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      const n = await countOf(page, 'session-docs-to-publish');
      expect(n).toBeGreaterThan(0);
      await page.getByTestId('todo-session-docs-to-publish').locator('.nt-todo-line').click();
      await page.waitForURL(/\/session-delegates\?sessionId=.+&awaiting=true/);
      const sessionId = new URL(page.url()).searchParams.get('sessionId')!;
      expect(await page.getByRole('checkbox', { name: 'Chỉ tài liệu đã nhận chưa phát hành' }).isChecked()).toBe(true);
      await page.getByTestId('awaiting').first().waitFor();
      expect(await page.getByTestId('awaiting').count()).toBe(n);
      await page.screenshot({ path: path.join(SHOTS, 'to-publish-1440.png'), fullPage: true });
      // The session page links to the same session's delegates' page.
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/sessions/${sessionId}`);
      await page.getByRole('link', { name: 'Tài liệu đã phát hành, xác nhận tham dự, đăng ký phát biểu' }).click();
      await page.waitForURL(`**/councils/${sh}/session-delegates?sessionId=${sessionId}`);
      await page.getByRole('tab', { name: 'Tài liệu' }).waitFor();
    });

    // The delegate: "Chưa xác nhận tham dự" opens the portal on that session.
    await e2e.withPage({ viewport: VIEWPORTS[1], timeout: 30_000 }, async (p2) => {
      await login(p2, e2e.server.baseUrl, 'daibieu.sahuynh');
      const line = p2.getByTestId('todo-portal-unconfirmed');
      const first = line.locator('.nt-todo-preview a').first();
      const title = (await first.textContent())!;
      await first.click();
      await p2.waitForURL(/\/portal\?sessionId=/);
      await p2.getByRole('heading', { name: title }).waitFor();
      await p2.screenshot({ path: path.join(SHOTS, 'delegate-unconfirmed-390.png'), fullPage: true });
    });
  });
});

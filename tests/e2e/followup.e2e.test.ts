// The agency's one inbox in Chromium, at 1440 and 390 px: the home page's "Việc đang phải thực
// hiện" line opens the list already filtered, with as many rows as it counts (petition answers
// from the demo round, interpellation commitments and letters, all kinds in one list); the kind filter narrows it; nothing scrolls sideways.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectNoSideScroll, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-followup');

describe.skipIf(!browserAvailable())('việc cơ quan phải thực hiện (Chromium)', () => {
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`dòng việc trên trang chủ mở đúng danh sách với đúng số (${viewport.width} px)`, { timeout: 180_000 }, async () => {
      await e2e.withPage({ viewport, timeout: 30_000 }, async (page) => {
        await login(page, e2e.server.baseUrl, 'ubnd.sahuynh');
        const line = page.getByTestId('todo-followup-owed');
        const n = Number((await line.locator('.ant-badge').first().textContent())?.replace(/\D/g, ''));
        expect(n).toBeGreaterThan(0);
        await line.locator('.nt-todo-line').click();
        await page.waitForURL(/\/obligations\?status=owed/);
        await page.getByRole('heading', { name: 'Việc cần thực hiện' }).waitFor();
        await page.getByText('Trả lời kiến nghị cử tri').first().waitFor();
        await page.screenshot({ path: path.join(SHOTS, `inbox-${viewport.width}.png`), fullPage: true });
        // the list says how many it holds (the pager's total), the same as the line
        // on a phone the cards carry no pager for a single page
        if (viewport.width > 768) await expect.poll(() => page.locator('.ant-pagination-total-text').first().textContent()).toMatch(new RegExp(`tổng số ${n}$`));
        // every kind an agency owes in one list: petition answers, letters, recommendations, commitments, resolution tasks
        const rows = page.locator('.ant-table-tbody tr.ant-table-row, .nt-card');
        await expect.poll(() => rows.count()).toBe(Math.min(n, 20));
        await expectNoSideScroll(page);
        await pickOption(page, page.locator('.ant-select', { has: page.getByLabel('Loại việc') }), 'Kiến nghị sau giám sát');
        await page.getByText('Yêu cầu nhà thầu bảo hành, khắc phục các vết nứt mặt đường', { exact: false }).first().waitFor();
        // Polled: the first filtered row can show while the rows of the whole list are still on screen.
        await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row, .nt-card').filter({ hasText: 'Trả lời kiến nghị cử tri' }).count()).toBe(0);
      });
    });
  }
});

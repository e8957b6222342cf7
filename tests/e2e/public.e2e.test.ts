// The public page (/cong-khai) on a phone (390 px) in Debian's Chromium against the real server:
// a voter picks the council, sees a published round of 27 petitions 20 at a time, pages, searches
// without diacritics, and the page never scrolls sideways. The login page at the same width too.
// Both are the light entry (public.html): no Ant Design is downloaded.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, browserAvailable, expectNoSideScroll, expectText, useChromium } from './support.ts';

const ROUND = 'Tiếp xúc cử tri cuối năm 2026 (kiểm tra trên điện thoại)';
const N = 27;
const text = (i: number) => `Kiến nghị thử số ${i} về đường giao thông nông thôn tổ dân phố ${i}`;
const UNIQUE = 'Đề nghị nạo vét kênh thủy lợi Bàu Nú trước mùa mưa bão';

const SHOTS = process.env.PUBLIC_SHOTS ?? '/tmp/shots-public';

/** A full-page picture for a human to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!browserAvailable())('trang công khai và đăng nhập trên điện thoại (Chromium, 390 px)', () => {
  let councilId: string;
  const e2e = useChromium({ timeout: 300_000 });
  beforeAll(async () => {
    councilId = e2e.server.ids.get('council:sa-huynh')!;
    // A published round with more petitions than one page holds.
    const vp = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const base = `/councils/${councilId}`;
    const round = await vp.post(`${base}/petition-rounds`, { name: ROUND, kind: 'before_session', startDate: '2026-11-20' }, 201);
    const items = [...Array.from({ length: N - 1 }, (_, i) => text(i + 1)), UNIQUE].map((t) => ({ text: t, unitId: e2e.server.ids.get('unit:sa-huynh')! }));
    const ops = await vp.post(`${base}/opinions/bulk`, { roundId: round.id, channel: 'letter', items }, 201);
    for (const o of ops.items) {
      await vp.post(`${base}/petitions`, { roundId: round.id, opinions: [{ id: o.id, version: o.version }], competentLevel: 'commune' }, 201);
    }
    await vp.patch(`${base}/petition-rounds/${round.id}`, { published: true });
  }, 300_000);

  it('a voter finds the petitions of a round on a phone: pages, search, no sideways scroll', async () => {
    await e2e.withPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(`${e2e.server.baseUrl}/cong-khai`);
      await page.getByRole('link', { name: 'Hội đồng nhân dân phường Sa Huỳnh' }).click();
      await page.waitForURL(new RegExp(`/cong-khai/${councilId}$`));
      await page.getByLabel('Đợt tiếp xúc cử tri').selectOption({ label: ROUND });
      const list = page.getByTestId('public-petitions');
      await expectText(page.getByTestId('public-summary'), `${N} kiến nghị`);
      expect(await list.locator('article').count()).toBe(20);
      await expectText(list, text(1), text(20));
      await expectNoSideScroll(page);
      await shoot(page, 'public-round-phone');

      // Page 2 holds the other seven.
      await page.getByRole('button', { name: 'Trang 2' }).click();
      await expectText(list, UNIQUE);
      expect(await list.locator('article').count()).toBe(N - 20);
      expect(await list.innerText()).not.toContain(text(1) + '\n');
      await expectNoSideScroll(page);

      // Search without diacritics finds the one petition, back on page 1.
      await page.getByLabel('Tìm kiến nghị').fill('nao vet kenh thuy loi');
      await expectText(page.getByTestId('public-summary'), '1 kiến nghị');
      await expectText(list, UNIQUE);
      expect(await list.locator('article').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Trang 2' }).count()).toBe(0);
      await expectNoSideScroll(page);
      await shoot(page, 'public-search-phone');

      // The light entry only: no Ant Design chunk was downloaded.
      expect(scripts.length).toBeGreaterThan(0);
      const bodies = await Promise.all(scripts.map(async (u) => (await fetch(u)).text()));
      for (const b of bodies) expect(b).not.toContain('data-css-hash');
      expect(errors).toEqual([]);
    });
  });

  it('the login page fits a phone and says what is missing', async () => {
    await e2e.withPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async (page) => {
      await page.goto(`${e2e.server.baseUrl}/login`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Hãy nhập tên đăng nhập.').waitFor();
      await page.getByText('Hãy nhập mật khẩu.').waitFor();
      await expectNoSideScroll(page);
      await page.getByLabel('Mật khẩu', { exact: true }).fill('bí mật');
      await page.getByRole('button', { name: 'Hiện mật khẩu' }).click();
      expect(await page.getByLabel('Mật khẩu', { exact: true }).getAttribute('type')).toBe('text');
      await shoot(page, 'login-phone');
    });
  });
});

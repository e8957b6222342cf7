// The floor in Chromium: the secretariat checks delegates in (in bulk, and one absent with a
// reason) on the desktop; the demo delegate checks in on a 390 px phone; the chair's screen shows
// present / seats / serving / what a vote needs, and follows a check-in made elsewhere without a
// reload (server-sent events); the chair moves a speaker down (kept after a reload), calls one, and the countdown runs
// on the list and on the full-screen view. Screenshots at 1280 and 390 px go to $TMPDIR/nt-chamber.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, browserAvailable, expectNoSideScroll, login, pickOption, useChromium } from './support.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-chamber');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Waits for what the page shows (loads, refreshes) up to 20 s. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 200 });

/** Neither the page nor any element sticks out to the right (an element clipped by a scrolling or hidden-overflow parent inside the screen is fine). */
async function noSideScroll(page: Page) {
  await expectNoSideScroll(page);
  const outside = () => page.evaluate(() => {
    const iw = window.innerWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= iw + 1) return true;
      }
      return false;
    };
    const out = [...document.querySelectorAll('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > iw + 1 && !clipped(el);
    });
    return out.slice(0, 3).map((e) => `${e.tagName}.${e.className}`);
  });
  await expect.poll(outside, { message: 'elements past the right edge' }).toEqual([]);
}

describe.skipIf(!browserAvailable())('phòng họp: điểm danh, màn hình chủ tọa, danh sách phát biểu (Chromium)', () => {
  let sh: string;
  let sessionId: string;
  let vp: Awaited<ReturnType<typeof apiAs>>;
  const d = (i: number) => e2e.server.ids.get(`delegate:sa-huynh:${i}`)!;
  const names = new Map<string, string>();
  let reportItem: string; // the socio-economic report: the demo's ordered speakers' list
  const e2e = useChromium({ timeout: 180_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    sh = e2e.server.ids.get('council:sa-huynh')!;
    vp = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const sessions = await vp.get<{ items: { id: string; state: string }[] }>(`/councils/${sh}/sessions`);
    sessionId = sessions.items.find((s) => s.state === 'planned')!.id;
    for (const action of ['convene', 'open']) await vp.post(`/councils/${sh}/sessions/${sessionId}/transition`, { action });
    // The council lets delegates check in on their phones.
    const profile = await vp.get<{ ruleSets: { key: string; inForceToday: boolean; profile: Record<string, unknown> }[] }>(`/councils/${sh}/session-profile`);
    const set = profile.ruleSets.find((s) => s.inForceToday)!;
    await vp.put(`/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { seats: null, selfCheckIn: true } } });
    const roll = await vp.get<{ items: { delegateId: string; fullName: string }[] }>(`/councils/${sh}/chamber/sessions/${sessionId}/attendance?pageSize=50`);
    for (const r of roll.items) names.set(r.delegateId, r.fullName);
    const floor = await vp.get<{ items: { id: string }[] }>(`/councils/${sh}/chamber/sessions/${sessionId}/floor`);
    reportItem = floor.items[1]!.id;
  }, 180_000);

  it('Văn phòng điểm danh trên máy tính: hai đại biểu cùng lúc, một đại biểu vắng có lý do', { timeout: 300_000 }, async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    page.setDefaultTimeout(30_000);
    try {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/chamber?sessionId=${sessionId}&tab=attendance`);
      const counts = page.getByTestId('attendance-counts');
      // The demo: four in the room, the vice-chair online, one absent with the reason he gave.
      await poll(() => counts.textContent()).toContain('Có mặt 4');
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await poll(() => rows.count()).toBe(6);
      const row = (i: number) => rows.filter({ hasText: names.get(d(i))! });
      // Both come to the room: checked in together.
      for (const i of [1, 2]) await row(i).locator('.ant-checkbox-input').check();
      await page.getByTestId('bulk-present').click();
      await poll(() => counts.textContent()).toContain('Có mặt 6');
      // One leaves: absent, the reason is asked for, and required.
      await row(4).getByText('Vắng', { exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Ghi vắng mặt' }).click();
      await page.getByText('Đại biểu vắng mặt phải nêu lý do để báo cáo chủ tọa kỳ họp.').first().waitFor();
      await dialog.getByLabel('Lý do vắng mặt').fill('Đi công tác theo quyết định của Ủy ban nhân dân phường.');
      await dialog.getByRole('button', { name: 'Ghi vắng mặt' }).click();
      await poll(() => counts.textContent()).toContain('Vắng mặt 1');
      await poll(() => counts.textContent()).toContain('Có mặt 5');
      await page.getByText('Lý do: Đi công tác theo quyết định').waitFor();
      await page.getByTestId('live-status').getByText('Trực tiếp').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'attendance-1280.png'), fullPage: true });
    } catch (err) {
      await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
      throw err;
    } finally {
      await page.close();
    }
  });

  it('đại biểu tự điểm danh trên điện thoại (390 px)', { timeout: 300_000 }, async () => {
    const ctx = await e2e.browser.newContext({ viewport: PHONE, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await login(page, e2e.server.baseUrl, 'daibieu.sahuynh');
      await page.getByTestId('menu-button').click();
      await page.locator('.nt-drawer').getByText('Điểm danh kỳ họp', { exact: true }).click();
      await page.waitForURL(`**/councils/${sh}/check-in`);
      // The secretariat checked the demo delegate in the room; he now follows online.
      await page.getByTestId('my-mark').getByText('Văn phòng điểm danh', { exact: false }).waitFor();
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'check-in-390-before.png'), fullPage: true });
      await page.getByRole('button', { name: 'Tham dự trực tuyến' }).click();
      await page.getByTestId('my-mark').getByText('Tham dự trực tuyến').waitFor();
      await page.getByTestId('my-mark').getByText('Bạn tự điểm danh', { exact: false }).waitFor();
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'check-in-390.png'), fullPage: true });
    } catch (err) {
      await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
      throw err;
    } finally {
      await ctx.close();
    }
  });

  it('màn hình chủ tọa: có mặt / tổng số / hiện có / số phiếu cần, theo dõi điểm danh nơi khác; danh sách phát biểu, đếm ngược, màn hình toàn cảnh', { timeout: 300_000 }, async () => {
    const page = await e2e.browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    page.setDefaultTimeout(30_000);
    try {
      await login(page, e2e.server.baseUrl, 'tt.sahuynh');
      await page.getByText('Phòng họp', { exact: true }).first().click();
      await page.waitForURL(`**/councils/${sh}/chamber**`);
      await page.getByTestId('floor-screen').waitFor();
      // Five present (one of them online from the phone), one absent.
      await poll(() => page.getByTestId('count-present').textContent()).toBe('5');
      expect(await page.getByTestId('count-seats').textContent()).toBe('6');
      expect(await page.getByTestId('count-serving').textContent()).toBe('6');
      expect(await page.getByTestId('count-needed').textContent()).toBe('4');
      expect(await page.getByTestId('needed-resolution').textContent()).toContain('cần ít nhất 4 đại biểu tán thành');
      // The secretariat checks one more in from its own desk: the chair's screen follows without a reload.
      await vp.put(`/councils/${sh}/chamber/sessions/${sessionId}/attendance/${d(4)}`, { status: 'online' });
      await poll(() => page.getByTestId('count-present').textContent()).toBe('6');
      await page.screenshot({ path: path.join(SHOTS, 'floor-1280.png'), fullPage: true });

      await page.getByRole('tab', { name: 'Danh sách phát biểu' }).click();
      await pickOption(page, page.locator('.ant-select').filter({ has: page.getByLabel('Nội dung') }), '2. Báo cáo tình hình kinh tế – xã hội năm 2026, nhiệm vụ năm 2027');
      await page.waitForURL(`**itemId=${reportItem}**`);
      const names = () => page.getByTestId('speaker-name').allTextContents();
      await poll(async () => (await names()).length).toBe(3);
      const before = await names();
      await page.getByRole('button', { name: `Đưa ${before[0]} xuống` }).click();
      await poll(names).toEqual([before[1], before[0], before[2]]);
      await page.reload();
      await poll(names).toEqual([before[1], before[0], before[2]]);
      // Call the first: the countdown starts from the profile's minutes (a speech: 10 minutes).
      await page.getByTestId('speaker').first().getByRole('button', { name: 'Mời phát biểu' }).click();
      const countdown = page.getByTestId('speaker').first().getByTestId('countdown');
      await poll(() => countdown.textContent()).toMatch(/^(10:00|09:[0-5]\d)$/);
      await page.screenshot({ path: path.join(SHOTS, 'speakers-1280.png'), fullPage: true });

      await page.getByTestId('open-screen').click();
      await page.getByTestId('speaker-screen').waitFor();
      expect(await page.getByTestId('screen-speaker').textContent()).toBe(before[1]);
      await poll(() => page.getByTestId('screen-countdown').textContent()).toMatch(/^(10:00|09:[0-5]\d)$/);
      expect(await page.getByTestId('screen-present').textContent()).toContain('6/6');
      await page.screenshot({ path: path.join(SHOTS, 'screen-1280.png') });
    } catch (err) {
      await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
      throw err;
    } finally {
      await page.close();
    }
  });

  it('chủ tọa trên điện thoại (390 px): màn hình chủ tọa và danh sách phát biểu không tràn ngang', { timeout: 300_000 }, async () => {
    const ctx = await e2e.browser.newContext({ viewport: PHONE, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await login(page, e2e.server.baseUrl, 'tt.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${sh}/chamber?sessionId=${sessionId}&itemId=${reportItem}`);
      await poll(() => page.getByTestId('count-present').textContent()).toBe('6');
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'floor-390.png'), fullPage: true });
      await page.getByRole('tab', { name: 'Danh sách phát biểu' }).click();
      await page.getByTestId('countdown').first().waitFor();
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'speakers-390.png'), fullPage: true });
      await page.getByTestId('open-screen').click();
      await page.getByTestId('screen-countdown').waitFor();
      await noSideScroll(page);
      await page.screenshot({ path: path.join(SHOTS, 'screen-390.png') });
      // The secretariat's check-in desk on a phone: cards, the status buttons on each.
      const desk = await (await e2e.browser.newContext({ viewport: PHONE, locale: 'vi-VN', isMobile: true, hasTouch: true })).newPage();
      try {
        await login(desk, e2e.server.baseUrl, 'vp.sahuynh');
        await desk.goto(`${e2e.server.baseUrl}/councils/${sh}/chamber?sessionId=${sessionId}&tab=attendance`);
        await poll(() => desk.getByTestId('attendance-status').count()).toBe(6);
        await noSideScroll(desk);
        await desk.screenshot({ path: path.join(SHOTS, 'attendance-390.png'), fullPage: true });
      } finally {
        await desk.context().close();
      }
    } catch (err) {
      await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
      throw err;
    } finally {
      await ctx.close();
    }
  });
});

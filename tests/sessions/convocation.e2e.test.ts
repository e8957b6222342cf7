// The convocation step in Debian's Chromium against the real server and a real SMTP server: the
// ward's secretariat adds a guest and sends the convocation from the session page (desktop), the
// page lists the documents with their register numbers and each recipient's delivery; the demo
// delegate, at phone width, makes their calendar URL on the account page and a calendar app (a
// plain fetch, no cookie) reads the session from it. Screenshots at 1440 and 390 px go to
// NT_SHOTS_OUT when set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, login, useChromium } from '../e2e/support.ts';
import { startSmtp } from '../petitions/support.ts';
import { parseIcs } from './convocationSupport.ts';

const shots = process.env.NT_SHOTS_OUT;
if (shots) mkdirSync(shots, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};
const cardShot = async (card: import('playwright-core').Locator, name: string) => {
  if (shots) await card.screenshot({ path: join(shots, `${name}-card.png`) });
};
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!browserAvailable())('giao diện web: gửi giấy triệu tập kỳ họp, lịch của đại biểu (Chromium)', () => {
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

  it('văn phòng thêm khách mời, gửi giấy triệu tập; đại biểu tạo đường dẫn lịch trên điện thoại', { timeout: 240_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const errors: string[] = [];
    const ctx = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const vp = await ctx.newPage();
    vp.setDefaultTimeout(20_000);
    vp.on('pageerror', (e) => errors.push(String(e)));
    await login(vp, e2e.server.baseUrl, 'vp.sahuynh');
    await vp.goto(`${e2e.server.baseUrl}/councils/${sh}/sessions`);
    await vp.getByRole('link', { name: 'Kỳ họp thứ 3' }).first().click();
    const card = vp.getByTestId('convocation-card');
    await card.getByText('Chưa gửi giấy triệu tập.').waitFor();
    const sessionUrl = vp.url();

    await card.getByPlaceholder('Họ tên khách mời').fill('Nguyễn Văn Bình');
    await card.getByPlaceholder('Cơ quan, đơn vị').fill('Ủy ban MTTQ Việt Nam phường Sa Huỳnh');
    await card.getByPlaceholder('Thư điện tử').fill('binh@mttq.test');
    await card.getByRole('button', { name: 'Thêm khách mời' }).click();
    await card.getByText('Ủy ban MTTQ Việt Nam phường Sa Huỳnh · binh@mttq.test').waitFor();

    await card.getByText('Kỳ họp chưa được triệu tập').waitFor();
    await vp.getByRole('button', { name: 'Triệu tập', exact: true }).click();
    await card.getByRole('button', { name: 'Gửi giấy triệu tập' }).click();
    const form = vp.getByTestId('convocation-form');
    await form.getByLabel('Địa điểm').fill('Hội trường UBND phường Sa Huỳnh');
    await form.locator('.ant-select').first().click();
    await vp.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await cardShot(form, 'convocation-form-1440');
    const before = smtp.mails.length;
    await form.getByRole('button', { name: 'Ban hành và gửi' }).click();
    const sent = card.getByTestId('convocation-sent');
    await sent.waitFor();
    await sent.getByText(/Giấy triệu tập số \d+\/GTT-HĐND/).waitFor();
    await sent.getByText(/Giấy mời số \d+\/GM-HĐND/).waitFor();
    await sent.getByText(/Chương trình số \d+\/CTr-HĐND/).waitFor();
    await sent.getByText('Nguyễn Văn Bình').waitFor();
    // Mails reached the SMTP server: the guest and the delegates with an address.
    expect(smtp.mails.slice(before).some((m) => m.to.includes('binh@mttq.test'))).toBe(true);
    expect(smtp.mails.slice(before).some((m) => m.to.includes('daibieu.sahuynh@example.vn'))).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await shot(vp, 'convocation-sent-1440');
    await cardShot(card, 'convocation-sent-1440');
    expect(await sideways(vp)).toBe(false);
    await ctx.close();

    // The secretariat's view of the same step at phone width.
    const phoneVp = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const pv = await phoneVp.newPage();
    pv.setDefaultTimeout(20_000);
    await login(pv, e2e.server.baseUrl, 'vp.sahuynh');
    await pv.goto(sessionUrl);
    await pv.getByTestId('convocation-sent').waitFor();
    await pv.getByTestId('convocation-card').scrollIntoViewIfNeeded();
    await shot(pv, 'convocation-sent-390');
    await cardShot(pv.getByTestId('convocation-card'), 'convocation-sent-390');
    expect(await sideways(pv)).toBe(false);
    await phoneVp.close();

    // The delegate at phone width: the account page makes the calendar URL, shown once.
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const p = await phone.newPage();
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => errors.push(String(e)));
    await login(p, e2e.server.baseUrl, 'daibieu.sahuynh');
    await p.goto(`${e2e.server.baseUrl}/account`);
    const feed = p.getByTestId('calendar-feed');
    await feed.getByRole('button', { name: 'Tạo đường dẫn lịch' }).click();
    const code = feed.locator('code');
    await code.waitFor();
    const url = (await code.textContent())!.trim();
    expect(url).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}$/);
    await shot(p, 'calendar-feed-390');
    await cardShot(feed, 'calendar-feed-390');
    expect(await sideways(p)).toBe(false);
    const res = await fetch(url.replace('http://127.0.0.1', e2e.server.baseUrl));
    expect(res.status).toBe(200);
    const ics = parseIcs(await res.text());
    expect(ics.events.some((e) => e.SUMMARY === 'Kỳ họp thứ 3 - Hội đồng nhân dân phường Sa Huỳnh' && e.LOCATION === 'Hội trường UBND phường Sa Huỳnh')).toBe(true);
    await phone.close();
    expect(errors).toEqual([]);
  });
});

// Votes in the chamber in Chromium: the chair opens a vote on a resolution draft from the chair's
// page, three delegates vote from phone-width pages (390 px), the full-screen projector view
// follows live (turnout, then the computed result) and the chair confirms it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { and, asc, eq } from 'drizzle-orm';
import { apiAs, browserAvailable, expectNoSideScroll, login, useChromium } from './support.ts';
import { checkIn, delegateAccounts, startSession } from '../chamber/support.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { councilSessions } from '../../src/modules/sessions/schema.ts';

const SHOTS = path.join(process.env.TMPDIR ?? '/tmp', 'nt-chamber-votes');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(!browserAvailable())('biểu quyết tại kỳ họp (Chromium: chủ tọa, ba đại biểu 390 px, màn hình chiếu)', () => {
  const contexts: BrowserContext[] = [];
  const e2e = useChromium({ timeout: 300_000 });
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
  });

  it('chủ tọa mở biểu quyết, ba đại biểu biểu quyết trên điện thoại, màn hình chiếu hiện kết quả', { timeout: 300_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const [s] = await e2e.server.db.select().from(councilSessions).where(and(eq(councilSessions.councilId, sh), eq(councilSessions.state, 'planned'))).orderBy(asc(councilSessions.openingDate)).limit(1);
    const sessionId = s!.id;
    // Two more delegates get accounts (the demo has one); the three are checked in.
    const demoDelegate = e2e.server.ids.get('delegate:sa-huynh:3')!;
    const others = (await e2e.server.db.select({ id: delegates.id }).from(delegates).where(eq(delegates.councilId, sh)).orderBy(asc(delegates.id))).map((d) => d.id).filter((id) => id !== demoDelegate).slice(0, 2);
    const usernames = ['daibieu.sahuynh', ...(await delegateAccounts(e2e.server.db, sh, others))];
    await checkIn(e2e.server.db, sh, sessionId, [demoDelegate, ...others]);
    await startSession(e2e.server.db, sh, sessionId);

    const open = async (viewport: typeof PHONE, username: string, url: string, mobile = false) => {
      const ctx = await e2e.browser.newContext({ viewport, locale: 'vi-VN', isMobile: mobile, hasTouch: mobile });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.setDefaultTimeout(30_000);
      await login(page, e2e.server.baseUrl, username);
      await page.goto(`${e2e.server.baseUrl}${url}`);
      return page;
    };

    // The chair prepares and opens the vote.
    const chair = await open(DESKTOP, 'tt.sahuynh', `/councils/${sh}/chamber/votes?sessionId=${sessionId}`);
    await chair.getByTestId('live-status').filter({ hasText: 'Trực tiếp' }).waitFor();
    await chair.getByTestId('vote-create').click();
    const modal = chair.locator('.ant-modal:visible');
    await modal.getByLabel('Nội dung biểu quyết').fill('Thông qua Nghị quyết về dự toán ngân sách phường năm 2027');
    await modal.getByRole('button', { name: 'Tạo' }).click();
    const card = chair.getByTestId('chamber-vote').filter({ hasText: 'dự toán ngân sách phường năm 2027' }).first();
    await card.getByTestId('vote-open').click();
    await card.getByTestId('vote-turnout').waitFor();

    // The projector, full screen.
    const projector = await open(DESKTOP, 'vp.sahuynh', `/councils/${sh}/sessions/${sessionId}/projector`);
    await expect.poll(() => projector.getByTestId('projector-title').textContent()).toContain('dự toán ngân sách phường năm 2027');
    await expect.poll(() => projector.getByTestId('projector-voted').textContent()).toBe('0');

    // Three delegates vote from their phones.
    const phones: Page[] = [];
    for (const u of usernames) phones.push(await open(PHONE, u, `/councils/${sh}/portal/votes?sessionId=${sessionId}`, true));
    const choices = ['for', 'for', 'against'];
    for (const [i, p] of phones.entries()) {
      await p.getByTestId('open-vote').waitFor();
      if (i === 0) {
        await expectNoSideScroll(p);
        await p.screenshot({ path: path.join(SHOTS, 'ballot-390.png'), fullPage: true });
      }
      await p.getByTestId(`ballot-${choices[i]}`).click();
      await p.getByTestId('ballot-done').waitFor();
    }
    await phones[0]!.screenshot({ path: path.join(SHOTS, 'ballot-done-390.png'), fullPage: true });
    // The projector and the chair follow the turnout live.
    await expect.poll(() => projector.getByTestId('projector-voted').textContent()).toBe('3');
    await expect.poll(() => card.getByTestId('vote-turnout').textContent()).toBe('3');

    // The chair closes: the result computed from the roll appears on the projector and the phones.
    await card.getByTestId('vote-close').click();
    await expect.poll(() => projector.getByTestId('projector-outcome').textContent()).toBe('KHÔNG THÔNG QUA');
    expect(await projector.getByTestId('projector-for').textContent()).toBe('2');
    expect(await projector.getByTestId('projector-against').textContent()).toBe('1');
    await expect.poll(() => projector.getByTestId('projector-reason').textContent()).toContain('2/6');
    await projector.screenshot({ path: path.join(SHOTS, 'projector-1280.png') });
    await expect.poll(() => phones[2]!.getByTestId('vote-result').first().textContent()).toContain('2/6');
    await phones[2]!.screenshot({ path: path.join(SHOTS, 'result-390.png'), fullPage: true });
    await card.getByTestId('vote-confirm').click();
    await expect.poll(() => card.textContent()).toContain('Chủ tọa xác nhận');
    await expect.poll(() => projector.getByTestId('projector-reason').locator('..').textContent()).toContain('Chủ tọa xác nhận lúc');
    await chair.screenshot({ path: path.join(SHOTS, 'chair-1280.png'), fullPage: true });
    // Public: totals only, until the council publishes its named votes (its profile); then by name.
    const vpApi = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const pub = await open(PHONE, 'daibieu.sahuynh', `/cong-khai/${sh}/bieu-quyet`, true);
    const published = pub.getByTestId('public-vote').filter({ hasText: 'dự toán ngân sách phường năm 2027' }).first();
    await expect.poll(() => published.textContent()).toContain('2/6 đại biểu tán thành');
    expect(await published.getByTestId('vote-by-name').count()).toBe(0);
    const view = await vpApi.get<{ ruleSets: { key: string; profile: Record<string, any> }[] }>(`/councils/${sh}/session-profile`);
    for (const set of view.ruleSets) {
      await vpApi.put(`/councils/${sh}/session-profile`, { ruleSetKey: set.key, profile: { ...set.profile, chamber: { ...set.profile.chamber, publishNamedVotes: true } } });
    }
    await pub.reload();
    const byName = pub.getByTestId('public-vote').filter({ hasText: 'dự toán ngân sách phường năm 2027' }).first().getByTestId('vote-by-name');
    await byName.locator('summary').click();
    await expect.poll(() => byName.textContent()).toContain('Kết quả theo từng đại biểu (3)');
    expect(await byName.textContent()).toContain('Không tán thành');
    await expectNoSideScroll(pub);
    await pub.screenshot({ path: path.join(SHOTS, 'public-votes-390.png'), fullPage: true });
    // The chair's page on a phone too.
    const chairPhone = await open(PHONE, 'tt.sahuynh', `/councils/${sh}/chamber/votes?sessionId=${sessionId}`, true);
    await chairPhone.getByTestId('chamber-vote').first().waitFor();
    await expectNoSideScroll(chairPhone);
    await chairPhone.screenshot({ path: path.join(SHOTS, 'chair-390.png'), fullPage: true });
  });
});

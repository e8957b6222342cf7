// The clerk fixes what the machine missed, on the merge screen, in Debian's Chromium against the
// real server: adds a missed opinion to a petition and undoes it, merges two petitions and undoes
// it, takes an opinion out and undoes it; a forwarded petition is shown as kept, with the reason.
// Each step is read back from the server, not only from the screen. Screenshots (1440 and 390 px)
// go to /tmp/shots-merge.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { browserAvailable, expectText, login, useChromium } from './support.ts';
import { createRound } from '../../src/modules/petitions/actions/createRound.ts';
import { createOpinions } from '../../src/modules/petitions/actions/createOpinions.ts';
import { mergeOpinions } from '../../src/modules/petitions/actions/mergeOpinions.ts';
import { dispatchPetitions } from '../../src/modules/petitions/actions/dispatch.ts';
import { opinions, petitions } from '../../src/modules/petitions/schema.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';

const SHOTS = process.env.MERGE_SHOTS ?? '/tmp/shots-merge';
const A = 'Đường bê tông thôn Vĩnh Phú bị hư hỏng nặng, nhiều ổ gà, đề nghị sửa chữa.';
const B = 'Mương thoát nước dọc đường thôn Vĩnh Phú bị bồi lấp, đề nghị nạo vét để đường không ngập.';
const C = 'Đề nghị sửa chữa tuyến đường vào khu dân cư Vĩnh Phú, mặt đường lún sâu khi mưa.';
const SENT = 'Điện sinh hoạt khu dân cư Thạnh Đức 2 rất yếu, đề nghị Điện lực nâng công suất trạm biến áp.';

describe.skipIf(!browserAvailable())('giao diện web: sửa kết quả tổng hợp, có hoàn tác (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('bổ sung, gộp, tách ý kiến và hoàn tác từng việc', { timeout: 300_000 }, async () => {
    const db = e2e.server.db;
    const councilId = e2e.server.ids.get('council:sa-huynh')!;
    const ctx = { db, actor: { id: null, name: 'Chuẩn bị dữ liệu' }, now: new Date() };
    const round = await createRound(ctx, councilId, { name: 'Đợt thử sửa tổng hợp', kind: 'continuous', startDate: '2026-11-01' });
    const made = await createOpinions(ctx, councilId, { roundId: round.id, channel: 'letter', items: [A, B, C, SENT].map((text) => ({ text })) });
    const [a, b, c, sent] = made.items as { id: string; version: number }[];
    const p1 = await mergeOpinions(ctx, councilId, { roundId: round.id, opinions: [a!] });
    const p2 = await mergeOpinions(ctx, councilId, { roundId: round.id, opinions: [c!] });
    const p3 = await mergeOpinions(ctx, councilId, { roundId: round.id, opinions: [sent!] });
    await dispatchPetitions(ctx, councilId, {
      roundId: round.id, agencyId: e2e.server.ids.get('agency:dien-luc')!, letterNumber: '61/HĐND-VP', letterDate: '2026-11-20', petitionIds: [p3.id],
    });
    const membersOf = async (petitionId: string) =>
      (await db.select({ id: opinions.id }).from(opinions).where(eq(opinions.petitionId, petitionId))).map((o) => o.id).sort();
    const waitFor = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 15_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error('the server never reached the expected state');
        await new Promise((r) => setTimeout(r, 150));
      }
    };

    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 20_000 }, async (page) => {
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${councilId}/petition-rounds/${round.id}?tab=merge`);
      await expectText(page.locator('main'), 'Kiến nghị đã tổng hợp trong đợt', `Ý kiến chưa tổng hợp (1)`);
      const undo = async () => {
        await page.getByTestId('undo').last().click();
        await expectText(page.locator('body'), 'Đã hoàn tác.');
      };

      // 1. The machine missed B (drainage along the same road): add it to p1, then undo.
      const unmergedRow = page.locator('tr', { hasText: 'Mương thoát nước dọc đường' });
      await unmergedRow.locator('input[type=checkbox]').check();
      await page.getByTestId(`add-to-${p1.number}`).click();
      await expectText(page.locator('body'), `Đã bổ sung 1 ý kiến vào kiến nghị số ${p1.number}.`);
      await waitFor(async () => (await membersOf(p1.id)).length === 2);
      expect(await membersOf(p1.id)).toEqual([a!.id, b!.id].sort());
      await page.screenshot({ path: `${SHOTS}/bo-sung-1440.png` });
      await undo();
      await waitFor(async () => (await membersOf(p1.id)).length === 1);
      expect(await membersOf(p1.id)).toEqual([a!.id]);
      await expectText(page.locator('main'), 'Ý kiến chưa tổng hợp (1)');

      // 2. p2 is the same road: merge it into p1, then undo (p2 comes back with its number).
      await page.getByTestId(`merge-${p2.number}`).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByLabel('Gộp vào kiến nghị').click();
      await page.locator('.ant-select-item-option', { hasText: `Số ${p1.number}:` }).click();
      await dlg.getByRole('button', { name: 'Gộp' }).click();
      await expectText(page.locator('body'), `Đã gộp kiến nghị số ${p2.number} vào kiến nghị số ${p1.number}.`);
      await waitFor(async () => (await membersOf(p1.id)).length === 2);
      expect(await db.select().from(petitions).where(eq(petitions.id, p2.id))).toHaveLength(0);
      await undo();
      await waitFor(async () => (await membersOf(p2.id)).length === 1);
      const [back] = await db.select().from(petitions).where(eq(petitions.id, p2.id));
      expect(back?.number).toBe(p2.number);
      expect(await membersOf(p1.id)).toEqual([a!.id]);

      // 3. Add B for real, then take it out again from the petition's row, then undo that.
      await page.locator('tr', { hasText: 'Mương thoát nước dọc đường' }).locator('input[type=checkbox]').check();
      await page.getByTestId(`add-to-${p1.number}`).click();
      await waitFor(async () => (await membersOf(p1.id)).length === 2);
      const p1Row = page.locator('tr', { hasText: A.slice(0, 30) }).filter({ has: page.getByTestId(`merge-${p1.number}`) });
      await p1Row.locator('.ant-table-row-expand-icon').click();
      const opinionsOfP1 = page.getByTestId(`opinions-of-${p1.number}`);
      await expectText(opinionsOfP1, 'Mương thoát nước dọc đường');
      await opinionsOfP1.locator('div', { hasText: 'Mương thoát nước dọc đường' }).last().getByRole('button', { name: 'Tách ra' }).click();
      await expectText(page.locator('body'), `Đã tách ý kiến ra khỏi kiến nghị số ${p1.number}.`);
      await waitFor(async () => (await membersOf(p1.id)).length === 1);
      await undo();
      await waitFor(async () => (await membersOf(p1.id)).length === 2);
      expect(await membersOf(p1.id)).toEqual([a!.id, b!.id].sort());

      // 4. The forwarded petition offers no correction and says why.
      const sentRow = page.locator('tr', { hasText: 'Điện sinh hoạt khu dân cư Thạnh Đức 2' });
      await expectText(sentRow, 'Đã chuyển, giữ nguyên');
      expect(await page.getByTestId(`merge-${p3.number}`).count()).toBe(0);
      await sentRow.getByText('Đã chuyển, giữ nguyên').hover();
      await expectText(page.locator('body'), 'cơ quan đang giải quyết đúng các ý kiến đã nhận');
      await page.screenshot({ path: `${SHOTS}/tong-hop-1440.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SHOTS}/tong-hop-390.png`, fullPage: true });

      // Every correction and every undo is in the audit log under the clerk's name.
      const events = await db
        .select({ action: auditEvents.action, actor: auditEvents.actorName })
        .from(auditEvents)
        .where(and(inArray(auditEvents.entityId, [p1.id, p2.id]), inArray(auditEvents.action, [
          'petition.add_opinions', 'petition.remove_opinion', 'petition.absorb', 'petition.release', 'petition.merged_into', 'petition.restore_merged',
        ])));
      const count = (action: string) => events.filter((e) => e.action === action).length;
      expect([count('petition.add_opinions'), count('petition.remove_opinion'), count('petition.absorb'), count('petition.release')]).toEqual([3, 2, 1, 1]);
      expect(events.every((e) => e.actor !== 'Chuẩn bị dữ liệu')).toBe(true);
      expect(pageErrors).toEqual([]);
    });
  });
});

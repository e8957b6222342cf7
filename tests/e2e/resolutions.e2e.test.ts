// Resolutions end to end, in Chromium against the real server with the demo data: the ward's
// secretariat registers a resolution amending the session-plan resolution, the register shows both
// statuses on a date before and after the amendment takes effect, the secretariat assigns a task
// to the ward's People's Committee, and the committee files its completion report from its own
// login on a phone-width page. Screenshots are kept for a human to look at.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoSideScroll, login, pickOption, useChromium } from './support.ts';

const SHOTS = process.env.NT_SHOTS_DIR ?? '/tmp/resolution-shots';
const TITLE = 'Nghị quyết sửa đổi Kế hoạch tổ chức các kỳ họp thường lệ năm 2026';
const TASK = 'Bố trí kinh phí tổ chức kỳ họp chuyên đề';

async function fillDate(page: Page, scope: import('playwright-core').Locator, label: RegExp | string, ddmmyyyy: string) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

async function rowStatus(page: Page, symbolOrTitle: string): Promise<string> {
  const row = page.locator('tbody tr').filter({ hasText: symbolOrTitle }).first();
  return (await row.locator('[data-status]').first().getAttribute('data-status')) ?? '';
}

describe.skipIf(!browserAvailable())('giao diện web: nghị quyết sửa đổi, tình trạng theo ngày, giao nhiệm vụ, cơ quan báo cáo (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('văn phòng ghi nghị quyết sửa đổi; sổ nghị quyết đổi tình trạng theo ngày; giao nhiệm vụ; UBND phường báo cáo hoàn thành', { timeout: 240_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const ubndId = e2e.server.ids.get('agency:ubnd-sa-huynh')!;
    const errors: string[] = [];
    const ctx = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const vp = await ctx.newPage();
    vp.setDefaultTimeout(20_000);
    vp.on('pageerror', (e) => errors.push(String(e)));
    await login(vp, e2e.server.baseUrl, 'vp.sahuynh');
    await vp.goto(`${e2e.server.baseUrl}/councils/${sh}/resolutions`);
    await vp.getByText('Sổ nghị quyết', { exact: true }).waitFor();
    await vp.getByText('12/NQ-HĐND', { exact: true }).waitFor();

    // Register the amending resolution, passed at the mid-year session, in force from 01/08.
    await vp.getByRole('button', { name: 'Ghi nghị quyết' }).click();
    const modal = vp.locator('.ant-modal:visible');
    await modal.getByLabel('Tên nghị quyết').fill(TITLE);
    await pickOption(vp, modal.locator('.ant-select').first(), (await sessionLabel(vp, modal)));
    await fillDate(vp, modal, 'Ngày thông qua', '16/07/2026');
    await fillDate(vp, modal, /Có hiệu lực từ/, '01/08/2026');
    await modal.getByLabel('Tán thành', { exact: true }).fill('14');
    await modal.getByLabel('Không tán thành').fill('0');
    await modal.getByLabel('Không biểu quyết').fill('0');
    await modal.getByLabel('Tổng số đại biểu').fill('15');
    await modal.getByRole('button', { name: 'Ghi nghị quyết' }).click();
    await vp.waitForURL(/\/resolutions\/[0-9a-f-]{36}$/);
    await vp.getByText(TITLE).first().waitFor();

    // It amends Điều 1 of the session-plan resolution 12/NQ-HĐND.
    await vp.getByRole('button', { name: /Sửa đổi \/ thay thế \/ bãi bỏ/ }).click();
    const link = vp.locator('.ant-modal:visible');
    await link.locator('.ant-select').nth(1).click();
    await vp.keyboard.type('12/NQ');
    await vp.locator('.ant-select-dropdown:visible').getByText(/^12\/NQ-HĐND · /).click();
    await link.getByLabel(/Điều, khoản/).fill('Điều 1');
    await link.getByRole('button', { name: 'Ghi liên kết' }).click();
    await vp.getByText('Sửa đổi, bổ sung', { exact: true }).waitFor();

    // Assign a task to the ward's People's Committee.
    await vp.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const task = vp.locator('.ant-modal:visible');
    await task.locator('.ant-select').first().click();
    await vp.keyboard.type('Sa Huỳnh');
    await vp.locator('.ant-select-dropdown:visible').getByText('Ủy ban nhân dân phường Sa Huỳnh', { exact: true }).click();
    await task.getByLabel('Nội dung nhiệm vụ').fill(TASK);
    await fillDate(vp, task, 'Hạn hoàn thành', '31/12/2026');
    await task.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await vp.locator('.ant-card').filter({ hasText: 'Nhiệm vụ thực hiện' }).getByText(TASK).waitFor();
    await vp.screenshot({ path: `${SHOTS}/resolution-desktop.png`, fullPage: true });

    // The register on two dates: before the amendment takes effect, and after.
    await vp.goto(`${e2e.server.baseUrl}/councils/${sh}/resolutions`);
    await vp.getByText(TITLE).first().waitFor();
    await fillDate(vp, vp.locator('body'), 'Tình trạng tại ngày', '20/07/2026');
    await expect.poll(() => rowStatus(vp, TITLE)).toBe('notYetInForce');
    expect(await rowStatus(vp, '12/NQ-HĐND')).toBe('inForce');
    await fillDate(vp, vp.locator('body'), 'Tình trạng tại ngày', '02/08/2026');
    await expect.poll(() => rowStatus(vp, TITLE)).toBe('inForce');
    await expect.poll(() => rowStatus(vp, '12/NQ-HĐND')).toBe('amended');
    await vp.screenshot({ path: `${SHOTS}/register-desktop.png`, fullPage: true });
    await ctx.close();

    // The People's Committee, on a phone, reports the task done.
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const ub = await phone.newPage();
    ub.setDefaultTimeout(20_000);
    ub.on('pageerror', (e) => errors.push(String(e)));
    await login(ub, e2e.server.baseUrl, 'ubnd.sahuynh');
    await ub.goto(`${e2e.server.baseUrl}/agencies/${ubndId}/resolution-tasks`);
    const card = ub.locator('.ant-card, .nt-card, tr').filter({ hasText: TASK }).last();
    await card.waitFor();
    await card.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const report = ub.locator('.ant-modal:visible');
    await report.getByText('Báo cáo hoàn thành').click();
    await report.getByLabel('Nội dung báo cáo').fill('Đã bố trí 45.000.000 đồng từ dự phòng ngân sách phường.');
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await ub.getByText('Đã báo cáo xong, chờ xác nhận').first().waitFor();
    await expectNoSideScroll(ub, { tolerance: 1 });
    await ub.screenshot({ path: `${SHOTS}/agency-tasks-phone.png`, fullPage: true });
    await phone.close();
    expect(errors).toEqual([]);
  });
});

/** The mid-year session's option label in the session select ("Kỳ họp thứ 2 (15/07/2026)"). */
async function sessionLabel(page: Page, modal: import('playwright-core').Locator): Promise<string> {
  await modal.locator('.ant-select').first().click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '15/07/' }).first();
  const text = (await option.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text.trim();
}

// Supervision programmes end to end, in Debian's Chromium against the real server with the demo
// data: the province's Thường trực has a 2027 activity on the ward's UBND; the ward's Ban Kinh tế –
// Ngân sách (its own login) lays out its 2027 programme, adds an activity on the same body, field
// and dates, sees the warning with its sentence at once, adopts the programme with a reason, and
// the reason stands on the programme; the timeline shows the conflict. Screenshots at 1280 and 390 px.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, browserAvailable, expectText, login, pickOption, useChromium } from './support.ts';

const SENTENCE = 'Trùng đối tượng Ủy ban nhân dân phường Sa Huỳnh, từ 07/04 đến 10/04, với Thường trực HĐND tỉnh';
const REASON = 'Phối hợp với Đoàn của Thường trực HĐND tỉnh, dùng chung buổi làm việc ngày 07/04';
const SHOTS = process.env.NT_SHOTS_DIR ?? '/tmp/oversight-shots';

describe.skipIf(!browserAvailable())('giao diện web: Ban thêm hoạt động trùng lặp, thấy cảnh báo, thông qua kèm lý do (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    // the other body's activity: the province's Thường trực on the ward's UBND, construction, 05–10/04/2027
    const vp = await apiAs(e2e.server.baseUrl, 'vp.tinh');
    const province = e2e.server.ids.get('council:province')!;
    const fields = await vp.get<{ items: { id: string; name: string }[] }>(`/councils/${province}/petition-fields?pageSize=200`);
    const prog = await vp.post<{ id: string }>(`/councils/${province}/oversight-programs`, { bodyKind: 'standing', bodyId: e2e.server.ids.get('body:province:standing'), year: 2027 }, 201);
    await vp.post(`/councils/${province}/oversight-programs/${prog.id}/activities`, {
      kind: 'thematic', title: 'Giám sát công tác quản lý trật tự xây dựng tại các phường ven biển', fieldIds: [fields.items.find((f) => f.name === 'Xây dựng')!.id],
      subjectAgencyIds: [e2e.server.ids.get('agency:ubnd-sa-huynh')], startDate: '2027-04-05', endDate: '2027-04-10',
    }, 201);
  });

  async function addActivity(page: Page) {
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('Tên hoạt động, nội dung giám sát').fill('Giám sát việc cấp phép và quản lý trật tự xây dựng trên địa bàn phường');
    await modal.getByLabel('Cơ quan, đơn vị chịu giám sát').click();
    await page.keyboard.type('Sa Huỳnh');
    await page.locator('.ant-select-dropdown:visible').getByText('Ủy ban nhân dân phường Sa Huỳnh', { exact: true }).click();
    await page.keyboard.press('Escape');
    await modal.getByLabel('Lĩnh vực').click();
    await page.locator('.ant-select-dropdown:visible').getByText('Xây dựng', { exact: true }).click();
    await page.keyboard.press('Escape');
    const range = modal.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('07/04/2027');
    await range.nth(1).click();
    await range.nth(1).fill('16/04/2027');
    await range.nth(1).press('Enter');
    await modal.getByRole('button', { name: 'Thêm', exact: true }).click();
    await modal.waitFor({ state: 'hidden' });
  }

  it('the committee adds an overlapping activity, sees the sentence, adopts with a reason', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const errors: string[] = [];
    const ctx = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, e2e.server.baseUrl, 'ban.sahuynh');
    await page.goto(`${e2e.server.baseUrl}/councils/${sh}/oversight`);
    await page.getByRole('button', { name: 'Lập chương trình' }).click();
    const create = page.locator('.ant-modal:visible');
    await pickOption(page, create.locator('.ant-select').nth(1), 'Ban Kinh tế – Ngân sách');
    await create.getByLabel('Năm').fill('2027');
    await create.getByRole('button', { name: 'Lập chương trình' }).click();
    await page.waitForURL(/\/oversight\/[0-9a-f-]{36}$/);
    await page.getByText('Chương trình giám sát năm 2027 của Ban Kinh tế – Ngân sách HĐND phường').first().waitFor();
    const programUrl = page.url();

    await addActivity(page);
    // the warning with its sentence, at once (the answer of the change), and on the activity
    await expectText(page.locator('.ant-alert-warning').first(), SENTENCE);
    await expectText(page.getByTestId('activity').first(), SENTENCE);
    await page.screenshot({ path: `${SHOTS}/program-warning-1280.png`, fullPage: true });

    // adopting over the overlap needs a reason
    await page.getByRole('button', { name: 'Thông qua chương trình' }).click();
    const adopt = page.locator('.ant-modal:visible');
    await expectText(adopt, SENTENCE);
    await adopt.getByRole('button', { name: 'Thông qua', exact: true }).click();
    await adopt.getByText('Hãy ghi rõ lý do vẫn thông qua.').waitFor();
    await adopt.getByLabel('Lý do vẫn thông qua khi trùng lặp').fill(REASON);
    await page.screenshot({ path: `${SHOTS}/adopt-reason-1280.png` });
    await adopt.getByRole('button', { name: 'Thông qua', exact: true }).click();
    await adopt.waitFor({ state: 'hidden' });
    await page.getByText('Đã thông qua', { exact: true }).first().waitFor();
    await expectText(page.getByTestId('activity').first(), `Lý do vẫn thực hiện: ${REASON}`);
    await expectText(page.locator('.ant-timeline'), 'Thông qua', REASON, SENTENCE);

    // the timeline shows it, highlighted, with its sentence
    await page.goto(`${e2e.server.baseUrl}/councils/${sh}/oversight-timeline?year=2027`);
    await expectText(page.getByTestId('timeline-sentence').first(), SENTENCE);
    await page.screenshot({ path: `${SHOTS}/timeline-1280.png`, fullPage: true });

    // at 390 px: the programme page and its warning still read
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    const pp = await phone.newPage();
    await login(pp, e2e.server.baseUrl, 'ban.sahuynh');
    await pp.goto(programUrl);
    await expectText(pp.getByTestId('activity').first(), SENTENCE);
    await pp.screenshot({ path: `${SHOTS}/program-390.png`, fullPage: true });
    await pp.goto(`${e2e.server.baseUrl}/councils/${sh}/oversight-timeline?year=2026`);
    await pp.getByTestId('timeline-sentence').first().waitFor();
    await pp.screenshot({ path: `${SHOTS}/timeline-390.png`, fullPage: true });
    expect(errors).toEqual([]);
    await phone.close();
    await ctx.close();
  });
});

// Recommendations after supervision end to end, in Debian's Chromium against the real server with
// the demo data: the Ban issues a report (set up through the API), the ward's people's committee
// on a phone (390 px) accepts a recommendation in its own inbox and files progress with an
// evidence file, then reports it done; the Ban, on a desktop, verifies it and closes it as
// implemented. Screenshots go to $NT_SHOTS (default /tmp/shots-recs) for a human to look at.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPdf } from '../../src/modules/sessions/seed.ts';
import { apiAs, browserAvailable, expectText, login, useChromium } from './support.ts';

const SHOTS = process.env.NT_SHOTS ?? '/tmp/shots-recs';
const CONTENT = 'Lắp đặt đèn chiếu sáng tuyến đường ven biển Sa Huỳnh trước mùa du lịch.';

describe.skipIf(!browserAvailable())('giao diện web: kiến nghị sau giám sát, cơ quan tiếp thu và báo cáo, Ban xác minh hoàn thành (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('UBND phường tiếp thu, báo cáo tiến độ kèm minh chứng, báo cáo hoàn thành; Ban xác minh và đóng kiến nghị', { timeout: 240_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const ubnd = e2e.server.ids.get('agency:ubnd-sa-huynh')!;
    const ban = await apiAs(e2e.server.baseUrl, 'ban.sahuynh');
    const draft = await ban.post<{ id: string; version: number }>(`/councils/${sh}/oversight-reports`, {
      bodyId: e2e.server.ids.get('body:sa-huynh:committee:0'),
      title: 'Báo cáo kết quả khảo sát hạ tầng du lịch ven biển',
      results: 'Tuyến đường ven biển dài 2,1 km chưa có đèn chiếu sáng.',
      recommendations: [{ agencyId: ubnd, content: CONTENT, workingDays: 30 }],
    }, 201);
    const issued = await ban.post<{ recommendations: { id: string }[] }>(`/councils/${sh}/oversight-reports/${draft.id}/issue`, { version: draft.version, signerName: 'Võ Thị Kim', signerTitle: 'Trưởng ban' });
    const recId = issued.recommendations[0]!.id;
    const errors: string[] = [];

    // The agency, on a phone.
    const agCtx = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const ag = await agCtx.newPage();
    ag.setDefaultTimeout(20_000);
    ag.on('pageerror', (e) => errors.push(`agency: ${e.message} ${e.stack ?? ''}`.slice(0, 400)));
    await login(ag, e2e.server.baseUrl, 'ubnd.sahuynh');
    await ag.goto(`${e2e.server.baseUrl}/agencies/${ubnd}/recommendations`);
    const card = ag.locator('.nt-card', { hasText: CONTENT });
    await expectText(card, 'Chờ cơ quan trả lời');
    await shot(ag, 'agency-inbox-390');
    await card.getByRole('link', { name: CONTENT }).click();
    await ag.waitForURL(new RegExp(`/recommendations/${recId}$`));
    await ag.getByText('Trả lời việc tiếp thu kiến nghị').waitFor();
    // Partly or not accepted needs reasons: the form asks for them.
    await ag.getByLabel('Không tiếp thu').check();
    await ag.getByRole('button', { name: 'Gửi trả lời' }).click();
    await ag.getByText('Hãy nêu lý do tiếp thu một phần hoặc không tiếp thu.').waitFor();
    await ag.getByLabel('Tiếp thu toàn bộ').check();
    await ag.getByRole('button', { name: 'Gửi trả lời' }).click();
    await ag.getByText('Báo cáo thực hiện', { exact: true }).waitFor();
    await expectText(ag.locator('.ant-descriptions'), 'Đang thực hiện');

    await ag.getByLabel('Nội dung báo cáo').fill('Đã khảo sát, lập dự toán lắp 42 đèn; dự kiến thi công từ tuần sau.');
    await ag.locator('input[type=file]').setInputFiles({ name: 'du-toan-den.pdf', mimeType: 'application/pdf', buffer: Buffer.from(demoPdf('du toan den')) });
    await ag.getByText('du-toan-den.pdf').waitFor();
    await ag.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await ag.locator('.ant-timeline').getByText('Báo cáo tiến độ').waitFor();
    await ag.locator('.ant-timeline').getByRole('link', { name: 'du-toan-den.pdf' }).waitFor();
    await shot(ag, 'agency-progress-390');

    await ag.getByLabel('Báo cáo đã thực hiện xong').check();
    await ag.getByLabel('Nội dung báo cáo').fill('Đã lắp đặt xong 42 đèn, nghiệm thu đưa vào sử dụng.');
    await ag.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await ag.getByText('Cơ quan đã báo cáo thực hiện; cơ quan giám sát đang xác minh.').waitFor();
    // nothing to close on the agency's side
    expect(await ag.getByRole('button', { name: /Xác minh/ }).count()).toBe(0);
    await shot(ag, 'agency-reported-390');

    // The Ban, on a desktop, verifies and closes.
    const banCtx = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const bp = await banCtx.newPage();
    bp.setDefaultTimeout(20_000);
    bp.on('pageerror', (e) => errors.push(`ban: ${e.message} ${e.stack ?? ''}`.slice(0, 400)));
    await login(bp, e2e.server.baseUrl, 'ban.sahuynh');
    await bp.goto(`${e2e.server.baseUrl}/councils/${sh}/recommendations/${recId}`);
    await expectText(bp.locator('.ant-descriptions'), 'Đã báo cáo, chờ xác minh');
    await bp.getByRole('button', { name: 'Xác minh: hoàn thành', exact: true }).click();
    const modal = bp.locator('.ant-modal:visible');
    await modal.getByLabel('Kết quả xác minh').fill('Ban đã kiểm tra thực tế: 42 đèn hoạt động.');
    await modal.getByRole('button', { name: 'Ghi' }).click();
    await expectText(bp.locator('.ant-descriptions'), 'Hoàn thành (đã xác minh)');
    await bp.locator('.ant-timeline').getByText('Xác minh: hoàn thành').waitFor();
    await shot(bp, 'council-recommendation-1280');

    await bp.goto(`${e2e.server.baseUrl}/councils/${sh}/recommendation-dashboard`);
    await bp.getByText('Theo cơ quan').waitFor();
    await expectText(bp.locator('.ant-card', { hasText: 'Theo cơ quan' }), 'Ủy ban nhân dân phường Sa Huỳnh');
    await shot(bp, 'council-dashboard-1280');
    await bp.goto(`${e2e.server.baseUrl}/councils/${sh}/oversight-reports/${draft.id}`);
    await expectText(bp.locator('.ant-card', { hasText: 'Kiến nghị (1)' }), 'Hoàn thành (đã xác minh)');
    await shot(bp, 'council-report-1280');

    // The public page shows the result.
    const pub = await agCtx.newPage();
    await pub.goto(`${e2e.server.baseUrl}/cong-khai/${sh}/bao-cao-giam-sat/${draft.id}`);
    await expectText(pub.locator('main'), CONTENT, 'Hoàn thành (đã xác minh)', 'Xác minh: hoàn thành');
    await shot(pub, 'public-report-390');
    expect(errors).toEqual([]);
  });
});

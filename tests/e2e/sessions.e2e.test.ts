// The sessions screens end to end, in Debian's Chromium against the real server with the demo data:
// the ward's secretariat creates a session and an item with its expected documents (due dates from
// the ward's profile, already past), the ward's people's committee uploads one through its own
// login, and the session page shows it received late by the right number of days.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/domain/calendar/index.ts';
import { demoPdf } from '../../src/modules/sessions/seed.ts';
import { apiAs, browserAvailable, expectText, login, pickOption, useChromium } from './support.ts';

const TITLE = 'Tờ trình về phương án phòng, chống bão lũ năm 2027';
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

describe.skipIf(!browserAvailable())('giao diện web: chuẩn bị kỳ họp, cơ quan nộp tài liệu muộn (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    // Due dates need this year's holiday table: an administrator confirms it if it is not there yet.
    const admin = await apiAs(e2e.server.baseUrl, 'admin');
    const year = Number(todayInVietnam(new Date()).slice(0, 4));
    const years = await admin.get<{ items: { year: number }[] }>('/calendar/overrides?pageSize=200');
    if (!years.items.some((y) => y.year === year)) await admin.put(`/calendar/overrides/${year}`, { daysOff: [], notOff: [], workingDays: [] });
  });

  it('văn phòng tạo kỳ họp và tài liệu phải nộp; UBND phường nộp muộn; trang kỳ họp báo nộp muộn', { timeout: 180_000 }, async () => {
    const sh = e2e.server.ids.get('council:sa-huynh')!;
    const today = todayInVietnam(new Date());
    const opening = addDays(today, 3);
    const errors: string[] = [];
    const vpCtx = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const vp = await vpCtx.newPage();
    vp.setDefaultTimeout(20_000);
    vp.on('pageerror', (e) => errors.push(String(e)));
    await login(vp, e2e.server.baseUrl, 'vp.sahuynh');
    await vp.goto(`${e2e.server.baseUrl}/councils/${sh}/sessions`);
    await vp.getByText('Các kỳ họp', { exact: true }).waitFor();
    await vp.getByRole('button', { name: 'Tạo kỳ họp' }).click();
    const modal = vp.locator('.ant-modal:visible');
    await pickOption(vp, modal.locator('.ant-select').nth(1), 'Kỳ họp chuyên đề');
    await modal.getByLabel(/Tên kỳ họp/).fill('Kỳ họp chuyên đề về phòng, chống thiên tai');
    await modal.getByLabel('Ngày khai mạc').fill(dmy(opening));
    await modal.getByLabel('Ngày khai mạc').press('Enter');
    await modal.getByRole('button', { name: 'Tạo kỳ họp' }).click();
    await vp.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    await vp.getByText('Kỳ họp chuyên đề về phòng, chống thiên tai').first().waitFor();

    await vp.getByRole('button', { name: 'Thêm nội dung' }).click();
    const add = vp.locator('.ant-modal:visible');
    await add.getByLabel('Tên nội dung').fill(TITLE);
    await add.locator('.ant-select').first().click();
    await vp.keyboard.type('Sa Huỳnh');
    await vp.locator('.ant-select-dropdown:visible').getByText('Ủy ban nhân dân phường Sa Huỳnh', { exact: true }).click();
    await add.getByRole('button', { name: 'Thêm', exact: true }).click();
    const item = vp.locator('[data-testid="session-item"]', { hasText: TITLE });
    await expectText(item, 'Tờ trình', 'Dự thảo nghị quyết', 'Quá hạn');

    // The due date the server computed (15 days before the opening, the ward's rule), read back.
    const api = await apiAs(e2e.server.baseUrl, 'vp.sahuynh');
    const sessionId = vp.url().split('/').pop()!;
    const detail = await api.get<{ items: { title: string; documents: { kind: string; dueDate: string }[] }[] }>(`/councils/${sh}/sessions/${sessionId}`);
    const due = detail.items.find((i) => i.title === TITLE)!.documents.find((d) => d.kind === 'submission')!.dueDate;
    const late = dayDiff(due, today);
    expect(late).toBeGreaterThan(0);

    // The ward's people's committee uploads the submission through its own login.
    const agCtx = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const ag = await agCtx.newPage();
    ag.setDefaultTimeout(20_000);
    ag.on('pageerror', (e) => errors.push(String(e)));
    await login(ag, e2e.server.baseUrl, 'ubnd.sahuynh');
    await ag.goto(`${e2e.server.baseUrl}/agencies/${e2e.server.ids.get('agency:ubnd-sa-huynh')}/session-documents`);
    // At phone width each document is a card: the one titled "Tờ trình" of this item.
    const card = ag.locator('.nt-card', { hasText: TITLE }).filter({ has: ag.locator('.nt-card-title strong', { hasText: /^Tờ trình$/ }) });
    await expectText(card, 'Quá hạn');
    await card.locator('input[type=file]').setInputFiles({ name: 'To trinh phong chong bao lu.pdf', mimeType: 'application/pdf', buffer: Buffer.from(demoPdf('To trinh')) });
    await ag.getByText('Đã nhận tệp tài liệu.').waitFor();
    await expectText(card, `Nộp muộn ${late} ngày`, 'Bản 1');

    // Back on the session page: received late by that many days, and counted against the committee.
    await vp.reload();
    await expectText(vp.locator('[data-testid="session-item"]', { hasText: TITLE }), `Nộp muộn ${late} ngày`, 'Bản 1: To trinh phong chong bao lu.pdf');
    await expectText(vp.locator('.ant-card', { hasText: 'Chậm muộn theo cơ quan trình' }), 'Ủy ban nhân dân phường Sa Huỳnh');
    expect(errors).toEqual([]);
    await agCtx.close();
    await vpCtx.close();
  });
});

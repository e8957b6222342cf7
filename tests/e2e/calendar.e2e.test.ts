// The holiday table in Chromium: an administrator (1366 px) adds Tết's days off as one range instead of
// one row per day, a range across the year's end is refused in Vietnamese, the saved days show red
// on the year's grid; the secretariat's read-only view on a phone (390 px) shows the range as one
// line.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, browserAvailable, expectNoSideScroll, expectText, login, useChromium } from './support.ts';

const YEAR = 2031;

/** Types a day into the range picker's input named `placeholder` and confirms it. */
async function pickDay(page: Page, placeholder: string, dmy: string) {
  const input = page.getByRole('dialog').getByPlaceholder(placeholder);
  await input.click();
  await input.fill(dmy);
  await input.press('Enter');
}

describe.skipIf(!browserAvailable())('ngày nghỉ lễ, làm bù (Chromium)', () => {
  const e2e = useChromium();

  it('quản trị thêm khoảng ngày nghỉ Tết một lần; Văn phòng xem trên điện thoại thấy một dòng', { timeout: 180_000 }, async () => {
    await e2e.withPage({ viewport: { width: 1366, height: 900 }, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'admin');
      await page.goto(`${e2e.server.baseUrl}/calendar`);
      await page.getByRole('heading', { name: 'Ngày nghỉ lễ, làm bù' }).waitFor();
      const year = page.getByLabel('Năm');
      await year.fill(String(YEAR));
      await year.press('Tab');
      await page.getByText(`Lịch năm ${YEAR}`).waitFor();
      const daysOff = page.locator('.ant-card', { hasText: 'Ngày nghỉ thêm' });

      // Across the year's end: refused, nothing added.
      await daysOff.getByRole('button', { name: 'Thêm khoảng ngày' }).click();
      await pickDay(page, 'Từ ngày', `29/12/${YEAR}`);
      await pickDay(page, 'Đến ngày', `02/01/${YEAR + 1}`);
      await page.getByRole('dialog').getByLabel('Tên').fill('Tết Dương lịch');
      await page.getByRole('dialog').getByRole('button', { name: 'Thêm vào bảng' }).click();
      await page.getByRole('dialog').getByText(`Khoảng ngày phải nằm trong năm ${YEAR}.`).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // Tết of 2031 (the first day of the lunar year is 23/01/2031): seven days in one step.
      await daysOff.getByRole('button', { name: 'Thêm khoảng ngày' }).click();
      await pickDay(page, 'Từ ngày', `21/01/${YEAR}`);
      await pickDay(page, 'Đến ngày', `27/01/${YEAR}`);
      await page.getByRole('dialog').getByLabel('Tên').fill('Tết Nguyên đán');
      await page.getByRole('dialog').getByRole('button', { name: 'Thêm vào bảng' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await daysOff.locator('tbody tr').count()).toBe(7);
      await page.getByRole('button', { name: `Lưu bảng năm ${YEAR}` }).click();
      await page.getByText(`Đã lưu bảng ngày nghỉ, làm bù năm ${YEAR}.`).waitFor();
      // The year's grid reads the saved table: the seven days are days off.
      const january = page.getByRole('group', { name: `Tháng 1/${YEAR}` });
      await page.getByLabel(`21/01/${YEAR}: Tết Nguyên đán`).waitFor();
      await expect.poll(async () => january.locator('[data-day="off"]').count()).toBeGreaterThanOrEqual(7);
    });

    // What was saved is what the server keeps.
    const admin = await apiAs(e2e.server.baseUrl, 'admin');
    const saved = await admin.get<{ items: { year: number; daysOff: { date: string; name: string }[] }[] }>('/calendar/overrides?pageSize=200');
    expect(saved.items.find((y) => y.year === YEAR)!.daysOff.map((d) => d.date)).toEqual(
      ['21', '22', '23', '24', '25', '26', '27'].map((d) => `${YEAR}-01-${d}`),
    );

    await e2e.withPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/calendar`);
      const year = page.getByLabel('Năm');
      await year.fill(String(YEAR));
      await year.press('Tab');
      const daysOff = page.locator('.ant-card', { hasText: 'Ngày nghỉ thêm' });
      await expectText(daysOff, `21/01/${YEAR} – 27/01/${YEAR} (7 ngày)`, 'Tết Nguyên đán');
      expect(await daysOff.getByText('Tết Nguyên đán', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Thêm khoảng ngày' }).count()).toBe(0);
      await expectNoSideScroll(page);
      await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/nt-calendar-390.png`, fullPage: true });
    });
  });

  it('trên điện thoại, bảng chọn khoảng ngày nằm trọn trong màn hình (hai tháng xếp chồng)', { timeout: 120_000 }, async () => {
    await e2e.withPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timeout: 30_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'admin');
      await page.goto(`${e2e.server.baseUrl}/calendar`);
      await page.locator('.ant-card', { hasText: 'Ngày nghỉ thêm' }).getByRole('button', { name: 'Thêm khoảng ngày' }).click();
      await page.getByRole('dialog').getByPlaceholder('Từ ngày').click();
      const panels = page.locator('.ant-picker-dropdown:visible .ant-picker-panels');
      await panels.waitFor();
      const box = (await panels.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    });
  });
});

// The web client end to end, in Debian's Chromium against the real server with the demo data:
// a ward secretariat adds a delegate, finds it with an accent-free search, sees the audit event;
// the secretariat of another ward can neither open it nor find it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, browserAvailable, expectText, login, logout, useChromium } from './support.ts';

const NAME = 'Trần Thị Ánh Tuyết';



describe.skipIf(!browserAvailable())('giao diện web: đại biểu và nhật ký (Chromium)', () => {
  const e2e = useChromium();

  it('thêm đại biểu, tìm không dấu, xem nhật ký; HĐND khác không xem được', { timeout: 180_000 }, async () => {
    const sahuynh = e2e.server.ids.get('council:sa-huynh')!;
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    const consoleErrors: string[] = [];
    try {
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    // A wrong password is refused in Vietnamese.
    await page.goto(`${e2e.server.baseUrl}/login`);
    await page.getByLabel('Tên đăng nhập').fill('vp.sahuynh');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('login-error').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

    // vp.sahuynh: the council switcher shows their ward; the menu leads to the delegates.
    await login(page, e2e.server.baseUrl, 'vp.sahuynh');
    await page.getByTestId('council-switcher').getByText('Hội đồng nhân dân phường Sa Huỳnh').waitFor();
    await page.locator('.ant-layout-sider').getByText('Đại biểu', { exact: true }).click();
    await page.waitForURL(`**/councils/${sahuynh}/delegates`);
    await page.locator('.ant-table-row').first().waitFor();

    // Add a delegate in the drawer.
    await page.getByRole('button', { name: 'Thêm đại biểu' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Họ và tên').fill(NAME);
    await drawer.getByLabel('Năm sinh').fill('1984');
    await drawer.getByLabel('Chức vụ').fill('Chủ tịch Hội Liên hiệp Phụ nữ phường');
    await drawer.getByLabel('Nơi công tác').fill('Ủy ban MTTQ Việt Nam phường Sa Huỳnh');
    await page.getByTestId('delegate-save').click();
    await page.getByText(`Đã thêm đại biểu ${NAME}.`).waitFor();

    // Accent-insensitive search finds it.
    await page.getByLabel('Tìm đại biểu').fill('tran thi anh tuyet');
    const row = page.locator('.ant-table-row', { hasText: NAME });
    await row.waitFor();
    await page.getByText('1–1 trên tổng số 1').waitFor();

    // Its page, whose address the other ward will try.
    await row.getByRole('link', { name: NAME }).click();
    await page.waitForURL(new RegExp(`/councils/${sahuynh}/delegates/[0-9a-f-]{36}$`));
    const delegateUrl = page.url();
    const delegateId = delegateUrl.split('/').pop()!;
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByText('Chủ tịch Hội Liên hiệp Phụ nữ phường').waitFor();

    // The audit log shows the creation with its Vietnamese label (the code only in a tooltip).
    await page.locator('.ant-layout-sider').getByText('Nhật ký thao tác', { exact: true }).click();
    await page.waitForURL(`**/councils/${sahuynh}/audit`);
    const event = page.locator('.ant-table-row', { hasText: NAME }).first();
    await event.waitFor();
    await expectText(event, 'Thêm đại biểu');
    expect(await event.innerText()).not.toContain('delegate.create');
    await expectText(event, 'Lê Thị Mỹ');
    await event.locator('.ant-table-row-expand-icon').click();
    const diff = page.locator('.ant-table-expanded-row').first();
    await diff.getByText('Họ và tên').waitFor();
    await expectText(diff, NAME);
    await expectText(diff, '1984');
    await logout(page);

    // vp.ducpho (another ward): the delegate's address is refused, in Vietnamese.
    await login(page, e2e.server.baseUrl, 'vp.ducpho');
    await page.goto(delegateUrl);
    await page.getByText('Bạn không có quyền truy cập').waitFor();
    expect(await page.locator('.ant-result').innerText()).toMatch(/không có quyền/i);
    expect(await page.content()).not.toContain(NAME);
    // The server refuses too.
    const api = await page.request.get(`${e2e.server.baseUrl}/api/councils/${sahuynh}/delegates/${delegateId}`);
    expect(api.status()).toBe(403);

    // Not in their delegate list, nor in their audit log.
    await page.goto(`${e2e.server.baseUrl}/`);
    await page.locator('.ant-layout-sider').getByText('Đại biểu', { exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('Tìm đại biểu').fill('tuyet');
    await page.getByText('Không có đại biểu nào khớp với điều kiện tìm kiếm.').waitFor();
    await page.locator('.ant-layout-sider').getByText('Nhật ký thao tác', { exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain(NAME);
    // The council switcher offers only their own ward.
    await page.getByTestId('council-switcher').click();
    expect(await page.locator('.ant-select-dropdown').innerText()).not.toContain('Sa Huỳnh');

    expect(consoleErrors).toEqual([]);
    } catch (err) {
      // Leave a picture of the failure for whoever reads the log.
      await page.screenshot({ path: 'test-results/e2e-failure.png', fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await ctx.close();
    }
  });
});

// Account security in the browser: a user turns on two-factor sign-in with an authenticator app
// (the code computed here with the same RFC 6238 library), signs out, signs in with password then
// code, and sees this device among their sessions.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, browserAvailable, expectText, login, logout, useChromium } from './support.ts';

const code = (secret: string, at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
const shots = process.env.NT_SHOTS_DIR;

describe.skipIf(!browserAvailable())('giao diện web: xác thực hai bước và phiên đăng nhập (Chromium)', () => {
  const e2e = useChromium({ timeout: 300_000 });

  it('bật xác thực hai bước, đăng nhập bằng mật khẩu rồi mã, xem phiên đăng nhập', { timeout: 180_000 }, async () => {
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 20_000 }, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await login(page, e2e.server.baseUrl, 'vp.tinh');
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Bảo mật tài khoản' }).click();
      await page.waitForURL('**/account');
      await page.getByTestId('totp-start').click();
      const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(await page.getByTestId('totp-uri').getAttribute('href')).toContain(`secret=${secret}`);
      if (shots) await page.screenshot({ path: path.join(shots, 'account-enroll-1440.png'), fullPage: true });
      await page.getByTestId('totp-code').fill(code(secret, Date.now()));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByText('Đã bật xác thực hai bước.').waitFor();
      await expectText(page.getByTestId('sessions'), 'Phiên này', 'Chrome trên Linux', '127.0.0.1');

      await logout(page);
      await page.getByLabel('Tên đăng nhập').fill('vp.tinh');
      await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('totp-step').waitFor();
      // A wrong code is refused in Vietnamese and the step stays.
      await page.getByLabel('Mã xác thực 6 chữ số').fill('000000');
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByTestId('login-error').getByText('Mã xác thực không đúng hoặc đã được dùng', { exact: false }).waitFor();
      if (shots) await page.screenshot({ path: path.join(shots, 'login-totp-1440.png') });
      // The enrollment code is spent; the next step's code (within the window) signs in.
      await page.getByLabel('Mã xác thực 6 chữ số').fill(code(secret, Date.now() + 30_000));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForSelector('.nt-header');
      await page.goto(`${e2e.server.baseUrl}/account`);
      await expectText(page.locator('.nt-content'), 'Đang bật', 'Phiên này');
      if (shots) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(shots, 'account-390.png'), fullPage: true });
      }
      expect(errors).toEqual([]);
    });
  });

  it('quản trị viên thấy trạng thái xác thực hai bước, bắt buộc với một người và đặt lại', { timeout: 180_000 }, async () => {
    await e2e.withPage({ viewport: { width: 1440, height: 900 }, timeout: 20_000 }, async (page) => {
      await login(page, e2e.server.baseUrl, 'admin');
      await page.goto(`${e2e.server.baseUrl}/users`);
      await page.getByPlaceholder('Tìm theo tên đăng nhập hoặc họ tên').fill('vp.tinh');
      const row = page.locator('.ant-table-row', { hasText: 'vp.tinh' });
      await expectText(row, 'Đã bật', 'Không bắt buộc');
      if (shots) await page.screenshot({ path: path.join(shots, 'users-1440.png') });
      await row.getByRole('switch', { name: 'Bắt buộc xác thực hai bước với vp.tinh' }).click();
      await page.getByText('vp.tinh phải dùng xác thực hai bước.').waitFor();
      await row.getByRole('button', { name: 'Đặt lại', exact: true }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đặt lại' }).click();
      await page.getByText('Đã đặt lại xác thực hai bước của vp.tinh.').waitFor();
      await expectText(row, 'Chưa bật', 'Bắt buộc');
    });
  });
});

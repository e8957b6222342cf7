// A round of voter petitions end to end, in Debian's Chromium against the real server with the
// demo data: the ward secretariat opens a round, records a contact meeting, types two opinions with
// the keyboard only, pastes a list of three, classifies, merges two into one petition, dispatches
// it to UBND phường Sa Huỳnh and publishes the round; the ward people's committee answers it; the
// secretariat sees the answer and the timeline; the public page shows petition and answer but no
// voter names. Screenshots of the main screens go to /tmp/shots-petitions (1366×768, 800×1100).
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, browserAvailable, expectText, login, logout, useChromium } from './support.ts';

const SHOTS = process.env.PETITION_SHOTS ?? '/tmp/shots-petitions';

const VOTER_1 = 'Phạm Thị Hồng Nhung';
const VOTER_2 = 'Huỳnh Văn Tường';
const HAMLET = 'Tổ dân phố Thạnh Đức';
const TEXT_1 = 'Đề nghị nâng cấp, sửa chữa tuyến đường bê tông tổ dân phố Thạnh Đức đã hư hỏng nặng';
const TEXT_2 = 'Cử tri đề nghị sửa chữa tuyến đường bê tông tổ dân phố Thạnh Đức bị hư hỏng, xuống cấp';
const PASTED = [
  'Đề nghị lắp đặt hệ thống đèn chiếu sáng công cộng tại khu dân cư Long Thạnh 1',
  'Đề nghị nạo vét kênh thoát nước khu vực chợ Sa Huỳnh trước mùa mưa bão',
  'Đề nghị hỗ trợ kinh phí sửa chữa trường mẫu giáo Thạnh Đức',
];
const ANSWER = 'UBND phường đã bố trí vốn sự nghiệp giao thông và hoàn thành sửa chữa tuyến đường bê tông tổ dân phố Thạnh Đức';
const ROUND = 'Tiếp xúc cử tri trước kỳ họp thường lệ cuối năm';

const today = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};



async function shoot(page: Page, name: string, tag: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png` });
}

async function pickDate(page: Page, label: string, value: string, scope: ReturnType<Page['locator']> | Page = page) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function tab(page: Page, name: RegExp) {
  await page.getByRole('tab', { name }).click();
}

describe.skipIf(!browserAvailable())('giao diện web: một đợt kiến nghị cử tri (Chromium)', () => {
  const e2e = useChromium();
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('tiếp nhận, phân loại, tổng hợp, chuyển, trả lời, công khai', { timeout: 300_000 }, async () => {
    const councilId = e2e.server.ids.get('council:sa-huynh')!;
    const ctx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    let roundUrl = '';
    let petitionUrl = '';
    try {
      // The ward secretariat opens a round from the menu.
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.locator('.ant-layout-sider').getByText('Đợt tiếp xúc cử tri', { exact: true }).click();
      await page.waitForURL(`**/councils/${councilId}/petition-rounds`);
      await page.getByRole('button', { name: 'Mở đợt mới' }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByLabel('Tên đợt').fill(ROUND);
      await dlg.getByLabel('Kỳ họp liên quan').fill('Kỳ họp thứ năm, HĐND phường khóa I');
      await pickDate(page, 'Từ ngày', today(), dlg);
      await page.getByTestId('round-save').click();
      await page.getByText(`Đã mở ${ROUND}.`).waitFor();
      await page.getByRole('link', { name: ROUND }).click();
      await page.waitForURL(new RegExp(`/councils/${councilId}/petition-rounds/[0-9a-f-]{36}`));
      roundUrl = page.url().split('?')[0]!;

      // A contact meeting of the round.
      await page.getByRole('button', { name: 'Thêm cuộc tiếp xúc' }).click();
      const mdlg = page.getByRole('dialog');
      await pickDate(page, 'Ngày tiếp xúc', today(), mdlg);
      await mdlg.getByLabel('Địa điểm').fill('Nhà văn hóa tổ dân phố Thạnh Đức');
      await mdlg.getByLabel('Số cử tri dự').fill('120');
      await mdlg.getByLabel('Chủ trì').fill('Ông Trần Văn Hùng, Phó Chủ tịch HĐND phường');
      await mdlg.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã thêm cuộc tiếp xúc cử tri.').waitFor();
      await page.getByRole('button', { name: 'Nhập ý kiến' }).click();

      // Keyboard-only entry of two opinions: Tab between the cells, Enter saves and opens a new row.
      await page.getByTestId('keyboard-entry').waitFor();
      const voter = page.getByLabel('Họ tên cử tri');
      await voter.focus();
      await page.keyboard.type(VOTER_1);
      await page.keyboard.press('Tab');
      await page.keyboard.type(HAMLET);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEXT_1);
      await page.keyboard.press('Enter');
      await page.getByTestId('entry-saved').first().waitFor();
      // The focus is back on the voter name of the new row.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Họ tên cử tri');
      await page.keyboard.type(VOTER_2);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEXT_2);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('entry-saved').count()).toBe(2);
      await shoot(page, 'intake', 'desktop');

      // Paste a list of three: split by the server, previewed, saved at once.
      await page.getByText('Dán danh sách', { exact: true }).click();
      await page.getByLabel('Danh sách ý kiến dán vào').fill(PASTED.map((t, i) => `${i + 1}. ${t}`).join('\n'));
      await page.getByTestId('paste-split').click();
      await page.getByTestId('paste-preview').getByText('Tách được 3 ý kiến', { exact: false }).waitFor();
      await page.getByTestId('paste-save').click();
      await page.getByText('Đã ghi 3 ý kiến.').waitFor();
      await page.locator('.ant-table-row', { hasText: PASTED[2]! }).waitFor();
      await expectText(page.locator('.ant-table-tbody').first(), VOTER_1);

      // Classify all five with the suggestions.
      await tab(page, /^Phân loại/);
      await page.locator('.ant-table-row', { hasText: PASTED[0]! }).waitFor();
      await page.getByText('Gợi ý:', { exact: false }).first().waitFor();
      await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
      await page.getByTestId('classify-confirm').click();
      await page.getByText('Đã xác nhận phân loại 5 ý kiến.').waitFor();

      // Merge the two road opinions proposed as a group.
      await tab(page, /^Tổng hợp/);
      const group = page.getByTestId('merge-group').first();
      await group.waitFor();
      await expectText(group, 'Thạnh Đức');
      await shoot(page, 'merge', 'desktop');
      await group.getByTestId('merge-group-submit').click();
      const merged = page.getByText(/^Đã tổng hợp 2 ý kiến thành kiến nghị số \d+\.$/);
      await merged.waitFor();
      const number = (await merged.innerText()).match(/số (\d+)/)![1]!;

      // Dispatch the new petition to UBND phường Sa Huỳnh.
      await tab(page, /^Chuyển xử lý/);
      const row = page.locator('.ant-table-row', { hasText: TEXT_1 }).first();
      await row.waitFor();
      await expectText(row, 'Ủy ban nhân dân phường Sa Huỳnh');
      await row.locator('.ant-checkbox-input').check();
      await page.getByTestId('dispatch-open').click();
      const ddlg = page.getByRole('dialog');
      await ddlg.getByLabel('Số công văn', { exact: true }).fill('25/HĐND-VP');
      await page.getByTestId('dispatch-submit').click();
      await page.getByText('Đã chuyển 1 kiến nghị bằng 1 công văn').waitFor();
      expect(await page.locator('.ant-result').innerText()).toMatch(/hạn trả lời \d{2}\/\d{2}\/\d{4}/);

      // Publish the round; the figures tab shows the founding-notice sentence.
      await page.getByTestId('round-publish').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Công bố' }).click();
      await page.getByText('Đã công bố kết quả của đợt trên trang công khai.').waitFor();
      await tab(page, /^Số liệu/);
      await page.getByTestId('round-notice').getByText('giải quyết 01 ý kiến', { exact: false }).waitFor();
      await shoot(page, 'round', 'desktop');
      await logout(page);

      // The ward people's committee answers from its inbox.
      await login(page, e2e.server.baseUrl, 'ubnd.sahuynh');
      await page.locator('.ant-layout-sider').getByText('Kiến nghị cần trả lời', { exact: true }).click();
      const item = page.locator('.ant-table-row', { hasText: TEXT_1 }).first();
      await item.waitFor();
      await expectText(item, 'Trong hạn');
      expect(await page.content()).not.toContain(VOTER_1);
      await item.getByRole('button', { name: 'Trả lời' }).click();
      const form = page.getByTestId('answer-form');
      await form.waitFor();
      await form.getByText('Đã giải quyết xong', { exact: true }).click();
      await form.getByLabel('Nội dung trả lời').fill(ANSWER);
      await form.getByLabel('Số văn bản trả lời').fill('412/UBND');
      await shoot(page, 'inbox', 'desktop');
      await page.getByTestId('answer-submit').click();
      await page.getByText('Đã gửi trả lời kiến nghị đến Văn phòng HĐND.').waitFor();
      await logout(page);

      // The secretariat sees the answer and the timeline.
      await login(page, e2e.server.baseUrl, 'vp.sahuynh');
      await page.goto(`${e2e.server.baseUrl}/councils/${councilId}/petitions`);
      await page.getByLabel('Tìm kiến nghị').fill('thanh duc duong be tong');
      const prow = page.locator('.ant-table-row', { hasText: TEXT_1 }).first();
      await prow.waitFor();
      await prow.getByRole('link').first().click();
      await page.getByRole('heading', { name: `Kiến nghị số ${number}` }).waitFor();
      petitionUrl = page.url();
      await page.getByTestId('petition-responses').getByText(ANSWER).waitFor();
      await expectText(page.getByTestId('petition-responses'), '412/UBND');
      const tl = await page.getByTestId('petition-timeline').innerText();
      for (const step of ['Tiếp nhận ý kiến cử tri', 'Phân loại ý kiến', 'Chuyển kiến nghị đến nơi có thẩm quyền', 'Trả lời kiến nghị']) {
        expect(tl).toContain(step);
      }
      // The secretariat may see the voters' names.
      expect(await page.content()).toContain(VOTER_1);
      await shoot(page, 'petition', 'desktop');

      // The public page: petition and answer, never a voter's name.
      const pub = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const pp = await pub.newPage();
      await pp.goto(`${e2e.server.baseUrl}/cong-khai`);
      await pp.getByRole('link', { name: 'Hội đồng nhân dân phường Sa Huỳnh' }).click();
      await pp.getByTestId('public-petitions').getByText(ANSWER).waitFor();
      const content = await pp.content();
      expect(content).toContain(TEXT_1);
      expect(content).not.toContain(VOTER_1);
      expect(content).not.toContain(VOTER_2);
      expect(content).not.toContain(HAMLET);
      await shoot(pp, 'public', 'desktop');
      await pub.close();

      expect(pageErrors).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: 'test-results/e2e-petitions-failure.png', fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await ctx.close();
    }

    // The same screens at tablet size, for a human to look at.
    const tablet: BrowserContext = await e2e.browser.newContext({ viewport: { width: 800, height: 1100 }, locale: 'vi-VN' });
    try {
      const tp = await tablet.newPage();
      await login(tp, e2e.server.baseUrl, 'vp.sahuynh');
      await tp.goto(`${roundUrl}?tab=figures`);
      await tp.getByTestId('round-notice').waitFor();
      await shoot(tp, 'round', 'tablet');
      await tp.goto(`${roundUrl}?tab=intake`);
      await tp.getByTestId('keyboard-entry').waitFor();
      await shoot(tp, 'intake', 'tablet');
      await tp.goto(`${roundUrl}?tab=merge`);
      await tp.getByText('Kiến nghị đã tổng hợp trong đợt').waitFor();
      await shoot(tp, 'merge', 'tablet');
      await tp.goto(petitionUrl);
      await tp.getByTestId('petition-responses').waitFor();
      await shoot(tp, 'petition', 'tablet');
      await logout(tp);
      await login(tp, e2e.server.baseUrl, 'ubnd.sahuynh');
      await tp.locator('.ant-layout-sider').getByText('Kiến nghị cần trả lời', { exact: true }).click().catch(async () => {
        await tp.locator('.ant-layout-sider').getByRole('menuitem').last().click();
      });
      await tp.getByText('Đã trả lời', { exact: true }).first().click();
      await tp.locator('.ant-table-row').first().waitFor();
      await shoot(tp, 'inbox', 'tablet');
      await tp.goto(`${e2e.server.baseUrl}/cong-khai/${councilId}`);
      await tp.getByTestId('public-petitions').waitFor();
      await shoot(tp, 'public', 'tablet');
    } finally {
      await tablet.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { toTcvn3 } from '../../src/domain/text/legacy.ts';
import { delegates } from '../../src/modules/directory/schema.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';

async function xlsx(rows: unknown[][]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đại biểu');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function form(data: Uint8Array<ArrayBuffer> | string, fileName: string, mode: 'preview' | 'commit', extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set('file', new File([data], fileName));
  f.set('mode', mode);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}

for (const kind of dbKinds()) {
  describe(`delegates import [${kind}]`, () => {
    let t: TestApp;
    let vp: TestClient;
    let council: string;
    const count = async () =>
      (await t.db.select({ n: sql<number>`count(*)::int` }).from(delegates).where(eq(delegates.councilId, council)))[0]!.n;
    beforeAll(async () => {
      t = await createTestApp(kind);
      vp = await t.as('vp.sahuynh');
      council = t.id('council:sa-huynh');
    });
    afterAll(() => t.close());

    // TCVN3 has no accented capitals (they lived in a separate "H" font), so the name avoids them.
    it('imports an XLSX with a TCVN3-encoded name converted, matched constituency, preview first', async () => {
      const data = await xlsx([
        ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Chức vụ', 'Nơi công tác', 'Đơn vị bầu cử', 'Điện thoại', 'Thư điện tử'],
        [1, toTcvn3('Huỳnh Thị Tuyết Mai'), 'Nữ', 1982, 'Đại biểu', toTcvn3('Trường Tiểu học Phổ Thạnh'), 1, '0905123456', 'tuyet@example.vn'],
        [2, 'Võ Văn Đức', 'Nam', '1975', 'Đại biểu', 'UBND phường', 'Đơn vị bầu cử số 2', '', ''],
      ]);
      const before = await count();
      const preview = await (await vp.upload(`/api/councils/${council}/delegates/import`, form(data, 'dai-bieu.xlsx', 'preview'))).json();
      expect(preview).toMatchObject({ mode: 'preview', creates: 2, errors: [] });
      expect(preview.preview[0]).toMatchObject({ fullName: 'Huỳnh Thị Tuyết Mai', gender: 'female', birthYear: 1982, constituencyName: 'Đơn vị bầu cử số 1' });
      expect(await count()).toBe(before);
      const res = await vp.upload(`/api/councils/${council}/delegates/import`, form(data, 'dai-bieu.xlsx', 'commit'));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ mode: 'commit', creates: 2 });
      expect(await count()).toBe(before + 2);
      const found = await (await vp.get(`/api/councils/${council}/delegates?q=tuyet mai`)).json();
      expect(found.items).toHaveLength(1);
      expect(found.items[0]).toMatchObject({
        fullName: 'Huỳnh Thị Tuyết Mai', gender: 'female', birthYear: 1982, workplace: 'Trường Tiểu học Phổ Thạnh', constituencyName: 'Đơn vị bầu cử số 1',
      });
      const [ev] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'delegate.import'), eq(auditEvents.councilId, council)));
      expect(ev).toBeTruthy();
      // The same file again: both people already exist → errors, nothing written, unless the file marks them.
      const again = await (await vp.upload(`/api/councils/${council}/delegates/import`, form(data, 'dai-bieu.xlsx', 'preview'))).json();
      expect(again.errors.map((e: { message: string }) => e.message).join('\n')).toContain('đã có trong danh sách của HĐND');
      const marked = await xlsx([
        ['Họ và tên', 'Năm sinh', 'Vẫn nhập nếu trùng'],
        ['Võ Văn Đức', 1975, 'Có'],
      ]);
      const ok = await (await vp.upload(`/api/councils/${council}/delegates/import`, form(marked, 'trung.xlsx', 'preview'))).json();
      expect(ok).toMatchObject({ creates: 1, errors: [] });
    });

    it('commits nothing when one row is bad, and lists that row’s Vietnamese errors', async () => {
      const data = await xlsx([
        ['Họ và tên', 'Giới tính', 'Năm sinh', 'Đơn vị bầu cử'],
        ['Người Thứ Nhất', 'Nam', 1970, '1'],
        ['Người Thứ Hai', 'Nữ', 1971, '2'],
        ['Người Thứ Ba', 'Nam', 1972, '1'],
        ['Người Thứ Tư', 'Nữ', 1973, '2'],
        ['Người Thứ Năm', 'Nam', 1974, '1'],
        ['Người Sai', 'Nam', 'năm bảy lăm', 'Đơn vị số 99'],
        ['Người Thứ Nhất', 'Nam', 1970, '1'],
      ]);
      const before = await count();
      const res = await vp.upload(`/api/councils/${council}/delegates/import`, form(data, 'loi.xlsx', 'commit'));
      expect(res.status).toBe(422);
      const body = await res.json();
      const messages: string[] = body.error.details.map((e: { message: string }) => e.message);
      expect(messages.some((m) => m.startsWith('Dòng 7: năm sinh không hợp lệ'))).toBe(true);
      expect(messages.some((m) => m.startsWith('Dòng 8:') && m.includes('trùng với dòng 2'))).toBe(true);
      expect(await count()).toBe(before);
      const bad = await xlsx([
        ['Họ và tên', 'Đơn vị bầu cử'],
        ['Người Lạ', 'Đơn vị bầu cử số 42'],
      ]);
      const preview = await (await vp.upload(`/api/councils/${council}/delegates/import`, form(bad, 'dvbc.xlsx', 'preview'))).json();
      expect(preview.errors[0].message).toContain('Dòng 2: không tìm thấy đơn vị bầu cử');
    });

    it('refuses a secretariat of another council (403)', async () => {
      const other = await t.as('vp.ducpho');
      const data = await xlsx([['Họ và tên'], ['Ai Đó']]);
      const before = await count();
      const res = await other.upload(`/api/councils/${council}/delegates/import`, form(data, 'x.xlsx', 'commit'));
      expect(res.status).toBe(403);
      expect(await count()).toBe(before);
    });

    it('imports a 2,000-row CSV fully, in one request', async () => {
      const lines = ['Họ và tên;Giới tính;Năm sinh;Chức vụ;Đơn vị bầu cử;Điện thoại'];
      for (let i = 0; i < 2000; i++) {
        lines.push(`Nguyễn Văn Thử ${i + 1};${i % 2 ? 'Nữ' : 'Nam'};${1950 + (i % 50)};Đại biểu;${(i % 2) + 1};09${String(i).padStart(8, '0')}`);
      }
      const csv = lines.join('\r\n');
      const before = await count();
      const res = await vp.upload(`/api/councils/${council}/delegates/import`, form(csv, 'lon.csv', 'commit', { termId: t.id('term:sa-huynh') }));
      const body = await res.json();
      expect(body.errors ?? body.error).toEqual([]);
      expect(res.status).toBe(200);
      expect(body).toMatchObject({ mode: 'commit', creates: 2000 });
      expect(await count()).toBe(before + 2000);
      const found = await (await vp.get(`/api/councils/${council}/delegates?q=nguyen van thu 1999`)).json();
      expect(found.items[0]).toMatchObject({ fullName: 'Nguyễn Văn Thử 1999', birthYear: 1998, constituencyName: 'Đơn vị bầu cử số 1' });
    }, 120_000);
  });
}

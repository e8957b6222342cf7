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
      // The same file again: both people already exist and nothing changed → no creates, both unchanged;
      // a row marked "Có" is still a new namesake.
      const again = await (await vp.upload(`/api/councils/${council}/delegates/import`, form(data, 'dai-bieu.xlsx', 'preview'))).json();
      expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 2, errors: [] });
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

    const importFile = async (rows: unknown[][], name: string, mode: 'preview' | 'commit') =>
      vp.upload(`/api/councils/${council}/delegates/import`, form(await xlsx(rows), name, mode));
    const HEAD = ['Họ và tên', 'Giới tính', 'Năm sinh', 'Chức vụ', 'Nơi công tác', 'Đơn vị bầu cử', 'Trạng thái'];
    const byName = async (fullName: string) =>
      t.db.select().from(delegates).where(and(eq(delegates.councilId, council), eq(delegates.fullName, fullName)));

    it('imports the same file twice: the second time creates nothing and reports every row unchanged', async () => {
      const rows = [
        HEAD,
        ['Lê Thị Hồng Nhung', 'Nữ', 1980, 'Đại biểu', 'Hội Phụ nữ phường', 1, ''],
        ['Phạm Văn Ước', 'Nam', 1968, 'Trưởng ban Kinh tế - Xã hội', 'HĐND thị xã', 2, 'Đang là đại biểu'],
        ['Nguyễn Thị Hòa', 'Nữ', 1985, 'Đại biểu', 'Trường THCS Phổ Vinh', 1, ''],
      ];
      const first = await importFile(rows, 'lap-1.xlsx', 'commit');
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ creates: 3, updates: 0, unchanged: 0 });
      const before = await count();
      const again = await (await importFile(rows, 'lap-2.xlsx', 'preview')).json();
      expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 3, errors: [] });
      expect(again.preview.map((p: { action: string }) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      const commit = await importFile(rows, 'lap-2.xlsx', 'commit');
      expect(commit.status).toBe(422);
      expect((await commit.json()).error.message).toContain('Không có gì thay đổi');
      expect(await count()).toBe(before);
    });

    it('updates a changed position and creates a new delegate; empty cells clear nothing; audit keeps before → after', async () => {
      const before = await count();
      const rows = [
        HEAD,
        // Position changed; status "Đã thôi" (left the council).
        ['Phạm Văn Ước', 'Nam', 1968, 'Phó Chủ tịch HĐND', 'HĐND thị xã', 2, 'Đã thôi'],
        // Only the name and year given: nothing to clear, nothing changes.
        ['Lê Thị Hồng Nhung', '', 1980, '', '', '', ''],
        // A by-election.
        ['Ngô Thị Lan', 'Nữ', 1990, 'Đại biểu', 'Đoàn Thanh niên phường', 1, ''],
      ];
      const preview = await (await importFile(rows, 'bau-bo-sung.xlsx', 'preview')).json();
      expect(preview).toMatchObject({ creates: 1, updates: 1, unchanged: 1, errors: [] });
      expect(preview.preview.map((p: { fullName: string; action: string }) => [p.fullName, p.action])).toEqual([
        ['Phạm Văn Ước', 'update'],
        ['Ngô Thị Lan', 'create'],
        ['Lê Thị Hồng Nhung', 'unchanged'],
      ]);
      expect(preview.preview[0].changes).toEqual([
        { label: 'Chức vụ', before: 'Trưởng ban Kinh tế - Xã hội', after: 'Phó Chủ tịch HĐND' },
        { label: 'Trạng thái', before: 'Đang là đại biểu', after: 'Đã thôi' },
      ]);
      expect(await count()).toBe(before);
      const res = await importFile(rows, 'bau-bo-sung.xlsx', 'commit');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ mode: 'commit', creates: 1, updates: 1, unchanged: 1 });
      expect(await count()).toBe(before + 1);
      const [uoc] = await byName('Phạm Văn Ước');
      expect(uoc).toMatchObject({ position: 'Phó Chủ tịch HĐND', workplace: 'HĐND thị xã', status: 'ended' });
      expect(uoc!.searchKey).toContain('pho chu tich hdnd');
      const [nhung] = await byName('Lê Thị Hồng Nhung');
      expect(nhung).toMatchObject({ gender: 'female', position: 'Đại biểu', workplace: 'Hội Phụ nữ phường' });
      expect(nhung!.constituencyId).toBeTruthy();
      const [lan] = await byName('Ngô Thị Lan');
      expect(lan).toMatchObject({ status: 'active', termId: t.id('term:sa-huynh') });
      const [ev] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'delegate.import'), eq(auditEvents.entityId, 'bau-bo-sung.xlsx')));
      expect(ev!.before).toEqual({ updated: [{ id: uoc!.id, fullName: 'Phạm Văn Ước', position: 'Trưởng ban Kinh tế - Xã hội', status: 'active' }] });
      expect(ev!.after).toMatchObject({
        creates: 1,
        updates: 1,
        unchanged: 1,
        delegates: [{ id: lan!.id, fullName: 'Ngô Thị Lan' }],
        updated: [{ id: uoc!.id, fullName: 'Phạm Văn Ước', position: 'Phó Chủ tịch HĐND', status: 'ended' }],
      });
    });

    it('matches a name typed without accents or with the old tone placement, and keeps the stored name', async () => {
      const before = await count();
      const preview = await (
        await importFile(
          [
            ['Họ và tên', 'Năm sinh', 'Nơi công tác'],
            ['Pham Van Uoc', 1968, 'Thường trực HĐND thị xã'],
            ['Nguyễn Thị Hoà', 1985, 'Trường THCS Phổ Vinh'],
          ],
          'khong-dau.xlsx',
          'preview',
        )
      ).json();
      expect(preview).toMatchObject({ creates: 0, updates: 1, unchanged: 1, errors: [] });
      expect(preview.preview[0]).toMatchObject({ fullName: 'Phạm Văn Ước', action: 'update', changes: [{ label: 'Nơi công tác', after: 'Thường trực HĐND thị xã' }] });
      expect(preview.preview[1]).toMatchObject({ fullName: 'Nguyễn Thị Hòa', action: 'unchanged' });
      const res = await importFile([['Họ và tên', 'Năm sinh', 'Nơi công tác'], ['Pham Van Uoc', 1968, 'Thường trực HĐND thị xã']], 'khong-dau.xlsx', 'commit');
      expect(res.status).toBe(200);
      expect(await count()).toBe(before);
      const [uoc] = await byName('Phạm Văn Ước');
      expect(uoc).toMatchObject({ fullName: 'Phạm Văn Ước', workplace: 'Thường trực HĐND thị xã', position: 'Phó Chủ tịch HĐND' });
      // No birth year in the file: the one delegate of that name still matches.
      const noYear = await (await importFile([['Họ và tên', 'Chức vụ'], ['NGUYEN  THI  HOA', 'Đại biểu']], 'khong-nam.xlsx', 'preview')).json();
      expect(noYear).toMatchObject({ creates: 0, updates: 0, unchanged: 1, errors: [] });
    });

    it('refuses an ambiguous match (two namesakes born the same year) as a row error and writes nothing', async () => {
      const twins = await importFile(
        [['Họ và tên', 'Năm sinh', 'Vẫn nhập nếu trùng'], ['Võ Minh Trí', 1979, ''], ['Võ Minh Trí', 1979, 'Có']],
        'trung-ten.xlsx',
        'preview',
      );
      // Two identical rows of one file are still a duplicate within the file.
      expect((await twins.json()).errors[0].message).toContain('trùng với dòng 2');
      expect((await importFile([['Họ và tên', 'Năm sinh'], ['Võ Minh Trí', 1979]], 'tri-1.xlsx', 'commit')).status).toBe(200);
      const marked = await importFile([['Họ và tên', 'Năm sinh', 'Vẫn nhập nếu trùng'], ['Võ Minh Trí', 1979, 'Có']], 'tri-2.xlsx', 'commit');
      expect(await marked.json()).toMatchObject({ creates: 1, updates: 0 });
      const before = await count();
      const res = await importFile(
        [['Họ và tên', 'Năm sinh', 'Chức vụ'], ['Ngô Thị Lan', 1990, 'Ủy viên Ban Văn hóa - Xã hội'], ['Vo Minh Tri', 1979, 'Đại biểu']],
        'mo-ho.xlsx',
        'commit',
      );
      expect(res.status).toBe(422);
      const messages: string[] = (await res.json()).error.details.map((e: { message: string }) => e.message);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Dòng 3: có 2 đại biểu trùng họ tên và năm sinh/);
      expect(await count()).toBe(before);
      const [lan] = await byName('Ngô Thị Lan');
      expect(lan!.position).toBe('Đại biểu');
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

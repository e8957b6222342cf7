// Every list exports to .xlsx with its current filters: Vietnamese headers, only the filtered rows,
// dates as real dates, a frozen header, the list's permission and scope. The units export goes
// back in through /units/import as it is (0 errors, 0 creates), also with 20,000 rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { planUnitImport } from '../../src/modules/directory/importUnits.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Sheet {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  headers: string[];
  /** Data rows as header → value. */
  rows: Record<string, unknown>[];
  bytes: Uint8Array;
}

async function openExport(res: Response): Promise<Sheet> {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const view = ws.views[0] as { state?: string; ySplit?: number };
  expect(view.state).toBe('frozen');
  const headerRow = view.ySplit!;
  expect(headerRow).toBeGreaterThanOrEqual(1);
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    if (!values.length) continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
  }
  // Every column has a width.
  headers.forEach((_, i) => expect(ws.getColumn(i + 1).width).toBeGreaterThan(0));
  return { ws, headerRow, headers, rows, bytes };
}

const isVietnamese = (s: string) => /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(s);

for (const kind of dbKinds()) {
  describe(`list exports [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let vp: TestClient;
    let council: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
      vp = await t.as('vp.sahuynh');
      council = t.id('council:sa-huynh');
    });
    afterAll(() => t.close());

    it('exports the delegates of a council with the list’s filters', async () => {
      for (const [fullName, status] of [['Nguyễn Thị Ước Mơ', 'active'], ['Trần Văn Đức Xuất', 'ended'], ['Lê Thị Ánh Xuất', 'active']] as const) {
        const r = await vp.post(`/api/councils/${council}/delegates`, { fullName, status, position: 'Chủ nhiệm Hợp tác xã', gender: 'female' });
        expect(r.status).toBe(201);
      }
      const list = await (await vp.get(`/api/councils/${council}/delegates?q=xuat&status=active&pageSize=200`)).json();
      const sheet = await openExport(await vp.get(`/api/councils/${council}/delegates/export.xlsx?q=xuat&status=active`));
      expect(sheet.headers).toEqual(expect.arrayContaining(['Họ và tên', 'Giới tính', 'Chức vụ', 'Trạng thái', 'Ngày cập nhật']));
      expect(sheet.headers.every(isVietnameseOrPlain)).toBe(true);
      expect(sheet.rows.map((r) => r['Họ và tên'])).toEqual(list.items.map((d: { fullName: string }) => d.fullName));
      expect(sheet.rows.map((r) => r['Họ và tên'])).toEqual(['Lê Thị Ánh Xuất']);
      expect(sheet.rows[0]!['Trạng thái']).toBe('Đang là đại biểu');
      expect(sheet.rows[0]!['Ngày cập nhật']).toBeInstanceOf(Date);
      expect(sheet.ws.getCell(sheet.headerRow + 1, sheet.headers.indexOf('Ngày cập nhật') + 1).numFmt).toBe('dd/mm/yyyy');
      // No filter: every delegate of the council, none of another council.
      const all = await (await vp.get(`/api/councils/${council}/delegates?pageSize=200`)).json();
      const full = await openExport(await vp.get(`/api/councils/${council}/delegates/export.xlsx`));
      expect(full.rows.length).toBe(all.total);
    });

    it('exports agencies with the list’s filters', async () => {
      const list = await (await admin.get('/api/agencies?kind=department&pageSize=200')).json();
      expect(list.total).toBeGreaterThan(0);
      const sheet = await openExport(await vp.get('/api/agencies/export.xlsx?kind=department'));
      expect(sheet.headers).toEqual(expect.arrayContaining(['Tên cơ quan', 'Loại cơ quan', 'Cấp', 'Ngày cập nhật']));
      expect(sheet.rows.map((r) => r['Tên cơ quan'])).toEqual(list.items.map((a: { name: string }) => a.name));
      expect(new Set(sheet.rows.map((r) => r['Loại cơ quan']))).toEqual(new Set(['Sở, phòng, ban chuyên môn']));
      expect(sheet.rows[0]!['Ngày cập nhật']).toBeInstanceOf(Date);
    });

    it('exports units that re-import through /units/import with 0 errors and 0 creates', async () => {
      const created = await admin.post('/api/units', { code: '99901', name: 'Hòa Xuân Đông', type: 'phuong', validFrom: '2025-07-01' });
      expect(created.status).toBe(201);
      const sheet = await openExport(await admin.get('/api/units/export.xlsx'));
      expect(sheet.headers).toEqual(['Mã', 'Tên', 'Cấp', 'Mã cấp trên', 'Hiệu lực từ', 'Hiệu lực đến']);
      expect(sheet.headerRow).toBe(1);
      const total = (await (await admin.get('/api/units?pageSize=1')).json()).total;
      expect(sheet.rows.length).toBe(total);
      const row = sheet.rows.find((r) => r['Mã'] === '99901')!;
      expect(row).toMatchObject({ 'Tên': 'Hòa Xuân Đông', 'Cấp': 'Phường' });
      expect(row['Hiệu lực từ']).toEqual(new Date('2025-07-01T00:00:00Z'));
      // A child carries its parent's code.
      expect(sheet.rows.some((r) => typeof r['Mã cấp trên'] === 'string' && r['Mã cấp trên'] !== '')).toBe(true);
      const form = new FormData();
      form.set('file', new File([sheet.bytes as unknown as BlobPart], 'don-vi.xlsx', { type: XLSX }));
      form.set('mode', 'preview');
      const preview = await (await admin.upload('/api/units/import', form)).json();
      expect(preview).toMatchObject({ mode: 'preview', errors: [], creates: 0, updates: total });
      // Filtered: only the matching units.
      const filtered = await openExport(await admin.get('/api/units/export.xlsx?q=hoa xuan dong'));
      expect(filtered.rows.map((r) => r['Mã'])).toEqual(['99901']);
    });

    it('exports the council audit log and the global one with the list’s filters', async () => {
      const list = await (await vp.get(`/api/councils/${council}/audit?action=delegate.create&pageSize=200`)).json();
      expect(list.total).toBeGreaterThanOrEqual(3);
      const sheet = await openExport(await vp.get(`/api/councils/${council}/audit/export.xlsx?action=delegate.create`));
      expect(sheet.headers).toEqual(expect.arrayContaining(['Thời điểm', 'Người thực hiện', 'Mã thao tác', 'Loại đối tượng', 'Mã đối tượng']));
      expect(sheet.rows.length).toBe(list.total);
      expect(new Set(sheet.rows.map((r) => r['Mã thao tác']))).toEqual(new Set(['delegate.create']));
      // Written for a reader: the action and the kind of record in Vietnamese.
      expect(new Set(sheet.rows.map((r) => `${r['Thao tác']} / ${r['Loại đối tượng']}`))).toEqual(new Set(['Thêm đại biểu / Đại biểu']));
      expect(sheet.rows[0]!['Thời điểm']).toBeInstanceOf(Date);
      expect(sheet.ws.getCell(sheet.headerRow + 1, sheet.headers.indexOf('Thời điểm') + 1).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(String(sheet.rows[0]!['Sau khi thay đổi'])).toContain('Xuất');
      const global = await (await admin.get('/api/audit?action=unit.create&pageSize=200')).json();
      const gs = await openExport(await admin.get('/api/audit/export.xlsx?action=unit.create'));
      expect(gs.rows.length).toBe(global.total);
      expect(gs.rows.map((r) => r['Mã đối tượng'])).toEqual(global.items.map((e: { entityId: string }) => e.entityId));
      // Date range: nothing before the demo's "now".
      const none = await openExport(await admin.get('/api/audit/export.xlsx?to=2000-01-01'));
      expect(none.rows.length).toBe(0);
    });

    it('refuses an out-of-scope user with 403, like the list', async () => {
      const other = t.id('council:duc-pho-ward');
      expect((await vp.get(`/api/councils/${other}/delegates/export.xlsx`)).status).toBe(403);
      expect((await vp.get(`/api/councils/${other}/audit/export.xlsx`)).status).toBe(403);
      expect((await vp.get('/api/audit/export.xlsx')).status).toBe(403);
      const responder = await t.as('so.xaydung');
      expect((await responder.get(`/api/councils/${council}/delegates/export.xlsx`)).status).toBe(403);
      expect((await t.anonymous().get('/api/units/export.xlsx')).status).toBe(401);
    });

    it('round-trips 20,000 units: export, re-import preview, Vietnamese text unchanged', async () => {
      const names = ['Hòa Khánh Bắc', 'Thủy Xuân', 'Ngũ Hành Sơn', 'Đắk Glei', 'Ea H\'Leo', 'Quỳnh Lưu', 'Hương Trà', 'Ứng Hòa', 'Tân Uyên', 'Krông Pắc'];
      const parent = (await (await admin.get('/api/units?root=true&pageSize=1')).json()).items[0];
      await t.db.execute(sql`
        insert into admin_units (code, name, type, level, parent_id, valid_from, sort_key, search_key)
        select (800000 + i)::text,
               (array[${sql.raw(names.map((n) => `'${n.replace(/'/g, "''")}'`).join(','))}])[1 + i % ${names.length}] || ' ' || i,
               case when i % 3 = 0 then 'xa' when i % 3 = 1 then 'phuong' else 'thi_tran' end,
               'commune', ${parent.id}::uuid,
               case when i % 2 = 0 then date '2025-07-01' else null end,
               lpad(i::text, 6, '0'), 'x' || i
        from generate_series(1, 20000) as s(i)`);
      const stored = new Map<string, string>();
      for (const r of (await t.db.execute(sql`select code, name from admin_units`)).rows as { code: string; name: string }[]) stored.set(r.code, r.name);
      expect(stored.size).toBeGreaterThanOrEqual(20_000);

      const res = await admin.get('/api/units/export.xlsx');
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const form = new FormData();
      form.set('file', new File([bytes as unknown as BlobPart], 'don-vi-20000.xlsx', { type: XLSX }));
      form.set('mode', 'preview');
      const preview = await (await admin.upload('/api/units/import', form)).json();
      expect(preview).toMatchObject({ mode: 'preview', errors: [], creates: 0, updates: stored.size, total: stored.size });
      for (const p of preview.preview as { code: string; name: string }[]) expect(p.name).toBe(stored.get(p.code));
      // Every row, not only the 20 the preview shows: the plan the import would commit.
      const plan = await planUnitImport(t.db, bytes, 'don-vi-20000.xlsx');
      expect(plan.rows.length).toBe(stored.size);
      const changed = plan.rows.filter((r) => r.name !== stored.get(r.code) || r.name !== r.name.normalize('NFC'));
      expect(changed).toEqual([]);
      const sample = plan.rows.find((r) => r.code === '800007')!;
      expect(sample).toMatchObject({ name: 'Ứng Hòa 7', type: 'phuong', parentCode: parent.code, validFrom: null });
      expect(plan.rows.find((r) => r.code === '800008')).toMatchObject({ name: 'Tân Uyên 8', type: 'thi_tran', validFrom: '2025-07-01' });
    }, 240_000);
  });
}

function isVietnameseOrPlain(h: string): boolean {
  return h === 'STT' || isVietnamese(h) || /^[A-ZĐa-zđ ]+$/.test(h);
}
